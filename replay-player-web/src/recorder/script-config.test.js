import assert from 'node:assert/strict';
import { test } from 'node:test';

import { canvasFpsOf, headerNamesOf, readScriptConfig } from './script-config.js';

const tag = (dataset) => ({
  src: 'https://replay.example.com/sdk/recorder.js',
  dataset: { applicationId: 'app-1', token: 'secret', ...dataset },
});

// selectors as a browser would judge them: anything with an unbalanced bracket is refused
const validSelector = (selector) => !/[[(]/.test(selector.replace(/\[[^\]]*\]|\([^)]*\)/g, ''));

const read = (dataset) => readScriptConfig(tag(dataset), validSelector);

test('the tag gives the application, the token and the endpoint of its own src, masking every input', () => {
  assert.deepEqual(read({}), {
    applicationId: 'app-1',
    token: 'secret',
    endpoint: 'https://replay.example.com',
    canvasFps: 0,
    privacy: { maskInputs: 'all', maskTextSelector: null, blockSelector: null },
    networkHeaders: [],
  });
});

test('without an application or a token nothing is recorded', () => {
  assert.equal(read({ applicationId: ' ' }), null);
  assert.equal(read({ token: '' }), null);
  assert.equal(readScriptConfig(null), null);
});

test('data-mask-inputs chooses all, sensitive or none, in any case', () => {
  assert.equal(read({ maskInputs: 'sensitive' }).privacy.maskInputs, 'sensitive');
  assert.equal(read({ maskInputs: ' NONE ' }).privacy.maskInputs, 'none');
  assert.equal(read({ maskInputs: 'all' }).privacy.maskInputs, 'all');
  assert.equal(read({ maskInputs: '' }).privacy.maskInputs, 'all');
});

test('an unknown masking mode records nothing rather than mask less than asked', () => {
  assert.equal(read({ maskInputs: 'some' }), null);
  assert.equal(read({ maskInputs: 'false' }), null);
});

test('the mask-text and block selectors are passed on; a selector the browser refuses records nothing', () => {
  const config = read({ maskTextSelector: ' .customer-name, [data-private] ', blockSelector: '#card-form' });
  assert.deepEqual(config.privacy, {
    maskInputs: 'all',
    maskTextSelector: '.customer-name, [data-private]',
    blockSelector: '#card-form',
  });
  assert.equal(read({ maskTextSelector: '[data-private' }), null);
  assert.equal(read({ blockSelector: 'div:not(.a' }), null);
});

test('data-network-headers names the headers to record, never those that carry credentials', () => {
  assert.deepEqual(read({ networkHeaders: 'X-Request-Id, content-type  Authorization,Cookie set-cookie x-request-id' })
    .networkHeaders, ['x-request-id', 'content-type']);
  assert.deepEqual(headerNamesOf(undefined), []);
  assert.deepEqual(headerNamesOf(' , '), []);
});

test('data-record-canvas turns canvas recording on at that many frames per second', () => {
  assert.equal(read({ recordCanvas: '2' }).canvasFps, 2);
  assert.equal(read({ recordCanvas: ' 5 ' }).canvasFps, 5);
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
