// Admin → Users and roles: create users, change roles, reset passwords, delete users.

import { api } from '../api.js';
import { adminHead } from '../admin-nav.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatInstant } from '../format.js';

const ROLES = [
  ['viewer', 'Viewer — finds and watches recordings'],
  ['editor', 'Editor — also manages playlists'],
  ['admin', 'Admin — also users, applications, deletion, audit'],
];

export async function render(main, { user: me }) {
  const status = statusLine('users-status');
  const list = h('div', { class: 'table-wrap' });

  replace(main, adminHead('Users and roles'), createForm(), h('section', { class: 'panel' }, h('h2', {}, 'All users'), status, list));
  await load();

  async function load() {
    try {
      replace(list, table(await api('/api/v1/users')));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function table(users) {
    return h(
      'table',
      { class: 'table', 'data-testid': 'users-table' },
      h('caption', { class: 'visually-hidden' }, 'Users'),
      h('thead', {}, h('tr', {}, ['User', 'Role', 'Created'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h(
        'tbody',
        {},
        users.map((user) => {
          const self = user.id === me.id;
          const role = h(
            'select',
            { 'aria-label': `Role of ${user.username}`, disabled: self, title: self ? 'You cannot change your own role' : null },
            ROLES.map(([value]) => h('option', { value, selected: value === user.role }, value)),
          );
          role.addEventListener('change', () => changeRole(user, role));
          return h(
            'tr',
            { 'data-testid': 'user-row', 'data-username': user.username },
            h('td', {}, user.username, self ? h('span', { class: 'muted small' }, ' (you)') : null),
            h('td', {}, role),
            h('td', {}, formatInstant(user.createdAt)),
            h(
              'td',
              { class: 'actions' },
              self ? null : h('button', { type: 'button', class: 'button button-small', 'aria-label': `Reset the password of ${user.username}`, onclick: () => resetPassword(user) }, 'Reset password'),
              self ? null : h('button', { type: 'button', class: 'button button-small button-danger', 'aria-label': `Delete ${user.username}`, onclick: () => remove(user) }, 'Delete'),
            ),
          );
        }),
      ),
    );
  }

  async function changeRole(user, select) {
    try {
      const updated = await api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { role: select.value } });
      showStatus(status, `${updated.username} is now ${updated.role}.`);
    } catch (error) {
      select.value = user.role;
      showStatus(status, describeError(error), { error: true });
    }
  }

  function resetPassword(user) {
    const password = h('input', { name: 'password', type: 'password', required: true, minlength: '12', autocomplete: 'new-password' });
    const form = h(
      'form',
      { class: 'inline-form', 'data-testid': 'reset-password', 'aria-label': `New password for ${user.username}` },
      h(
        'div',
        { class: 'form-row' },
        field(`New password for ${user.username} (12 characters or more)`, password),
        h('button', { type: 'submit', class: 'button button-primary' }, 'Set password'),
        h('button', { type: 'button', class: 'button button-quiet', onclick: () => form.remove() }, 'Cancel'),
      ),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api(`/api/v1/users/${user.id}/password`, { method: 'PUT', body: { password: password.value } });
        form.remove();
        showStatus(status, `New password set for ${user.username}; their browsers have been signed out.`);
      } catch (error) {
        showStatus(status, describeError(error), { error: true });
      }
    });
    list.parentNode.querySelector('[data-testid=reset-password]')?.remove();
    list.before(form);
    password.focus();
  }

  async function remove(user) {
    if (!window.confirm(`Delete ${user.username}? Their playlists stay.`)) {
      return;
    }
    try {
      await api(`/api/v1/users/${user.id}`, { method: 'DELETE' });
      showStatus(status, `Deleted ${user.username}.`);
      load();
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function createForm() {
    const result = statusLine('create-user-status');
    const form = h(
      'form',
      { class: 'panel inline-form', 'aria-labelledby': 'new-user-title', 'data-testid': 'create-user' },
      h('h2', { id: 'new-user-title' }, 'New user'),
      h(
        'div',
        { class: 'form-row' },
        field('User name', h('input', { name: 'username', required: true, maxlength: '100', pattern: '[^\\s:]+', autocomplete: 'off', spellcheck: 'false' })),
        field('Password (12 characters or more)', h('input', { name: 'password', type: 'password', required: true, minlength: '12', maxlength: '200', autocomplete: 'new-password' })),
        field('Role', h('select', { name: 'role' }, ROLES.map(([value, label]) => h('option', { value }, label)))),
        h('button', { type: 'submit', class: 'button button-primary' }, 'Create user'),
      ),
      result,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      try {
        const user = await api('/api/v1/users', {
          method: 'POST',
          body: { username: data.get('username'), password: data.get('password'), role: data.get('role') },
        });
        form.reset();
        showStatus(result, `Created ${user.username} (${user.role}).`);
        load();
      } catch (error) {
        showStatus(result, describeError(error), { error: true });
      }
    });
    return form;
  }
}
