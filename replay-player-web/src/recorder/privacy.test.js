import assert from 'node:assert/strict';
import { test } from 'node:test';

import { maskSensitiveInput, maskText, recordPrivacyOptions } from './privacy.js';

const field = (attributes) => ({ id: attributes.id ?? '', getAttribute: (name) => attributes[name] ?? null });

test('by default rrweb masks every input, textarea and select value', () => {
  const options = recordPrivacyOptions({});
  assert.equal(options.maskAllInputs, true);
  assert.equal(options.maskInputOptions, undefined);
  assert.equal(options.maskInputFn, undefined);
  assert.equal(recordPrivacyOptions().maskAllInputs, true);
});

test('rrweb class conventions hold in every mode', () => {
  for (const maskInputs of ['all', 'sensitive', 'none']) {
    const options = recordPrivacyOptions({ maskInputs });
    assert.equal(options.blockClass, 'rr-block');
    assert.equal(options.maskTextClass, 'rr-mask');
    assert.equal(options.ignoreClass, 'rr-ignore');
  }
});

test('sensitive masks passwords, email, telephone and card fields and keeps other text', () => {
  const options = recordPrivacyOptions({ maskInputs: 'sensitive' });
  assert.equal(options.maskAllInputs, undefined);
  assert.deepEqual(options.maskInputOptions, { password: true, email: true, tel: true, text: true, number: true });
  assert.equal(options.maskInputFn('Ada', field({ type: 'text', name: 'first-name' })), 'Ada');
  assert.equal(options.maskInputFn('4111', field({ type: 'text', name: 'card-number' })), '****');
  assert.equal(options.maskInputFn('4111', field({ type: 'text', autocomplete: 'cc-number' })), '****');
  assert.equal(maskSensitiveInput('a@b.c', field({ type: 'email' })), '*****');
  assert.equal(maskSensitiveInput('x', null), '*');
});

test('none keeps what is typed, except passwords', () => {
  const options = recordPrivacyOptions({ maskInputs: 'none' });
  assert.equal(options.maskAllInputs, undefined);
  assert.deepEqual(options.maskInputOptions, { password: true });
  assert.equal(options.maskInputFn, undefined);
});

test('the mask-text and block selectors go to rrweb as they are', () => {
  const options = recordPrivacyOptions({ maskTextSelector: '.name', blockSelector: '#card' });
  assert.equal(options.maskTextSelector, '.name');
  assert.equal(options.blockSelector, '#card');
  assert.equal('maskTextSelector' in recordPrivacyOptions({}), false);
});

test('masked text keeps its spaces', () => {
  assert.equal(maskText('Ada Lovelace'), '*** ********');
});
