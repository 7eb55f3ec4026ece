// Entry point of the app shell (every page but the player, the embedded player and sign-in):
// shows the top bar and the page that the path names.

import { ProblemError } from '../shared/http.js';
import { h, replace, describeError } from './dom.js';
import { currentUser, isAdmin } from './me.js';
import { renderTopbar } from './topbar.js';

const ROUTES = [
  { path: /^\/(?:sessions\/?)?$/, load: () => import('./pages/sessions.js') },
  { path: /^\/playlists\/?$/, load: () => import('./pages/playlists.js') },
  { path: /^\/playlists\/([^/]+)\/?$/, load: () => import('./pages/playlist.js') },
  { path: /^\/history\/?$/, load: () => import('./pages/history.js') },
  { path: /^\/people\/([^/]+)\/?$/, load: () => import('./pages/person.js') },
  { path: /^\/account\/?$/, load: () => import('./pages/account.js') },
  { path: /^\/admin\/?$/, redirect: '/admin/applications' },
  { path: /^\/admin\/applications\/?$/, admin: true, load: () => import('./pages/admin-applications.js') },
  { path: /^\/admin\/tokens\/?$/, admin: true, load: () => import('./pages/admin-tokens.js') },
  { path: /^\/admin\/users\/?$/, admin: true, load: () => import('./pages/admin-users.js') },
  { path: /^\/admin\/audit\/?$/, admin: true, load: () => import('./pages/admin-audit.js') },
];

const main = document.getElementById('main');
const shell = document.getElementById('app');

start();

async function start() {
  const path = window.location.pathname;
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    fail(error);
    return;
  }
  renderTopbar(document.getElementById('topbar'), user, path);
  const route = ROUTES.find((candidate) => candidate.path.test(path));
  if (!route) {
    // the server answers an unknown page with this shell and status 404
    document.title = 'Page not found · Replay';
    fail({ title: 'Page not found', detail: 'There is no page at this address.' });
    return;
  }
  if (route.redirect) {
    window.location.replace(route.redirect);
    return;
  }
  if (route.admin && !isAdmin(user)) {
    fail({ title: 'Admins only', detail: 'Your role does not allow this page. Ask an admin for access.' });
    return;
  }
  try {
    const page = await route.load();
    const params = route.path.exec(path).slice(1).map(decodeURIComponent);
    await page.render(main, { user, params });
    shell.dataset.state = 'ready';
  } catch (error) {
    fail(error);
  }
}

function fail(error) {
  if (error instanceof ProblemError && error.status === 401) {
    return; // on its way to the sign-in page
  }
  console.error(error);
  replace(
    main,
    h(
      'section',
      { class: 'panel notice notice-error', role: 'alert', 'data-testid': 'page-error' },
      h('h1', {}, error?.title || 'Something went wrong'),
      h('p', {}, error?.detail ?? describeError(error)),
    ),
  );
  shell.dataset.state = 'error';
}
