import assert from 'node:assert/strict';
import { test } from 'node:test';

import { badgeText } from './topbar.js';

test('the badge names the user and their role', () => {
  assert.deepEqual(badgeText({ username: 'ada', role: 'editor' }), { name: 'ada', role: 'editor' });
});

test('the badge names the user once when the role would repeat the name', () => {
  assert.deepEqual(badgeText({ username: 'admin', role: 'admin' }), { name: 'admin', role: null });
  assert.deepEqual(badgeText({ username: 'Admin', role: 'admin' }), { name: 'Admin', role: null });
});
