import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeClient, figuresPending, siteUserHref, siteUserName, siteUserTitle } from './site-user.js';

test('a user is named by their name, else their email, else their id', () => {
  assert.equal(siteUserName({ userId: 'u-1042', userName: 'Ada Lovelace', userEmail: 'ada@example.com' }), 'Ada Lovelace');
  assert.equal(siteUserName({ userId: 'u-1042', userName: ' ', userEmail: 'ada@example.com' }), 'ada@example.com');
  assert.equal(siteUserName({ userId: 'u-1042' }), 'u-1042');
  assert.equal(siteUserName({}), null);
});

test('the hover text holds the email and the id that the name hides', () => {
  assert.equal(siteUserTitle({ userId: 'u-1042', userName: 'Ada', userEmail: 'ada@example.com' }), 'ada@example.com · id u-1042');
  assert.equal(siteUserTitle({ userId: 'u-1042', userEmail: 'ada@example.com' }), 'id u-1042');
  assert.equal(siteUserTitle({ userId: 'u-1042' }), 'u-1042');
  assert.equal(siteUserTitle({}), '');
});

test('a user page is addressed by the encoded user id', () => {
  assert.equal(siteUserHref({ userId: 'ada@example.com/1' }), '/people/ada%40example.com%2F1');
  assert.equal(siteUserHref({ userId: null }), null);
});

test('the client reads browser, system, device and viewport, leaving out what is unknown', () => {
  const client = { browserName: 'Chrome', browserVersion: '120', osName: 'macOS', osVersion: '14.2', deviceType: 'desktop' };
  assert.equal(describeClient(client, { width: 1440, height: 900 }), 'Chrome 120 · macOS 14.2 · desktop · 1440×900');
  assert.equal(describeClient({ browserName: 'Firefox' }, null), 'Firefox');
  assert.equal(describeClient(null, { width: 0, height: 0 }), '');
});

test('figures are pending until the latest segments are indexed', () => {
  assert.equal(figuresPending({ timeline: null }), true);
  assert.equal(figuresPending({ timeline: { errors: 0 }, indexPending: true }), true);
  assert.equal(figuresPending({ timeline: { errors: 0 }, indexPending: false }), false);
});
