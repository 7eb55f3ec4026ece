import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ORIGIN, fakeFetch, json, useGlobals } from '../testing/fakes.js';
import { ProblemError, apiUrl, bodyOf, request } from './http.js';

function server(t, answer, { cookie = '' } = {}) {
  const fake = fakeFetch(answer);
  useGlobals(t, { fetch: fake.fetch, location: new URL(ORIGIN), document: { cookie } });
  return fake.calls;
}

describe('request', () => {
  test('asks for JSON on this origin, marked as the app\'s, with the query\'s values', async (t) => {
    const calls = server(t, () => json({ ok: true }));

    const response = await request('/api/v1/sessions', { query: { size: 50, user: '', cursor: null, sort: 'duration', mine: false } });

    assert.deepEqual(await response.json(), { ok: true });
    const { url, init } = calls[0];
    assert.equal(url.href, `${ORIGIN}/api/v1/sessions?size=50&sort=duration&mine=false`);
    assert.equal(init.method, 'GET');
    assert.equal(init.credentials, 'same-origin');
    assert.deepEqual(init.headers, { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' });
  });

  test('leaves the app\'s marker out when asked to', async (t) => {
    const calls = server(t, () => json([]));

    await request('/api/v1/sessions/s1/timeline', { appRequest: false });

    assert.deepEqual(calls[0].init.headers, { Accept: 'application/json' });
  });

  test('sends a body as JSON and a form as a form, with the CSRF token on changes', async (t) => {
    const calls = server(t, () => new Response(null, { status: 204 }), { cookie: 'theme=dark; XSRF-TOKEN=a%2Bb; other=1' });

    await request('/api/v1/playlists', { method: 'POST', body: { name: 'Checkout' } });
    await request('/api/v1/auth/sign-in', { method: 'POST', form: { username: 'ada', password: 'pw' } });
    await request('/api/v1/me');

    assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
    assert.equal(calls[0].init.headers['X-XSRF-TOKEN'], 'a+b');
    assert.equal(calls[0].init.body, '{"name":"Checkout"}');
    assert.equal(calls[1].init.headers['Content-Type'], 'application/x-www-form-urlencoded');
    assert.equal(String(calls[1].init.body), 'username=ada&password=pw');
    assert.equal(calls[2].init.headers['X-XSRF-TOKEN'], undefined, 'reads send no token');
  });

  test('throws the problem details the server sent', async (t) => {
    server(t, () =>
      json({ type: 'https://replay.example.com/problems/conflict', title: 'Conflict', detail: 'Already in the playlist.', status: 409 }, {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );

    await assert.rejects(request('/api/v1/playlists/p/items', { method: 'POST', body: {} }), (error) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.message, 'Conflict: Already in the playlist.');
      assert.deepEqual({ ...error }, {
        name: 'ProblemError',
        title: 'Conflict',
        detail: 'Already in the playlist.',
        status: 409,
        type: 'https://replay.example.com/problems/conflict',
      });
      return true;
    });
  });

  test('summarises a failure without problem details', async (t) => {
    server(t, (call, number) => (number === 1 ? new Response('<html>', { status: 502, statusText: 'Bad Gateway' }) : new Response('{', { status: 500, headers: { 'Content-Type': 'application/json' } })));

    await assert.rejects(request('/a'), { title: 'Bad Gateway', detail: '', status: 502 });
    await assert.rejects(request('/b'), { title: 'Request failed (HTTP 500)', status: 500 });
  });

  test('says the server could not be reached, in the caller\'s words', async (t) => {
    server(t, () => {
      throw new TypeError('Failed to fetch');
    });

    await assert.rejects(request('/a'), { name: 'ProblemError', title: 'Could not reach the server', detail: 'Check your connection and try again.', status: 0 });
    await assert.rejects(request('/a', { unreachable: 'Reload the page.' }), { detail: 'Reload the page.' });
  });

  test('lets an abort through as it is', async (t) => {
    server(t, () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    });

    await assert.rejects(request('/a'), { name: 'AbortError' });
  });
});

describe('bodyOf', () => {
  test('reads JSON, text, or nothing for 204', async () => {
    assert.deepEqual(await bodyOf(json({ a: 1 })), { a: 1 });
    assert.equal(await bodyOf(new Response('plain', { headers: { 'Content-Type': 'text/plain' } })), 'plain');
    assert.equal(await bodyOf(new Response(null, { status: 204 })), null);
  });
});

describe('apiUrl', () => {
  test('keeps a path on this origin, with the query it already has', (t) => {
    useGlobals(t, { location: new URL(ORIGIN) });

    assert.equal(apiUrl('/api/v1/audit-events/export?x=1', { actor: 'ada' }).href, `${ORIGIN}/api/v1/audit-events/export?x=1&actor=ada`);
  });
});
