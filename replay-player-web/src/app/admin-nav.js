// The tabs shared by the admin pages.

import { h } from './dom.js';

const TABS = [
  ['/admin/applications', 'Applications'],
  ['/admin/tokens', 'Client tokens'],
  ['/admin/users', 'Users and roles'],
  ['/admin/audit', 'Audit trail'],
];

export function adminNav() {
  const path = window.location.pathname.replace(/\/$/, '');
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Admin' },
    TABS.map(([href, label]) => h('a', { href, class: 'tab', 'aria-current': path === href ? 'page' : null }, label)),
  );
}

export function adminHead(title, intro) {
  document.title = `${title} · Admin · Replay`;
  return [adminNav(), h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, title), intro ? h('p', { class: 'muted' }, intro) : null))];
}
