// Admin → Applications: create applications, copy the snippets that send their recordings and set
// where their stylesheets, fonts and images may be captured from.

import { api } from '../api.js';
import { adminHead } from '../admin-nav.js';
import { originsSource, parseOrigins } from '../asset-origins.js';
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
  const origins = assetOrigins(application);
  return h(
    'details',
    // the settings load when the application is first opened
    { class: 'item', 'data-testid': 'application-item', 'data-application-id': application.id, ontoggle: origins.load },
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
    origins.form,
  );
}

// "Asset origins": the origins that apply and where they come from, the application's own list
// (one per line) to save, and the way back to the page origins
function assetOrigins(application) {
  const path = `/api/v1/applications/${encodeURIComponent(application.id)}/asset-origins`;
  const titleId = `asset-origins-${application.id}`;
  const source = h('p', { class: 'small', 'data-testid': 'asset-origins-source' }, 'Loading…');
  const effective = h('ul', { class: 'origin-list mono small', 'data-testid': 'asset-origins-effective', 'aria-label': 'Origins that apply' });
  const input = h('textarea', { name: 'origins', rows: '3', spellcheck: 'false', placeholder: 'https://cdn.example.com', 'data-testid': 'asset-origins-input' });
  const reset = h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'asset-origins-reset' }, 'Use the page origins');
  const status = statusLine('asset-origins-status');
  const form = h(
    'form',
    { class: 'asset-origins', 'aria-labelledby': titleId, 'data-testid': 'asset-origins' },
    h('h3', { id: titleId }, 'Asset origins'),
    h('p', { class: 'muted small' }, 'The stylesheets, fonts and images of recorded pages are captured only from these origins.'),
    source,
    effective,
    h(
      'div',
      { class: 'form-row' },
      field('Own list, one origin a line', input, 'scheme://host[:port], e.g. a CDN; leave the page origins unless the assets come from elsewhere.'),
      h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'asset-origins-save' }, 'Save'),
      reset,
    ),
    status,
  );
  const show = (allowed) => {
    source.textContent = originsSource(allowed);
    replace(effective, allowed.effective.map((origin) => h('li', {}, origin)));
    input.value = (allowed.origins ?? []).join('\n');
    reset.disabled = allowed.origins === null;
  };
  const change = async (origins, done) => {
    try {
      show(await api(path, { method: 'PUT', body: { origins } }));
      showStatus(status, done);
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    change(parseOrigins(input.value), 'Saved the application’s own list.');
  });
  reset.addEventListener('click', () => change(null, 'Back to the origins of the recorded pages.'));
  let loaded = false;
  const load = async () => {
    if (loaded) {
      return;
    }
    loaded = true;
    try {
      show(await api(path));
    } catch (error) {
      loaded = false;
      showStatus(status, describeError(error), { error: true });
    }
  };
  return { form, load };
}
