import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ORIGIN, json, useGlobals } from '../testing/fakes.js';
import { api, safeNext } from './api.js';

// The page at `path`, with its navigations kept in `assigned`.
function page(t, path, fetch) {
  const assigned = [];
  const location = Object.assign(new URL(path, ORIGIN), { assign: (to) => assigned.push(to) });
  useGlobals(t, { fetch, location, window: { location }, document: { cookie: '' } });
  return assigned;
}

describe('api', () => {
  test('returns the body', async (t) => {
    page(t, '/sessions', async () => json({ items: [] }));

    assert.deepEqual(await api('/api/v1/sessions'), { items: [] });
  });

  test('sends the browser to sign in on a 401, and back afterwards', async (t) => {
    const assigned = page(t, '/playlists?mine=true', async () => json({ title: 'Unauthenticated' }, { status: 401 }));

    await assert.rejects(api('/api/v1/playlists'), { name: 'ProblemError', status: 401 });

    assert.deepEqual(assigned, ['/login?next=%2Fplaylists%3Fmine%3Dtrue']);
  });

  test('stays put on a 401 when asked to, and on other failures', async (t) => {
    const assigned = page(t, '/', async (url) => json({ title: 'No' }, { status: String(url).endsWith('/me') ? 401 : 403 }));

    await assert.rejects(api('/api/v1/me', { redirectOn401: false }), { status: 401 });
    await assert.rejects(api('/api/v1/users'), { status: 403 });

    assert.deepEqual(assigned, []);
  });
});

describe('safeNext', () => {
  test('keeps a path on this origin with its query and fragment', (t) => {
    page(t, '/login', null);

    assert.equal(safeNext('/replays/s1?t=1m#x'), '/replays/s1?t=1m#x');
    assert.equal(safeNext(`${ORIGIN}/history`), '/history');
  });

  test('goes home for anything that would leave this origin', (t) => {
    page(t, '/login', null);

    for (const value of ['https://evil.test/', '//evil.test/', '/\\evil.test', '/\t/evil.test', 'javascript:alert(1)', '/.//evil.test', '', null]) {
      assert.equal(safeNext(value), '/', String(value));
    }
  });
});
