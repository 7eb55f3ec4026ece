import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { originsSource, parseOrigins } from './asset-origins.js';

describe('parseOrigins', () => {
  test('reads one origin a line and leaves out blank lines and spaces', () => {
    assert.deepEqual(parseOrigins('https://shop.example\n\n  https://cdn.shop.example:8443  \r\n'), [
      'https://shop.example',
      'https://cdn.shop.example:8443',
    ]);
  });

  test('reads an empty box as an empty list', () => {
    assert.deepEqual(parseOrigins(''), []);
    assert.deepEqual(parseOrigins(' \n '), []);
    assert.deepEqual(parseOrigins(null), []);
  });
});

describe('originsSource', () => {
  test('names the page origins as the default', () => {
    assert.equal(originsSource({ origins: null, pageOrigins: ['https://shop.example'] }), 'The origins of the recorded pages (the default).');
    assert.match(originsSource({ origins: null, pageOrigins: [] }), /none yet/);
  });

  test('names the application’s own list, and says when it lets nothing through', () => {
    assert.equal(originsSource({ origins: ['https://cdn.example'], pageOrigins: [] }), 'This application’s own list.');
    assert.match(originsSource({ origins: [], pageOrigins: ['https://shop.example'] }), /nothing is fetched/);
  });
});
