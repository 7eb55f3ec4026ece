import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { exportUrl } from './share.js';

describe('exportUrl', () => {
  test('names the session and the format, encoded', () => {
    assert.equal(exportUrl('a b/c', 'html'), '/api/v1/sessions/a%20b%2Fc/export?format=html');
    assert.equal(exportUrl('s1', 'rrweb'), '/api/v1/sessions/s1/export?format=rrweb');
  });
});
