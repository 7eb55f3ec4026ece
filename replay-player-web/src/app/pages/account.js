// My account (/account): who I am, a form to change my password, and where the API reference is
// when the server serves it. A new password ends my other signed-in browsers; this one stays
// signed in.

import { api } from '../api.js';
import { API_DOCUMENT, API_REFERENCE, apiReferenceServed } from '../api-reference.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';

export async function render(main, { user }) {
  document.title = 'My account · Replay';
  const result = statusLine('change-password-status');
  const form = h(
    'form',
    { class: 'panel inline-form', 'aria-labelledby': 'change-password-title', 'data-testid': 'change-password' },
    h('h2', { id: 'change-password-title' }, 'Change password'),
    h(
      'div',
      { class: 'form-row' },
      field('Current password', h('input', { name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' })),
      field('New password (12 characters or more)', h('input', { name: 'newPassword', type: 'password', required: true, minlength: '12', autocomplete: 'new-password' })),
      h('button', { type: 'submit', class: 'button button-primary' }, 'Change password'),
    ),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api('/api/v1/me/password', {
        method: 'PUT',
        body: { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') },
      });
      form.reset();
      showStatus(result, 'Password changed. Your other signed-in browsers have been signed out.');
    } catch (error) {
      showStatus(result, describeError(error), { error: true });
    }
  });
  const reference = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'api-reference-title', 'data-testid': 'api-reference', hidden: true },
    h('h2', { id: 'api-reference-title' }, 'API'),
    h(
      'p',
      {},
      'Scripts and REST clients use the same API as this app, signed in with a personal API token. See the ',
      h('a', { href: API_REFERENCE }, 'API reference'),
      ' or its ',
      h('a', { href: API_DOCUMENT }, 'OpenAPI document'),
      '.',
    ),
  );
  apiReferenceServed().then((served) => {
    reference.hidden = !served;
  });
  replace(
    main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'My account'), h('p', { class: 'muted' }, `Signed in as ${user.username} (${user.role}).`))),
    form,
    reference,
  );
}
