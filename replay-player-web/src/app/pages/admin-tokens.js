// Admin → Client tokens: create, rotate (a new token for the same applications, then revoke the
// old one) and revoke the tokens that recorders send.

import { api } from '../api.js';
import { adminHead } from '../admin-nav.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatInstant } from '../format.js';
import { snippetBlock } from '../snippets.js';

export async function render(main) {
  const status = statusLine('tokens-status');
  const list = h('div', { class: 'table-wrap' });
  const form = h('div');
  const snippets = h('div');
  let applications = [];

  replace(
    main,
    adminHead('Client tokens', 'Recorders send a client token with every batch. Tokens only write recordings, so pages may show them; revoke one to stop its recorders.'),
    form,
    snippets,
    h('section', { class: 'panel' }, h('h2', {}, 'All client tokens'), status, list),
  );
  await load();

  async function load() {
    try {
      const [apps, tokens] = await Promise.all([api('/api/v1/applications'), api('/api/v1/client-tokens')]);
      applications = apps;
      replace(form, createForm());
      replace(list, table(tokens));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function appNames(ids) {
    if (ids === null || ids === undefined) {
      return 'All applications';
    }
    const names = new Map(applications.map((application) => [application.id, application.name]));
    return ids.map((id) => names.get(id) ?? id).join(', ');
  }

  function table(tokens) {
    if (tokens.length === 0) {
      return h('p', { class: 'muted' }, 'No client tokens yet.');
    }
    return h(
      'table',
      { class: 'table', 'data-testid': 'tokens-table' },
      h('caption', { class: 'visually-hidden' }, 'Client tokens'),
      h('thead', {}, h('tr', {}, ['Name', 'Token', 'Applications', 'Created', 'Status'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h(
        'tbody',
        {},
        tokens.map((token) =>
          h(
            'tr',
            { 'data-testid': 'token-row', 'data-token-id': token.id, class: token.revokedAt ? 'is-revoked' : null },
            h('td', {}, token.name),
            h('td', { class: 'mono small' }, token.token),
            h('td', {}, appNames(token.applicationIds)),
            h('td', {}, formatInstant(token.createdAt)),
            h('td', {}, token.revokedAt ? h('span', { class: 'status-tag status-revoked' }, `Revoked ${formatInstant(token.revokedAt)}`) : h('span', { class: 'status-tag status-active' }, 'Active')),
            h(
              'td',
              { class: 'actions' },
              token.revokedAt
                ? null
                : [
                    h('button', { type: 'button', class: 'button button-small', onclick: () => showSnippets(token), 'aria-label': `Snippets for ${token.name}` }, 'Snippets'),
                    h('button', { type: 'button', class: 'button button-small', onclick: () => rotate(token), 'aria-label': `Rotate ${token.name}` }, 'Rotate'),
                    h('button', { type: 'button', class: 'button button-small button-danger', onclick: () => revoke(token), 'aria-label': `Revoke ${token.name}` }, 'Revoke'),
                  ],
            ),
          ),
        ),
      ),
    );
  }

  function showSnippets(token) {
    const applicationId = token.applicationIds?.[0] ?? applications[0]?.id ?? '<application id>';
    replace(
      snippets,
      h(
        'section',
        { class: 'panel notice', 'data-testid': 'token-snippets' },
        h('h2', {}, `Snippets for “${token.name}”`),
        snippetBlock(applicationId, token.token),
      ),
    );
    snippets.scrollIntoView({ block: 'nearest' });
  }

  async function rotate(token) {
    if (!window.confirm(`Rotate “${token.name}”? A new token replaces it and the old one stops working at once: update the pages and apps that send it.`)) {
      return;
    }
    try {
      const fresh = await api('/api/v1/client-tokens', {
        method: 'POST',
        body: { name: token.name, applicationIds: token.applicationIds ?? null },
      });
      await api(`/api/v1/client-tokens/${token.id}`, { method: 'DELETE' });
      showStatus(status, `Rotated “${token.name}”: the new token is ${fresh.token}.`);
      showSnippets(fresh);
      load();
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  async function revoke(token) {
    if (!window.confirm(`Revoke “${token.name}”? Recorders that send it stop being accepted.`)) {
      return;
    }
    try {
      await api(`/api/v1/client-tokens/${token.id}`, { method: 'DELETE' });
      showStatus(status, `Revoked “${token.name}”.`);
      load();
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function createForm() {
    const result = statusLine('create-token-status');
    const element = h(
      'form',
      { class: 'panel inline-form', 'aria-labelledby': 'new-token-title', 'data-testid': 'create-token' },
      h('h2', { id: 'new-token-title' }, 'New client token'),
      h(
        'div',
        { class: 'form-row' },
        field('Name', h('input', { name: 'name', required: true, maxlength: '200', 'data-testid': 'token-name' })),
        field('Value (optional)', h('input', { name: 'token', minlength: '8', maxlength: '200', pattern: '[A-Za-z0-9._~\\-]+', placeholder: 'generated when empty', spellcheck: 'false' })),
      ),
      h(
        'fieldset',
        { class: 'checks' },
        h('legend', {}, 'Applications it may write to (none checked: all)'),
        applications.map((application) => h('label', {}, h('input', { type: 'checkbox', name: 'applicationIds', value: application.id }), ' ', application.name)),
      ),
      h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'create-token-submit' }, 'Create token'),
      result,
    );
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(element);
      const ids = data.getAll('applicationIds');
      try {
        const token = await api('/api/v1/client-tokens', {
          method: 'POST',
          body: { name: data.get('name'), token: data.get('token') || null, applicationIds: ids.length > 0 ? ids : null },
        });
        showStatus(result, `Created “${token.name}”.`);
        showSnippets(token);
        load();
      } catch (error) {
        showStatus(result, describeError(error), { error: true });
      }
    });
    return element;
  }
}
