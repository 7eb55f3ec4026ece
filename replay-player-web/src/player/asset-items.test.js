import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { assetState, emptyAssetsText, shortUrl } from './asset-items.js';

describe('shortUrl', () => {
  test('leaves out the scheme and keeps a short URL whole', () => {
    assert.equal(shortUrl('https://shop.example/css/site.css?v=3'), 'shop.example/css/site.css?v=3');
    assert.equal(shortUrl('http://127.0.0.1:8080/img/logo.png'), '127.0.0.1:8080/img/logo.png');
    assert.equal(shortUrl('https://shop.example/'), 'shop.example');
  });

  test('keeps the host and the file name of a long URL', () => {
    const url = 'https://cdn.shop.example/assets/themes/autumn-2026/build/3f9a1c/fonts/brand-bold.woff2';

    assert.equal(shortUrl(url, 48), 'cdn.shop.example/…/brand-bold.woff2');
  });

  test('cuts the middle when even the host and file name are too long', () => {
    const short = shortUrl(`https://shop.example/img/${'a'.repeat(80)}.png`, 40);

    assert.equal(short.length, 40);
    assert.ok(short.startsWith('shop.example/…/aaa'));
    assert.ok(short.endsWith('aaa.png'));
  });

  test('cuts the middle of what is not a URL', () => {
    assert.equal(shortUrl('x'.repeat(10), 5), 'xx…xx');
    assert.equal(shortUrl('not a url'), 'not a url');
  });
});

describe('assetState', () => {
  test('gives a captured asset its content type and size', () => {
    assert.deepEqual(assetState({ status: 'captured', contentType: 'text/css', size: 2048 }), { label: 'Captured', detail: 'text/css · 2.0 kB' });
    assert.deepEqual(assetState({ status: 'captured', contentType: 'image/png', size: null }), { label: 'Captured', detail: 'image/png' });
  });

  test('says a pending asset is not fetched yet', () => {
    assert.deepEqual(assetState({ status: 'pending', failure: null }), { label: 'Pending', detail: 'Not fetched yet' });
  });

  test('gives a failed asset its reason', () => {
    assert.deepEqual(assetState({ status: 'failed', failure: 'origin not allowed' }), { label: 'Failed', detail: 'origin not allowed' });
    assert.deepEqual(assetState({ status: 'failed', failure: null }), { label: 'Failed', detail: 'No reason given' });
  });

  test('shows a state it does not know as it came', () => {
    assert.deepEqual(assetState({ status: 'expired' }), { label: 'expired', detail: '' });
  });
});

test('emptyAssetsText tells a session with no assets from one not processed yet', () => {
  assert.equal(emptyAssetsText(true), 'No stylesheets, fonts or images referenced.');
  assert.match(emptyAssetsText(false), /not been processed yet/);
});
