// My account (/account): who I am, and a form to change my password. A new password ends my
// other signed-in browsers; this one stays signed in.

import { api } from '../api.js';
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
  replace(
    main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'My account'), h('p', { class: 'muted' }, `Signed in as ${user.username} (${user.role}).`))),
    form,
  );
}
