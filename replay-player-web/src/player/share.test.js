import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { exportUrl, shareLinkRequest } from './share.js';

describe('exportUrl', () => {
  test('names the session and the format, encoded', () => {
    assert.equal(exportUrl('a b/c', 'html'), '/api/v1/sessions/a%20b%2Fc/export?format=html');
    assert.equal(exportUrl('s1', 'rrweb'), '/api/v1/sessions/s1/export?format=rrweb');
  });
});

describe('shareLinkRequest', () => {
  test('asks for a link that expires a minute before the days are up, from the whole millisecond shown', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    assert.deepEqual(shareLinkRequest(30, 83_456.7, true, now), {
      expiresAt: '2027-01-05T11:59:00.000Z',
      startAt: 83_456,
      devtools: true,
    });
    assert.equal(shareLinkRequest(1, -5, 0, now).startAt, 0);
    assert.equal(shareLinkRequest(1, 0, undefined, now).devtools, false);
    assert.equal(shareLinkRequest(1, 0, false, now).expiresAt, '2026-12-07T11:59:00.000Z');
  });
});
