import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { ProblemError } from '../shared/http.js';
import { ORIGIN, fakeFetch, json, settle, useGlobals } from '../testing/fakes.js';
import { FIRST_WINDOW_MS, SessionWindows, WINDOW_MS, openEarly, takeEarlyWindows } from './windows.js';

const SESSION_START = 1_700_000_000_000;

// A server with one session of `duration` ms: each window is the given events, placed by the
// headers the events endpoint sends (`windowStart` a number, or a function of the request's URL).
function server(t, { duration = 300_000, events = () => [], windowStart = () => 0 } = {}) {
  const fake = fakeFetch(({ url }) =>
    json(events(url), {
      headers: {
        'Replay-Session-Start': String(SESSION_START),
        'Replay-Session-Duration': String(duration),
        'Replay-Window-Start': String(typeof windowStart === 'function' ? windowStart(url) : windowStart),
      },
    }),
  );
  useGlobals(t, { fetch: fake.fetch, location: new URL(ORIGIN) });
  return fake.calls;
}

const event = (offset, type = 3) => ({ type, timestamp: SESSION_START + offset, data: {} });

describe('SessionWindows', () => {
  test('reads a share link\'s events endpoint without a context when given one', async (t) => {
    const calls = server(t, { events: () => [event(0, 4), event(0, 2)] });
    const windows = new SessionWindows(null, { context: null, eventsPath: '/s/abc_-1/events' });

    await windows.open(0);
    await windows.next(FIRST_WINDOW_MS);

    assert.deepEqual(calls.map(({ url }) => url.pathname), ['/s/abc_-1/events', '/s/abc_-1/events']);
    assert.deepEqual(Object.fromEntries(calls[0].url.searchParams), { to: String(FIRST_WINDOW_MS) });
    assert.equal(calls[1].url.searchParams.get('continuation'), 'true');
  });

  test('opens the start with a short first window and no `from`', async (t) => {
    const calls = server(t, { events: () => [event(0, 4), event(0, 2), event(500)] });
    const windows = new SessionWindows('s 1');

    const window = await windows.open(0);

    assert.equal(calls.length, 1);
    const { url, init } = calls[0];
    assert.equal(url.pathname, '/api/v1/sessions/s%201/events');
    assert.deepEqual(Object.fromEntries(url.searchParams), { context: 'player', to: String(FIRST_WINDOW_MS) });
    assert.equal(init.headers['X-Requested-With'], undefined, 'the player does not mark its requests as the app\'s');
    assert.equal(window.events.length, 3);
    assert.equal(window.until, FIRST_WINDOW_MS);
    assert.equal(windows.sessionStart, SESSION_START);
    assert.equal(windows.duration, 300_000);
  });

  test('opens a later moment from its keyframe, and no further than the end', async (t) => {
    const calls = server(t, { duration: 125_000, windowStart: 110_000, events: () => [event(110_000, 2), event(121_000)] });
    const windows = new SessionWindows('s1', { context: 'embed' });

    const window = await windows.open(120_000.6);

    assert.deepEqual(Object.fromEntries(calls[0].url.searchParams), { context: 'embed', from: '120000', to: '130001' });
    assert.equal(window.windowStart, 110_000);
    assert.equal(window.until, 125_000, 'the window ends with the session');
  });

  test('continues the playback for every request after the first', async (t) => {
    const calls = server(t, { events: () => [event(0, 2)] });
    const windows = new SessionWindows('s1');

    await windows.open(0);
    await windows.next(FIRST_WINDOW_MS);
    await windows.open(200_000);

    assert.deepEqual(calls.map(({ url }) => url.searchParams.get('continuation')), [null, 'true', 'true']);
  });

  test('loads the next window after what is loaded, without the events it already has', async (t) => {
    const calls = server(t, {
      duration: 100_000,
      events: (url) => (url.searchParams.has('from') ? [event(5_000, 2), event(9_000), event(10_000), event(10_001), event(70_000)] : [event(0, 2)]),
    });
    const windows = new SessionWindows('s1');
    await windows.open(0);

    const next = await windows.next(10_000);

    assert.deepEqual(Object.fromEntries(calls[1].url.searchParams), {
      context: 'player',
      continuation: 'true',
      from: '10000',
      to: String(10_000 + WINDOW_MS),
    });
    assert.deepEqual(next.events.map((e) => e.timestamp - SESSION_START), [10_001, 70_000]);
    assert.equal(next.until, 10_000 + WINDOW_MS);
    assert.equal((await windows.next(next.until)).until, 100_000, 'the last window ends with the session');
  });

  test('learns a longer duration from later windows and knows when everything is loaded', async (t) => {
    let duration = 50_000;
    const windows = new SessionWindows('s1', { windowMs: 30_000 });
    useGlobals(t, {
      location: new URL(ORIGIN),
      fetch: async () =>
        json([event(0, 2)], { headers: { 'Replay-Session-Start': String(SESSION_START), 'Replay-Session-Duration': String(duration) } }),
    });
    const first = await windows.open(0);
    assert.equal(windows.isComplete(first.until), false);

    duration = 80_000; // the session grew while it was watched
    const second = await windows.next(first.until);
    assert.equal(windows.duration, 80_000);
    assert.equal(second.until, 40_000);
    assert.equal(windows.isComplete(second.until), false);
    const third = await windows.next(second.until);
    assert.equal(third.until, 70_000);
    assert.equal(windows.isComplete((await windows.next(third.until)).until), true);
  });

  test('fails with the server\'s problem', async (t) => {
    useGlobals(t, {
      location: new URL(ORIGIN),
      fetch: async () =>
        new Response(JSON.stringify({ title: 'Not Found', detail: 'No session s1.', status: 404, type: 'https://replay.example.com/problems/not-found' }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });

    await assert.rejects(new SessionWindows('s1').open(0), (error) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.title, 'Not Found');
      assert.equal(error.detail, 'No session s1.');
      assert.equal(error.status, 404);
      return true;
    });
  });

  test('fails when the answer is not a list of events', async (t) => {
    useGlobals(t, { location: new URL(ORIGIN), fetch: async () => json({ events: [] }) });

    await assert.rejects(new SessionWindows('s1').open(0), { name: 'ProblemError', title: 'Unreadable recording' });
  });

  test('without the headers, places the window by its own events', async (t) => {
    useGlobals(t, { location: new URL(ORIGIN), fetch: async () => json([event(2_000, 2), event(7_000)]) });
    const windows = new SessionWindows('s1');

    const window = await windows.open(0);

    assert.equal(windows.sessionStart, SESSION_START + 2_000);
    assert.equal(windows.duration, 5_000);
    assert.equal(window.windowStart, 0);
    assert.equal(window.until, 5_000);
  });

  test('opens a moment of a window opened lately again without a request, with events of its own', async (t) => {
    const calls = server(t, { duration: 600_000, windowStart: 110_000, events: () => [event(110_000, 4), event(110_000, 2), event(121_000)] });
    const windows = new SessionWindows('s1');
    const first = await windows.open(120_000);
    first.events[1].data.changed = true; // as a replayer may do

    const again = await windows.open(125_000);

    assert.equal(calls.length, 1);
    assert.equal(again.windowStart, 110_000);
    assert.equal(again.until, 130_000);
    assert.deepEqual(again.events[1].data, {}, 'the events are read again from the body');
    await windows.open(130_001);
    assert.equal(calls.length, 2, 'a moment after the window is asked for');
  });

  test('keeps the last four windows opened', async (t) => {
    const from = (url) => Number(url.searchParams.get('from'));
    const calls = server(t, { duration: 600_000, windowStart: from, events: (url) => [event(from(url), 2)] });
    const windows = new SessionWindows('s1');
    for (const offset of [100_000, 200_000, 300_000, 400_000, 500_000]) {
      await windows.open(offset);
    }
    await windows.open(200_000);
    assert.equal(calls.length, 5);

    await windows.open(100_000);

    assert.equal(calls.length, 6, 'the first window was let go');
  });

  test('opens a moment started ahead with the request already made', async (t) => {
    const calls = server(t, { events: () => [event(0, 4), event(0, 2)] });
    const windows = new SessionWindows('s1');

    windows.openAhead(83_000);
    const window = await windows.open(83_000);

    assert.equal(calls.length, 1);
    assert.equal(calls[0].url.searchParams.get('continuation'), null, 'the request ahead opens the playback');
    assert.equal(window.events.length, 2);
  });

  test('opens another moment than the one started ahead with a request of its own', async (t) => {
    const calls = server(t, { events: () => [event(0, 4), event(0, 2)] });
    const windows = new SessionWindows('s1');

    windows.openAhead(83_000);
    await windows.open(0);

    assert.deepEqual(calls.map(({ url }) => url.searchParams.get('from')), ['83000', null]);
  });

  test('reports a failed request ahead to whoever opens the moment', async (t) => {
    useGlobals(t, { location: new URL(ORIGIN), fetch: async () => json({ title: 'Not Found', status: 404 }, { status: 404 }) });
    const windows = new SessionWindows('s1');

    windows.openAhead(0);
    await settle();

    await assert.rejects(windows.open(0), { name: 'ProblemError', status: 404 });
  });
});

describe('openEarly', () => {
  // each test is a new page
  beforeEach(() => {
    delete globalThis[Symbol.for('replay.player.earlyWindows')];
  });

  test('hands the session it started opening to the player of that session, once', async (t) => {
    const calls = server(t, { events: () => [event(0, 4), event(0, 2)] });

    openEarly('s1', 60_000);
    const windows = takeEarlyWindows('s1');
    await windows.open(60_000);

    assert.equal(calls.length, 1);
    assert.equal(calls[0].url.searchParams.get('from'), '60000');
    assert.equal(takeEarlyWindows('s1'), null);
  });

  test('starts nothing once the player has started without it', (t) => {
    const calls = server(t);

    takeEarlyWindows('s1');
    openEarly('s1', 0);

    assert.equal(calls.length, 0);
    assert.equal(takeEarlyWindows('s1'), null);
  });

  test('hands nothing to the player of another session', (t) => {
    server(t);

    openEarly('s1', 0);

    assert.equal(takeEarlyWindows('s2'), null);
    assert.equal(takeEarlyWindows('s1'), null, 'what was started for another session is dropped');
  });
});
