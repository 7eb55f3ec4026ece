import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { formatOffset, momentUrl, parseOffset, readPlayerLocation } from './location.js';

const at = (href) => new URL(href, 'http://replay.test');

describe('readPlayerLocation', () => {
  test('reads the session, the time and autoplay from the address', () => {
    assert.deepEqual(readPlayerLocation(at('/replays/abc-123?t=83000&autoplay=0')), { sessionId: 'abc-123', startAt: 83000, autoplay: false });
  });

  test('plays from the start by default', () => {
    assert.deepEqual(readPlayerLocation(at('/replays/abc-123')), { sessionId: 'abc-123', startAt: null, autoplay: true });
  });

  test('reads the embedded player\'s address and a trailing slash', () => {
    assert.equal(readPlayerLocation(at('/embed/replays/abc/?t=1m')).sessionId, 'abc');
  });

  test('decodes the session id', () => {
    assert.equal(readPlayerLocation(at('/replays/a%20b')).sessionId, 'a b');
  });

  test('names no session for a malformed escape or another path', () => {
    assert.equal(readPlayerLocation(at('/replays/%E0%A4%A')).sessionId, null);
    assert.equal(readPlayerLocation(at('/sessions')).sessionId, null);
    assert.equal(readPlayerLocation(at('/replays/abc/more')).sessionId, null);
  });

  test('autoplays unless autoplay is exactly 0', () => {
    assert.equal(readPlayerLocation(at('/replays/a?autoplay=false')).autoplay, true);
    assert.equal(readPlayerLocation(at('/replays/a?autoplay=1')).autoplay, true);
  });
});

describe('parseOffset', () => {
  test('reads milliseconds, rounding down', () => {
    assert.equal(parseOffset('83000'), 83000);
    assert.equal(parseOffset('1500.9'), 1500);
  });

  test('reads hours, minutes and seconds', () => {
    assert.equal(parseOffset('1m23s'), 83000);
    assert.equal(parseOffset('83s'), 83000);
    assert.equal(parseOffset('1h2m3.5s'), 3723500);
    assert.equal(parseOffset('2h'), 7200000);
    assert.equal(parseOffset(' 1M5S '), 65000);
  });

  test('gives null for nothing or something else', () => {
    assert.equal(parseOffset(null), null);
    assert.equal(parseOffset(undefined), null);
    assert.equal(parseOffset('  '), null);
    assert.equal(parseOffset('soon'), null);
    assert.equal(parseOffset('1s2m'), null);
    assert.equal(parseOffset('-5'), null);
  });
});

describe('formatOffset', () => {
  test('writes the largest units that apply', () => {
    assert.equal(formatOffset(83000), '1m23s');
    assert.equal(formatOffset(7205000), '2h0m5s');
    assert.equal(formatOffset(9999), '9s');
  });

  test('writes 0s for the start and before it', () => {
    assert.equal(formatOffset(0), '0s');
    assert.equal(formatOffset(-3000), '0s');
  });

  test('reads back as what it wrote, to the second', () => {
    for (const ms of [0, 59000, 61000, 3599000, 3723000]) {
      assert.equal(parseOffset(formatOffset(ms)), ms);
    }
  });
});

describe('momentUrl', () => {
  test('opens the session\'s player at the moment', () => {
    assert.equal(momentUrl('a/b', 83400, 'https://replay.example.com'), 'https://replay.example.com/replays/a%2Fb?t=1m23s');
  });
});
