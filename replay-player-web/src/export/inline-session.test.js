import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { InlineSession } from './inline-session.js';

const SHA = 'a'.repeat(64);

function event(type, timestamp, data = {}) {
  return { type, timestamp, data };
}

// a meta event and a full snapshot at 1000, mouse moves, a second keyframe at 5000, a move at 9000
const EVENTS = [
  event(4, 1000, { href: 'http://site/', width: 10, height: 10 }),
  event(2, 1001, { node: { type: 0, childNodes: [], id: 1 } }),
  event(3, 2000),
  event(4, 5000, { href: 'http://site/', width: 10, height: 10 }),
  event(2, 5001, { node: { type: 0, childNodes: [], id: 1 } }),
  event(3, 9000),
];

describe('InlineSession', () => {
  test('puts the data: URL of each captured asset in place of its token and leaves unknown tokens', () => {
    const other = 'b'.repeat(64);
    const json = JSON.stringify([event(4, 1, { href: `replay-asset:${SHA}#top` }), event(2, 2, { src: `replay-asset:${other}` })]);
    const session = new InlineSession(json, { [SHA]: 'data:image/png;base64,AAAA' });
    assert.equal(session.events[0].data.href, 'data:image/png;base64,AAAA#top');
    assert.equal(session.events[1].data.src, `replay-asset:${other}`);
  });

  test('puts the data: URL of each image of a mobile recording in place of its token', () => {
    const json = JSON.stringify([event(2, 1, { style: 'background:url(replay-resource:f00d.png)', src: 'replay-resource:cafe' })]);
    const session = new InlineSession(json, { 'resource:f00d.png': 'data:image/png;base64,BBBB' });
    assert.equal(session.events[0].data.style, 'background:url(data:image/png;base64,BBBB)');
    assert.equal(session.events[0].data.src, 'replay-resource:cafe');
  });

  test('takes the start and duration the server reported, or else those of the events', () => {
    assert.deepEqual(pick(new InlineSession(JSON.stringify(EVENTS), {}, { sessionStart: 900, duration: 9000 })), [900, 9000]);
    assert.deepEqual(pick(new InlineSession(JSON.stringify(EVENTS), {})), [1000, 8000]);
  });

  test('opens a moment at the meta event of the latest full snapshot at or before it, with every later event', async () => {
    const session = new InlineSession(JSON.stringify(EVENTS), {});
    const start = await session.open(0);
    assert.equal(start.events.length, 6);
    assert.equal(start.windowStart, 0);
    assert.equal(start.until, 8000);
    const middle = await session.open(3500);
    assert.equal(middle.events[0].timestamp, 1000);
    const later = await session.open(6000);
    assert.deepEqual(later.events.map((e) => e.timestamp), [5000, 5001, 9000]);
    assert.equal(later.windowStart, 4000);
  });

  test('is complete from the start: nothing follows', async () => {
    const session = new InlineSession(JSON.stringify(EVENTS), {});
    assert.deepEqual(await session.next(8000), { events: [], until: 8000 });
    assert.equal(session.isComplete(8000), true);
    assert.equal(session.isComplete(100), false);
  });
});

function pick(session) {
  return [session.sessionStart, session.duration];
}
