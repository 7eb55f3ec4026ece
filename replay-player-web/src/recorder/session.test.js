import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { INACTIVITY_TIMEOUT_MS, SessionStore } from './session.js';

// sessionStorage as the store uses it, counting writes.
class FakeStorage {
  items = new Map();
  writes = 0;

  getItem(key) {
    return this.items.get(key) ?? null;
  }

  setItem(key, value) {
    this.writes++;
    this.items.set(key, value);
  }

  stored() {
    return JSON.parse(this.items.get('replay.session'));
  }
}

describe('SessionStore', () => {
  test('starts a session and numbers its batches from 0, kept across page loads', () => {
    const storage = new FakeStorage();
    const first = new SessionStore(storage);
    const id = first.open(1_000);
    assert.deepEqual([first.nextSequence(), first.nextSequence()], [0, 1]);

    const reloaded = new SessionStore(storage);

    assert.equal(reloaded.open(2_000), id);
    assert.equal(reloaded.nextSequence(), 2);
  });

  test('starts afresh after 30 minutes without activity', () => {
    const storage = new FakeStorage();
    const store = new SessionStore(storage);
    const id = store.open(0);
    store.nextSequence();

    assert.equal(store.isExpired(INACTIVITY_TIMEOUT_MS), false);
    assert.equal(store.isExpired(INACTIVITY_TIMEOUT_MS + 1), true);
    const next = new SessionStore(storage).open(INACTIVITY_TIMEOUT_MS + 1);
    assert.notEqual(next, id);
    assert.equal(storage.stored().sequence, 0);
  });

  test('keeps a session alive with activity, written at most every few seconds', () => {
    const storage = new FakeStorage();
    const store = new SessionStore(storage);
    store.open(0);
    const writes = storage.writes;

    store.touch(1_000);
    store.touch(4_999);
    assert.equal(storage.writes, writes);
    store.touch(5_000);
    assert.equal(storage.writes, writes + 1);
    assert.equal(storage.stored().lastActivity, 5_000);
    assert.equal(store.isExpired(5_000 + INACTIVITY_TIMEOUT_MS), false);
  });

  test('renews with a new id and sequence', () => {
    const store = new SessionStore(new FakeStorage());
    const id = store.open(0);
    store.nextSequence();

    assert.notEqual(store.renew(10), id);
    assert.equal(store.nextSequence(), 0);
  });

  test('lives in memory when storage is missing, unreadable or full', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new Error('QuotaExceededError'); } };
    for (const storage of [null, broken]) {
      const store = new SessionStore(storage);
      assert.match(store.open(0), /^[0-9a-f-]{36}$/);
      assert.equal(store.nextSequence(), 0);
      assert.equal(store.nextSequence(), 1);
    }
  });
});
