import assert from 'node:assert/strict';
import { test } from 'node:test';

import { canvasFpsOf, readScriptConfig } from './script-config.js';

const tag = (dataset) => ({
  src: 'https://replay.example.com/sdk/recorder.js',
  dataset: { applicationId: 'app-1', token: 'secret', ...dataset },
});

test('the tag gives the application, the token and the endpoint of its own src', () => {
  assert.deepEqual(readScriptConfig(tag({})), {
    applicationId: 'app-1',
    token: 'secret',
    endpoint: 'https://replay.example.com',
    canvasFps: 0,
  });
});

test('without an application or a token nothing is recorded', () => {
  assert.equal(readScriptConfig(tag({ applicationId: ' ' })), null);
  assert.equal(readScriptConfig(tag({ token: '' })), null);
  assert.equal(readScriptConfig(null), null);
});

test('data-record-canvas turns canvas recording on at that many frames per second', () => {
  assert.equal(readScriptConfig(tag({ recordCanvas: '2' })).canvasFps, 2);
  assert.equal(readScriptConfig(tag({ recordCanvas: ' 5 ' })).canvasFps, 5);
});

test('canvases are not recorded when the attribute is absent, empty, 0 or not a number', () => {
  for (const value of [undefined, null, '', '0', '-3', 'yes', 'NaN']) {
    assert.equal(canvasFpsOf(value), 0, String(value));
  }
});

test('the frame rate is rounded and kept within 1 to 10 per second', () => {
  assert.equal(canvasFpsOf('0.3'), 1);
  assert.equal(canvasFpsOf('2.6'), 3);
  assert.equal(canvasFpsOf('10'), 10);
  assert.equal(canvasFpsOf('60'), 10);
});
