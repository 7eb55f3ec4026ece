// Admin → Applications: create applications and copy the snippets that send their recordings.

import { api } from '../api.js';
import { adminHead } from '../admin-nav.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatInstant } from '../format.js';
import { snippetBlock } from '../snippets.js';

export async function render(main) {
  const status = statusLine('applications-status');
  const list = h('div', { class: 'stack' });
  const created = h('div', { 'data-testid': 'created-application' });

  replace(
    main,
    adminHead('Applications', 'Each application receives recordings from the pages and apps that carry one of its client tokens.'),
    createForm(),
    created,
    h('section', { class: 'panel' }, h('h2', {}, 'All applications'), status, list),
  );
  await load();

  async function load() {
    try {
      const [applications, tokens] = await Promise.all([api('/api/v1/applications'), api('/api/v1/client-tokens')]);
      if (applications.length === 0) {
        replace(list, h('p', { class: 'muted' }, 'No applications yet. Create one above to get its snippets.'));
        return;
      }
      replace(list, applications.map((application) => applicationItem(application, tokens)));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function createForm() {
    const result = statusLine('create-application-status');
    const form = h(
      'form',
      { class: 'panel inline-form', 'aria-labelledby': 'new-application-title', 'data-testid': 'create-application' },
      h('h2', { id: 'new-application-title' }, 'New application'),
      h(
        'div',
        { class: 'form-row' },
        field('Name', h('input', { name: 'name', required: true, maxlength: '200', 'data-testid': 'application-name' })),
        field('Id (optional)', h('input', { name: 'id', pattern: '[0-9a-fA-F-]{36}', placeholder: 'a UUID, e.g. your Datadog application id', spellcheck: 'false' })),
        h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'create-application-submit' }, 'Create'),
      ),
      result,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      try {
        const application = await api('/api/v1/applications', {
          method: 'POST',
          body: { name: data.get('name'), id: data.get('id') || null },
        });
        form.reset();
        showStatus(result, `Created “${application.name}” with a client token.`);
        replace(
          created,
          h(
            'section',
            { class: 'panel notice' },
            h('h2', {}, `Send recordings to ${application.name}`),
            h('p', { class: 'muted' }, 'Copy one of these into the pages or apps to record. The client token only lets them send recordings.'),
            snippetBlock(application.id, application.clientToken),
          ),
        );
        load();
      } catch (error) {
        showStatus(result, describeError(error), { error: true });
      }
    });
    return form;
  }
}

function applicationItem(application, tokens) {
  const usable = tokens.filter(
    (token) => !token.revokedAt && (token.applicationIds === null || token.applicationIds?.includes(application.id)),
  );
  const token = usable.find((candidate) => candidate.applicationIds !== null) ?? usable[0];
  return h(
    'details',
    { class: 'item', 'data-testid': 'application-item', 'data-application-id': application.id },
    h(
      'summary',
      {},
      h('span', { class: 'item-title' }, application.name),
      h('span', { class: 'muted small mono' }, application.id),
      h('span', { class: 'muted small' }, `created ${formatInstant(application.createdAt)}`),
    ),
    token
      ? [h('p', { class: 'muted small' }, `Using the client token “${token.name}”. Manage tokens under `, h('a', { href: '/admin/tokens' }, 'Client tokens'), '.'), snippetBlock(application.id, token.token)]
      : h('p', {}, 'This application has no valid client token. ', h('a', { href: '/admin/tokens' }, 'Create one'), ' to get its snippets.'),
  );
}
