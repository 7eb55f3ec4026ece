// Admin → Users and roles: create users, change roles and the applications whose sessions each
// user sees (all of them, or those ticked), reset passwords, delete users.

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
      const [users, applications] = await Promise.all([api('/api/v1/users'), api('/api/v1/applications')]);
      replace(list, table(users, applications));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function table(users, applications) {
    return h(
      'table',
      { class: 'table', 'data-testid': 'users-table' },
      h('caption', { class: 'visually-hidden' }, 'Users'),
      h('thead', {}, h('tr', {}, ['User', 'Role', 'Applications', 'Created'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
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
            h('td', {}, grantEditor(user, applications)),
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

  // "all", or a list of application ids; admins always see every application
  function grantSummary(user, applications) {
    if (user.role === 'admin' || user.applications === 'all') {
      return 'All applications';
    }
    const names = applications.filter((app) => user.applications.includes(app.id)).map((app) => app.name);
    return names.length ? names.join(', ') : 'None';
  }

  function grantEditor(user, applications) {
    const summary = h('summary', { 'data-testid': 'grant-summary' }, grantSummary(user, applications));
    if (user.role === 'admin') {
      return h('span', { 'data-testid': 'grant-summary', title: 'Admins see every application' }, 'All applications');
    }
    const all = user.applications === 'all';
    const name = `grant-${user.id}`;
    const everything = h('input', { type: 'radio', name, value: 'all', checked: all, 'data-testid': 'grant-all' });
    const some = h('input', { type: 'radio', name, value: 'some', checked: !all, 'data-testid': 'grant-some' });
    const boxes = applications.map((app) =>
      h('input', { type: 'checkbox', value: app.id, checked: !all && user.applications.includes(app.id), 'data-testid': 'grant-application', 'data-name': app.name }),
    );
    const save = h('button', { type: 'button', class: 'button button-small', 'data-testid': 'grant-save' }, 'Save');
    const form = h(
      'fieldset',
      { class: 'grant' },
      h('legend', { class: 'visually-hidden' }, `Applications of ${user.username}`),
      h('label', {}, everything, ' All applications, present and future'),
      h('label', {}, some, ' Only these:'),
      h(
        'ul',
        {},
        boxes.map((box) => h('li', {}, h('label', {}, box, ' ', box.dataset.name))),
      ),
      save,
    );
    for (const box of boxes) {
      box.addEventListener('change', () => {
        some.checked = true;
      });
    }
    save.addEventListener('click', async () => {
      const applicationsValue = everything.checked ? 'all' : boxes.filter((box) => box.checked).map((box) => box.value);
      try {
        const updated = await api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { applications: applicationsValue } });
        user.applications = updated.applications;
        summary.textContent = grantSummary(updated, applications);
        showStatus(status, `${updated.username} now sees: ${grantSummary(updated, applications)}.`);
      } catch (error) {
        showStatus(status, describeError(error), { error: true });
      }
    });
    return h('details', { class: 'grant-editor', 'data-testid': 'grant-editor' }, summary, form);
  }

  async function changeRole(user, select) {
    try {
      const updated = await api(`/api/v1/users/${user.id}`, { method: 'PATCH', body: { role: select.value } });
      showStatus(status, `${updated.username} is now ${updated.role}.`);
      if (updated.role === 'admin' || user.role === 'admin') {
        // admins see every application: the applications column changes with the role
        load();
      }
      user.role = updated.role;
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
