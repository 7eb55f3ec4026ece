import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fakeFetch, useGlobals } from '../testing/fakes.js';
import { apiReferenceServed } from './api-reference.js';

function serve(t, answer) {
  const { fetch, calls } = fakeFetch(answer);
  useGlobals(t, { fetch, location: new URL('http://replay.test/account'), document: { cookie: '' } });
  return calls;
}

describe('apiReferenceServed', () => {
  test('asks for a static page of Swagger UI, not for the document', async (t) => {
    const calls = serve(t, async () => new Response(null, { status: 200 }));

    assert.equal(await apiReferenceServed(), true);

    assert.equal(calls.length, 1);
    assert.equal(calls[0].url.pathname, '/swagger-ui/index.html');
    assert.equal(calls[0].init.method, 'HEAD');
  });

  test('is false when the server does not serve it', async (t) => {
    serve(t, async () => new Response(null, { status: 404 }));

    assert.equal(await apiReferenceServed(), false);
  });

  test('is false when the server cannot be reached', async (t) => {
    serve(t, async () => {
      throw new TypeError('fetch failed');
    });

    assert.equal(await apiReferenceServed(), false);
  });
});
