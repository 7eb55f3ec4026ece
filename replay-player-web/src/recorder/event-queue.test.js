import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { EventQueue, FLUSH_INTERVAL_MS, MAX_BATCH_CHARS, MAX_BATCH_EVENTS } from './event-queue.js';

function queue(t) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const batches = [];
  return { queue: new EventQueue((events) => batches.push(events)), batches };
}

describe('EventQueue', () => {
  test('hands over what waits once the interval has passed since the first event', (t) => {
    const { queue: events, batches } = queue(t);
    events.add('{"a":1}');
    t.mock.timers.tick(FLUSH_INTERVAL_MS - 1_000);
    events.add('{"b":2}');

    t.mock.timers.tick(999);
    assert.deepEqual(batches, []);
    assert.equal(events.size, 2);

    t.mock.timers.tick(1);
    assert.deepEqual(batches, [['{"a":1}', '{"b":2}']]);
    assert.equal(events.size, 0);
  });

  test('hands over at once at the most events a batch holds', (t) => {
    const { queue: events, batches } = queue(t);
    for (let i = 0; i < MAX_BATCH_EVENTS; i++) {
      events.add(`{"i":${i}}`);
    }

    assert.equal(batches.length, 1);
    assert.equal(batches[0].length, MAX_BATCH_EVENTS);
    t.mock.timers.tick(FLUSH_INTERVAL_MS);
    assert.equal(batches.length, 1, 'the interval started by the first event ends with its batch');
  });

  test('hands over at once when the events reach the size of a batch', (t) => {
    const { queue: events, batches } = queue(t);
    events.add('x'.repeat(MAX_BATCH_CHARS - 10));
    assert.equal(batches.length, 0);

    events.add('y'.repeat(10));

    assert.deepEqual(batches.map((batch) => batch.length), [2]);
  });

  test('counts the size of each batch afresh', (t) => {
    const { queue: events, batches } = queue(t);
    events.add('x'.repeat(MAX_BATCH_CHARS));
    events.add('y'.repeat(MAX_BATCH_CHARS - 1));

    assert.equal(batches.length, 1);
    assert.equal(events.size, 1);
  });

  test('flushes on demand, and not at all when nothing waits', (t) => {
    const { queue: events, batches } = queue(t);
    events.flush();
    assert.deepEqual(batches, []);

    events.add('{}');
    events.flush();
    assert.deepEqual(batches, [['{}']]);
    t.mock.timers.tick(FLUSH_INTERVAL_MS);
    assert.equal(batches.length, 1);
  });

  test('gives what waits to whoever takes it, without the callback', (t) => {
    const { queue: events, batches } = queue(t);
    events.add('{"a":1}');

    assert.deepEqual(events.take(), ['{"a":1}']);
    t.mock.timers.tick(FLUSH_INTERVAL_MS);
    assert.deepEqual(batches, []);
    assert.equal(events.size, 0);
  });
});
