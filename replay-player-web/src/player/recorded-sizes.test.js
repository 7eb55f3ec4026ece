import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { recordedSizes, sizeAt } from './recorded-sizes.js';

const EVENTS = [
  { type: 4, timestamp: 100, data: { href: 'https://shop.example/', width: 1280, height: 720 } },
  { type: 2, timestamp: 101, data: { node: {} } },
  { type: 3, timestamp: 500, data: { source: 2, type: 2, id: 7 } },
  { type: 3, timestamp: 900, data: { source: 4, width: 800, height: 600 } },
  { type: 4, timestamp: 2000, data: { href: 'https://shop.example/cart', width: 1024, height: 768 } },
  { type: 3, timestamp: 2500, data: { source: 4, width: 0, height: 0 } },
];

describe('recordedSizes', () => {
  test('keeps the sizes of Meta events and viewport resizes, in order', () => {
    assert.deepEqual(recordedSizes(EVENTS), [
      { timestamp: 100, width: 1280, height: 720 },
      { timestamp: 900, width: 800, height: 600 },
      { timestamp: 2000, width: 1024, height: 768 },
    ]);
  });
});

describe('sizeAt', () => {
  const sizes = recordedSizes(EVENTS);

  test('is the last size recorded at or before the moment', () => {
    assert.deepEqual(sizeAt(sizes, 899), { width: 1280, height: 720 });
    assert.deepEqual(sizeAt(sizes, 900), { width: 800, height: 600 });
    assert.deepEqual(sizeAt(sizes, 60_000), { width: 1024, height: 768 });
  });

  test('is the first size before the first one, and nothing without sizes', () => {
    assert.deepEqual(sizeAt(sizes, 0), { width: 1280, height: 720 });
    assert.equal(sizeAt([], 1000), null);
  });
});
