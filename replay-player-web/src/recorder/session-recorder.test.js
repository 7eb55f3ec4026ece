import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EventType, IncrementalSource } from 'rrweb';

import { canvasOptions, isUserActivity } from './session-recorder.js';

const incremental = (source) => ({ type: EventType.IncrementalSnapshot, data: { source } });

test('pointer, scroll, input, touch, media, drag and selection are someone using the page', () => {
  for (const source of ['MouseMove', 'MouseInteraction', 'Scroll', 'Input', 'TouchMove', 'MediaInteraction', 'Drag', 'Selection']) {
    assert.equal(isUserActivity(incremental(IncrementalSource[source])), true, source);
  }
});

test('a page drawn anew counts as activity', () => {
  assert.equal(isUserActivity({ type: EventType.Meta, data: {} }), true);
  assert.equal(isUserActivity({ type: EventType.FullSnapshot, data: {} }), true);
});

test('what the page does by itself is not activity', () => {
  for (const source of ['Mutation', 'ViewportResize', 'StyleSheetRule', 'CanvasMutation', 'Font', 'Log']) {
    assert.equal(isUserActivity(incremental(IncrementalSource[source])), false, source);
  }
  assert.equal(isUserActivity({ type: EventType.Custom, data: { tag: 'navigation' } }), false);
  assert.equal(isUserActivity({ type: EventType.Plugin, data: {} }), false);
});

test('canvases are left out unless a frame rate is given', () => {
  assert.deepEqual(canvasOptions(0), {});
  assert.deepEqual(canvasOptions(undefined), {});
});

test('with a frame rate, rrweb samples each canvas as a WebP image that often', () => {
  assert.deepEqual(canvasOptions(2), {
    recordCanvas: true,
    sampling: { canvas: 2 },
    dataURLOptions: { type: 'image/webp', quality: 0.6 },
  });
});
