import assert from 'node:assert/strict';
import { test } from 'node:test';

import { watchHistorySummary } from './playlists.js';

test('My Watch History counts the sessions played, and was updated by the last one', () => {
  const history = { items: [{ sessionId: 's2', lastWatchedAt: '2026-12-06T10:00:00Z' }], page: 0, size: 1, totalItems: 7 };
  assert.deepEqual(watchHistorySummary(history), { sessions: '7', updated: '2026-12-06T10:00:00Z' });
});

test('an empty history counts zero sessions', () => {
  assert.deepEqual(watchHistorySummary({ items: [], page: 0, size: 1, totalItems: 0 }), { sessions: '0', updated: null });
});

test('a history that could not be read shows no count', () => {
  assert.deepEqual(watchHistorySummary(null), { sessions: '—', updated: null });
});
