import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { fakeFetch, settle, useGlobals } from '../testing/fakes.js';
import { MAX_ATTEMPTS, Uploader, isRetryable, retryDelay } from './uploader.js';

const ENDPOINT = 'https://replay.example.com';

const batch = (sequence, { sessionId = 's1', size = 0 } = {}) => ({
  sessionId,
  sequence,
  json: JSON.stringify({ sessionId, sequence, events: [], padding: 'x'.repeat(size) }),
});

const sequenceOf = (call) => JSON.parse(call.init.body).sequence;

const status = (code, headers = {}) => new Response(null, { status: code, headers });

// An uploader whose fetch answers with `answer`, on mocked timers, without CompressionStream
// (bodies stay readable), and with console.warn counted.
function uploader(t, answer, globals = {}) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const fake = fakeFetch(answer);
  useGlobals(t, { fetch: fake.fetch, CompressionStream: undefined, ...globals });
  const warnings = t.mock.method(console, 'warn', () => {});
  return { uploader: new Uploader({ endpoint: ENDPOINT, token: 'secret' }), calls: fake.calls, warnings };
}

describe('Uploader', () => {
  test('posts a batch to its session\'s segments with the token', async (t) => {
    const { uploader: sender, calls } = uploader(t, () => status(202));
    const sent = batch(0, { sessionId: 'a b' });

    sender.enqueue(sent);
    await sender.idle();

    assert.equal(calls.length, 1);
    const { url, init } = calls[0];
    assert.equal(url.href, `${ENDPOINT}/ingest/v1/sessions/a%20b/segments`);
    assert.equal(init.method, 'POST');
    assert.equal(init.credentials, 'omit');
    assert.deepEqual(init.headers, { 'Content-Type': 'application/json', 'X-Replay-Token': 'secret' });
    assert.equal(init.body, sent.json);
  });

  test('compresses the body with gzip where the browser can', async (t) => {
    const fake = fakeFetch(() => status(202));
    useGlobals(t, { fetch: fake.fetch });
    const sender = new Uploader({ endpoint: ENDPOINT, token: 'secret' });
    const sent = batch(0, { size: 10_000 });

    sender.enqueue(sent);
    await sender.idle();

    const { init } = fake.calls[0];
    assert.equal(init.headers['Content-Encoding'], 'gzip');
    assert.ok(init.body.length < sent.json.length / 10);
    assert.equal(gunzipSync(init.body).toString('utf8'), sent.json);
  });

  test('sends one batch at a time, in order', async (t) => {
    const answers = [];
    const { uploader: sender, calls } = uploader(t, () => new Promise((resolve) => answers.push(resolve)));

    sender.enqueue(batch(0));
    sender.enqueue(batch(1));
    await settle();
    assert.deepEqual(calls.map(sequenceOf), [0]);

    answers[0](status(202));
    await settle();
    assert.deepEqual(calls.map(sequenceOf), [0, 1]);
  });

  test('tries again after 1, 2, 4 and 8 s, with the same batch, on network errors, 408, 429 and 5xx', async (t) => {
    const answers = [
      () => status(503),
      () => status(408),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => status(429),
      () => status(202),
    ];
    const { uploader: sender, calls } = uploader(t, (call, number) => answers[number - 1]());
    let idle = false;

    sender.enqueue(batch(7));
    sender.idle().then(() => {
      idle = true;
    });
    await settle();
    assert.equal(calls.length, 1);

    for (const [delay, attempts] of [[1_000, 2], [2_000, 3], [4_000, 4], [8_000, 5]]) {
      t.mock.timers.tick(delay - 1);
      await settle();
      assert.equal(calls.length, attempts - 1, `not before ${delay} ms`);
      t.mock.timers.tick(1);
      await settle();
      assert.equal(calls.length, attempts, `after ${delay} ms`);
    }
    assert.deepEqual(calls.map(sequenceOf), [7, 7, 7, 7, 7]);
    assert.equal(idle, true);
  });

  test('waits as long as Retry-After asks', async (t) => {
    const { uploader: sender, calls } = uploader(t, (call, number) => (number === 1 ? status(429, { 'Retry-After': '3' }) : status(202)));

    sender.enqueue(batch(0));
    await settle();
    t.mock.timers.tick(2_999);
    await settle();
    assert.equal(calls.length, 1);

    t.mock.timers.tick(1);
    await settle();
    assert.equal(calls.length, 2);
  });

  test('gives a batch up after the last attempt, warns once, and goes on with the next', async (t) => {
    const { uploader: sender, calls, warnings } = uploader(t, (call) => (sequenceOf(call) === 0 ? status(500) : status(202)));

    sender.enqueue(batch(0));
    sender.enqueue(batch(1));
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await settle();
      t.mock.timers.tick(retryDelay(attempt, null));
    }
    await settle();

    assert.deepEqual(calls.map(sequenceOf), [...Array(MAX_ATTEMPTS).fill(0), 1]);
    assert.equal(warnings.mock.callCount(), 1);
    assert.match(warnings.mock.calls[0].arguments[0], /could not be delivered after 8 attempts/);
  });

  test('drops a batch the server refuses, with one warning for the same refusal', async (t) => {
    const { uploader: sender, calls, warnings } = uploader(t, () => status(400));

    sender.enqueue(batch(0));
    sender.enqueue(batch(1));
    await sender.idle();
    t.mock.timers.tick(60_000);
    await settle();

    assert.deepEqual(calls.map(sequenceOf), [0, 1]);
    assert.equal(warnings.mock.callCount(), 1);
    assert.match(warnings.mock.calls[0].arguments[0], /HTTP 400/);
  });

  describe('when the page is hidden', () => {
    test('sends what waits with keepalive, uncompressed', async (t) => {
      const answers = [];
      const { uploader: sender, calls } = uploader(t, () => new Promise((resolve) => answers.push(resolve)), {
        navigator: { sendBeacon: () => assert.fail('no beacon needed') },
      });
      sender.enqueue(batch(0));
      sender.enqueue(batch(1));
      await settle();

      sender.sendBeforeHide(false, batch(2));

      assert.deepEqual(calls.map((call) => [sequenceOf(call), call.init.keepalive === true]), [[0, false], [1, true], [2, true]]);
    });

    test('sends the batch under way again when the page unloads', async (t) => {
      const { uploader: sender, calls } = uploader(t, () => new Promise(() => {}), { navigator: {} });
      sender.enqueue(batch(0));
      await settle();

      sender.sendBeforeHide(true);

      assert.deepEqual(calls.map((call) => [sequenceOf(call), call.init.keepalive === true]), [[0, false], [0, true]]);
    });

    test('sends a batch over the keepalive budget as a beacon, with the token in the address', async (t) => {
      const beacons = [];
      const { uploader: sender, calls } = uploader(t, () => status(202), {
        navigator: { sendBeacon: (url, body) => beacons.push({ url, body }) > 0 },
      });

      sender.sendBeforeHide(true, batch(3, { size: 70 * 1024 }));

      assert.equal(calls.length, 0);
      assert.equal(beacons.length, 1);
      assert.equal(beacons[0].url, `${ENDPOINT}/ingest/v1/sessions/s1/segments?token=secret`);
      assert.equal(beacons[0].body.type, 'text/plain');
      assert.equal(JSON.parse(await beacons[0].body.text()).sequence, 3);
    });

    test('puts a refused beacon back in the queue while the page lives on', async (t) => {
      const { uploader: sender, calls } = uploader(t, () => status(202), { navigator: { sendBeacon: () => false } });

      sender.sendBeforeHide(false, batch(4, { size: 70 * 1024 }));
      await sender.idle();

      assert.deepEqual(calls.map((call) => [sequenceOf(call), call.init.keepalive === true]), [[4, false]]);
    });
  });
});

describe('retryDelay', () => {
  test('doubles from one second up to thirty', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay(attempt, null)), [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  test('takes Retry-After in seconds or as a date, up to five minutes', () => {
    const after = (value) => retryDelay(1, status(503, { 'Retry-After': value }));
    assert.equal(after('120'), 120_000);
    assert.equal(after('3600'), 300_000);
    const delay = after(new Date(Date.now() + 20_000).toUTCString());
    assert.ok(delay > 18_000 && delay <= 20_000, `${delay}`);
    assert.equal(after('soon'), 1_000);
  });
});

describe('isRetryable', () => {
  test('is true for timeouts, throttling and server errors only', () => {
    assert.deepEqual([408, 429, 500, 503, 400, 401, 403, 404, 413].map(isRetryable), [true, true, true, true, false, false, false, false, false]);
  });
});
