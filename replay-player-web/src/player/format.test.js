import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatDuration } from './format.js';

test('formatDuration writes m:ss, and h:mm:ss from an hour on', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(9_999), '0:09');
  assert.equal(formatDuration(83_000), '1:23');
  assert.equal(formatDuration(3_599_999), '59:59');
  assert.equal(formatDuration(3_723_000), '1:02:03');
  assert.equal(formatDuration(-5_000), '0:00');
});
