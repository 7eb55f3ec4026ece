import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatBytes, formatDuration } from './format.js';

test('formatDuration writes m:ss, and h:mm:ss from an hour on', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(9_999), '0:09');
  assert.equal(formatDuration(83_000), '1:23');
  assert.equal(formatDuration(3_599_999), '59:59');
  assert.equal(formatDuration(3_723_000), '1:02:03');
  assert.equal(formatDuration(-5_000), '0:00');
});

test('formatBytes writes B below a kilobyte, then kB and MB with one decimal', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1.0 kB');
  assert.equal(formatBytes(15_360), '15.0 kB');
  assert.equal(formatBytes(3 * 1024 * 1024 + 512 * 1024), '3.5 MB');
  assert.equal(formatBytes(null), '—');
  assert.equal(formatBytes(undefined), '—');
});
