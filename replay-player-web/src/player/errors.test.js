import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ProblemError } from '../shared/http.js';
import { playerErrorText } from './errors.js';

test('a session that is not found says so plainly', () => {
  const error = new ProblemError({ status: 404, title: 'Session not found', detail: 'No recorded session with id abc.' });
  assert.deepEqual(playerErrorText(error), {
    title: 'Session not found',
    detail: 'There is no session at this address that you may watch. The link may be mistyped, or the session was deleted.',
  });
});

test('another problem shows its title and detail', () => {
  const error = new ProblemError({ status: 503, title: 'Service unavailable', detail: 'Try again in a minute.' });
  assert.deepEqual(playerErrorText(error), { title: 'Service unavailable', detail: 'Try again in a minute.' });
});

test('an error without a problem shows its message', () => {
  assert.deepEqual(playerErrorText(new Error('boom')), { title: 'The recording could not be played', detail: 'boom' });
});
