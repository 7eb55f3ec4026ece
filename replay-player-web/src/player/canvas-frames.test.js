import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { EventType, IncrementalSource } from 'rrweb';

import {
  dataUrlToBlob,
  deserializeArg,
  frameDataUrl,
  framesToApply,
  isCanvasMutation,
  isFullFrame,
  snapshotCanvases,
} from './canvas-frames.js';

const base64 = (text) => Buffer.from(text).toString('base64');

// A frame as rrweb's recorder samples it: the whole canvas cleared, then its image drawn.
const frame = (id, image = 'pixels') => ({
  source: IncrementalSource.CanvasMutation,
  id,
  type: 0,
  commands: [
    { property: 'clearRect', args: [0, 0, 300, 150] },
    {
      property: 'drawImage',
      args: [
        {
          rr_type: 'ImageBitmap',
          args: [{ rr_type: 'Blob', data: [{ rr_type: 'ArrayBuffer', base64: base64(image) }], type: 'image/webp' }],
        },
        0,
        0,
      ],
    },
  ],
});

const call = (id, property, args) => ({ source: IncrementalSource.CanvasMutation, id, type: 0, property, args });

// A createImageBitmap that resolves to what it was given, to look at.
const platform = { Blob, createImageBitmap: async (...args) => ({ bitmapOf: args }) };

describe('deserializeArg', () => {
  test('plain numbers, strings and arrays of them stay as they are', async () => {
    assert.equal(await deserializeArg(12, platform), 12);
    assert.equal(await deserializeArg('#f00', platform), '#f00');
    assert.deepEqual(await deserializeArg([0, 0, 300, 150], platform), [0, 0, 300, 150]);
  });

  test('a recorded frame becomes an ImageBitmap of a Blob with the decoded bytes and their type', async () => {
    const [image, x, y] = await deserializeArg(frame(7, 'webp bytes').commands[1].args, platform);
    assert.equal(x, 0);
    assert.equal(y, 0);
    const [blob] = image.bitmapOf;
    assert.ok(blob instanceof Blob);
    assert.equal(blob.type, 'image/webp');
    assert.equal(await blob.text(), 'webp bytes');
  });

  test('an ArrayBuffer comes from its base64', async () => {
    const buffer = await deserializeArg({ rr_type: 'ArrayBuffer', base64: base64('abc') }, platform);
    assert.ok(buffer instanceof ArrayBuffer);
    assert.deepEqual([...new Uint8Array(buffer)], [97, 98, 99]);
  });

  test('typed arrays are built from their arguments', async () => {
    const array = await deserializeArg(
      { rr_type: 'Uint8ClampedArray', args: [{ rr_type: 'ArrayBuffer', base64: base64('\u0001\u0002') }] },
      { ...platform, Uint8ClampedArray },
    );
    assert.deepEqual([...array], [1, 2]);
  });

  test('what the player cannot rebuild is refused rather than drawn wrong', async () => {
    await assert.rejects(deserializeArg({ rr_type: 'HTMLImageElement', src: 'https://example.com/a.png' }, platform));
    await assert.rejects(deserializeArg({ rr_type: 'WebGLTexture', index: 0 }, platform));
    await assert.rejects(deserializeArg({ rr_type: 'Function', args: ['alert(1)'] }, { ...platform, Function }));
  });
});

describe('which mutations a seek applies', () => {
  test('a sampled frame repaints the whole canvas; a single call does not', () => {
    assert.equal(isFullFrame(frame(1)), true);
    assert.equal(isFullFrame(call(1, 'fillRect', [0, 0, 10, 10])), false);
    assert.equal(isFullFrame({ ...frame(1), commands: [frame(1).commands[0]] }), false);
  });

  test('only the last frame of each canvas is drawn', () => {
    const frames = [frame(1, 'a'), frame(2, 'b'), frame(1, 'c'), frame(2, 'd'), frame(1, 'e')];
    assert.deepEqual(framesToApply(frames), [frames[3], frames[4]]);
  });

  test('calls after a canvas\'s last frame are drawn over it, in order', () => {
    const mutations = [call(1, 'fillRect', [0, 0, 1, 1]), frame(1), call(1, 'fillRect', [1, 1, 2, 2]), call(3, 'stroke', [])];
    assert.deepEqual(framesToApply(mutations), mutations.slice(1));
  });

  test('a canvas without frames gets all its calls', () => {
    const mutations = [call(1, 'fillRect', [0, 0, 1, 1]), call(1, 'fillRect', [1, 1, 2, 2])];
    assert.deepEqual(framesToApply(mutations), mutations);
  });

  test('only 2D canvas mutations are drawn', () => {
    const event = (data) => ({ type: EventType.IncrementalSnapshot, data });
    assert.equal(isCanvasMutation(event(frame(1))), true);
    assert.equal(isCanvasMutation(event({ ...frame(1), type: 1 })), false);
    assert.equal(isCanvasMutation(event({ source: IncrementalSource.Mutation })), false);
    assert.equal(isCanvasMutation({ type: EventType.FullSnapshot, data: {} }), false);
  });
});

describe('canvases in a full snapshot', () => {
  test('each canvas with a recorded image is found with its id', () => {
    const tree = {
      type: 0,
      id: 1,
      childNodes: [
        { type: 2, id: 2, tagName: 'canvas', attributes: { width: '300', rr_dataURL: 'data:image/webp;base64,AAAA' }, childNodes: [] },
        { type: 2, id: 3, tagName: 'div', attributes: {}, childNodes: [
          { type: 2, id: 4, tagName: 'canvas', attributes: {}, childNodes: [] },
          { type: 2, id: 5, tagName: 'canvas', attributes: { rr_dataURL: 'data:image/png;base64,BBBB' }, childNodes: [] },
        ] },
      ],
    };
    assert.deepEqual(snapshotCanvases(tree), [
      { id: 2, url: 'data:image/webp;base64,AAAA' },
      { id: 5, url: 'data:image/png;base64,BBBB' },
    ]);
  });

  test('a base64 data URL becomes a Blob of its bytes; other URLs are not fetched', async () => {
    const blob = dataUrlToBlob(`data:image/png;base64,${base64('png!')}`);
    assert.equal(blob.type, 'image/png');
    assert.equal(await blob.text(), 'png!');
    assert.equal(dataUrlToBlob('https://example.com/canvas.png'), null);
    assert.equal(dataUrlToBlob(undefined), null);
  });
});

describe('what a drawn canvas shows', () => {
  test('a sampled frame shows its recorded image as it is', () => {
    assert.equal(frameDataUrl(frame(1, 'webp bytes')), `data:image/webp;base64,${base64('webp bytes')}`);
  });

  test('other drawings have no recorded picture of their own', () => {
    assert.equal(frameDataUrl(call(1, 'fillRect', [0, 0, 1, 1])), null);
    const extra = frame(1);
    extra.commands.push({ property: 'fillRect', args: [0, 0, 1, 1] });
    assert.equal(frameDataUrl(extra), null);
    const odd = frame(1);
    odd.commands[1].args[0].args[0].type = 'text/html';
    assert.equal(frameDataUrl(odd), null);
  });
});
