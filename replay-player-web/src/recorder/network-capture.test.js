import assert from 'node:assert/strict';
import { test } from 'node:test';

import { bodySize, isSensitiveParameter, MAX_REQUESTS_PER_PAGE, maskUrl, watchNetwork } from './network-capture.js';

const PAGE = 'https://shop.test/cart';

test('values of parameters that look like credentials are masked, others kept as written', () => {
  assert.equal(maskUrl('/api/orders?token=s3cr3t&page=2&api_key=k&q=red%20shoes', PAGE),
    'https://shop.test/api/orders?token=***&page=2&api_key=***&q=red%20shoes');
  assert.equal(maskUrl('https://auth.test/cb?code=abc&state=xyz&X-Amz-Signature=f00&sid=1&client_secret=z'),
    'https://auth.test/cb?code=***&state=xyz&X-Amz-Signature=***&sid=***&client_secret=***');
  assert.equal(maskUrl('https://a.test/?Password=p&SESSIONID=9&refresh%5Ftoken=r&flag&empty='),
    'https://a.test/?Password=***&SESSIONID=***&refresh%5Ftoken=***&flag&empty=');
});

test('fragment parameters are masked too, and user and password are dropped', () => {
  assert.equal(maskUrl('https://u:pw@app.test/#access_token=abc&expires_in=3600'),
    'https://app.test/#access_token=***&expires_in=3600');
  assert.equal(maskUrl('https://app.test/docs#section-2'), 'https://app.test/docs#section-2');
});

test('a data URL keeps only its media type, and a URL that cannot be read is left out', () => {
  assert.equal(maskUrl('data:text/plain;base64,c2VjcmV0'), 'data:text/plain;base64');
  assert.equal(maskUrl('http://[bad'), null);
});

test('sensitive names: the words anywhere, the short ones only on their own or at the end', () => {
  for (const name of ['token', 'authToken', 'apikey', 'secret', 'passwd', 'auth', 'session_id', 'code', 'sid', 'user.pin', 'otp']) {
    assert.equal(isSensitiveParameter(name), true, name);
  }
  for (const name of ['page', 'q', 'sort', 'side', 'inside', 'spinner', 'utm_source']) {
    assert.equal(isSensitiveParameter(name), false, name);
  }
});

test('request body sizes are counted in bytes where they can be without reading a stream', () => {
  assert.equal(bodySize(undefined), 0);
  assert.equal(bodySize('héllo'), 6);
  assert.equal(bodySize(new Uint8Array(5)), 5);
  assert.equal(bodySize(new Blob(['abc'])), 3);
  assert.equal(bodySize(new URLSearchParams({ a: '1', b: '2' })), 7);
  assert.equal(bodySize(new FormData()), null);
});

// A window whose fetch answers from `answer`, with a clock that moves 5 ms per reading.
function fakeWindow(answer) {
  let clock = 0;
  return {
    location: { href: PAGE },
    performance: { now: () => (clock += 5) },
    Headers,
    Request,
    fetch: async (input, init) => answer(input, init),
  };
}

test('a fetch is recorded once its body has arrived, with a masked URL, status, sizes and duration', async () => {
  const win = fakeWindow(() => new Response('{"items":[1,2,3]}', { status: 201, headers: { 'X-Request-Id': 'r-7' } }));
  const recorded = [];
  watchNetwork((request) => recorded.push(request), { headers: ['x-request-id', 'content-type'] }, win);
  const response = await win.fetch('/api/items?token=secret', {
    method: 'post',
    body: 'abcd',
    headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer x' },
  });
  assert.equal(await response.text(), '{"items":[1,2,3]}', 'the page still reads its body');
  await waitFor(() => recorded.length === 1);
  const [request] = recorded;
  assert.equal(request.kind, 'fetch');
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://shop.test/api/items?token=***');
  assert.equal(request.status, 201);
  assert.equal(request.requestSize, 4);
  assert.equal(request.responseSize, 17);
  assert.ok(request.duration > 0);
  assert.ok(Math.abs(request.startTime - Date.now()) < 5000);
  assert.deepEqual(request.requestHeaders, { 'content-type': 'text/plain' });
  assert.deepEqual(request.responseHeaders, { 'x-request-id': 'r-7', 'content-type': 'text/plain;charset=UTF-8' });
  assert.equal(JSON.stringify(request).includes('{"items"'), false, 'no body is recorded');
});

test('without allowed headers no header is recorded', async () => {
  const win = fakeWindow(() => new Response('', { headers: { 'X-Request-Id': 'r-7' } }));
  const recorded = [];
  watchNetwork((request) => recorded.push(request), {}, win);
  await win.fetch('/ping', { headers: { 'X-Request-Id': 'q' } });
  await waitFor(() => recorded.length === 1);
  assert.equal('requestHeaders' in recorded[0], false);
  assert.equal('responseHeaders' in recorded[0], false);
});

test('a failed fetch is recorded with status 0 and still fails for the page', async () => {
  const win = fakeWindow(() => Promise.reject(new TypeError('Failed to fetch')));
  const recorded = [];
  watchNetwork((request) => recorded.push(request), {}, win);
  await assert.rejects(win.fetch('https://down.test/x'), TypeError);
  await waitFor(() => recorded.length === 1);
  assert.equal(recorded[0].status, 0);
  assert.equal(recorded[0].failure, 'error');
  assert.equal(recorded[0].responseSize, null);
});

test('ignored URLs (the recorder’s own uploads) are not recorded, and stopping restores fetch', async () => {
  const win = fakeWindow(() => new Response('ok'));
  const original = win.fetch;
  const recorded = [];
  const stop = watchNetwork((request) => recorded.push(request), {
    ignore: (url) => url.startsWith('https://replay.test/ingest/'),
  }, win);
  await win.fetch('https://replay.test/ingest/v1/sessions/s/segments', { method: 'POST', body: 'x' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(recorded.length, 0);
  stop();
  assert.equal(win.fetch, original);
});

test('at most a thousand requests are recorded per page', async () => {
  const win = fakeWindow(() => new Response(null, { status: 204 }));
  const recorded = [];
  watchNetwork((request) => recorded.push(request), {}, win);
  await Promise.all(Array.from({ length: MAX_REQUESTS_PER_PAGE + 5 }, () => win.fetch('/poll')));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(recorded.length, MAX_REQUESTS_PER_PAGE);
});

// An XMLHttpRequest that answers `status` with `body` on send(), as a browser would: load events
// after the call returns.
class FakeXhr {
  status = 0;
  listeners = new Map();
  headers = {};

  open() {}

  setRequestHeader(name, value) {
    this.headers[name] = value;
  }

  send() {
    setTimeout(() => {
      this.status = FakeXhr.answer.status;
      if (this.status === 0) {
        this.dispatch('error', 0);
      }
      this.dispatch('loadend', FakeXhr.answer.body.length);
    }, 1);
  }

  getResponseHeader(name) {
    return FakeXhr.answer.headers[name.toLowerCase()] ?? null;
  }

  addEventListener(type, listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type, listener) {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((other) => other !== listener));
  }

  dispatch(type, loaded) {
    for (const listener of this.listeners.get(type) ?? []) {
      listener({ type, loaded });
    }
  }
}

test('an XMLHttpRequest is recorded when it ends, with its masked URL and the bytes received', async () => {
  FakeXhr.answer = { status: 200, body: 'x'.repeat(42), headers: { 'x-request-id': 'r-9' } };
  const win = { ...fakeWindow(), XMLHttpRequest: FakeXhr };
  const recorded = [];
  const stop = watchNetwork((request) => recorded.push(request), { headers: ['x-request-id'] }, win);
  const xhr = new win.XMLHttpRequest();
  xhr.open('get', '/api/profile?session=abc&fields=name');
  xhr.setRequestHeader('X-Request-Id', 'q-1');
  xhr.send();
  assert.equal(xhr.headers['X-Request-Id'], 'q-1', 'the header still reaches the request');
  await waitFor(() => recorded.length === 1);
  assert.deepEqual({ ...recorded[0], startTime: 0, duration: 0 }, {
    kind: 'xhr',
    method: 'GET',
    url: 'https://shop.test/api/profile?session=***&fields=name',
    status: 200,
    startTime: 0,
    duration: 0,
    requestSize: 0,
    responseSize: 42,
    requestHeaders: { 'x-request-id': 'q-1' },
    responseHeaders: { 'x-request-id': 'r-9' },
  });
  stop();
  assert.equal(FakeXhr.prototype.send.name, 'send');
  assert.equal(Object.hasOwn(FakeXhr.prototype, 'send'), true);
});

test('a failed XMLHttpRequest is recorded with status 0 and its failure', async () => {
  FakeXhr.answer = { status: 0, body: '', headers: {} };
  const win = { ...fakeWindow(), XMLHttpRequest: FakeXhr };
  const recorded = [];
  const stop = watchNetwork((request) => recorded.push(request), {}, win);
  const xhr = new win.XMLHttpRequest();
  xhr.open('POST', 'https://api.test/upload');
  xhr.send('payload');
  await waitFor(() => recorded.length === 1);
  stop();
  assert.equal(recorded[0].status, 0);
  assert.equal(recorded[0].failure, 'error');
  assert.equal(recorded[0].requestSize, 7);
  assert.equal(recorded[0].responseSize, null);
});

async function waitFor(condition) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail('the request was not recorded');
}
