// The app's top bar: brand, navigation, and the signed-in user with a sign-out button.

import { h, replace } from './dom.js';
import { isAdmin, signOut } from './me.js';

const LINKS = [
  { href: '/sessions', label: 'Sessions', match: (path) => path === '/' || path.startsWith('/sessions') },
  { href: '/playlists', label: 'Playlists', match: (path) => path.startsWith('/playlists') },
  { href: '/history', label: 'My Watch History', match: (path) => path.startsWith('/history') },
  { href: '/admin/applications', label: 'Admin', admin: true, match: (path) => path.startsWith('/admin') },
];

/** Fills a `<header class="topbar">` for the given user and current path. */
export function renderTopbar(header, user, path = window.location.pathname) {
  const links = LINKS.filter((link) => !link.admin || isAdmin(user)).map((link) =>
    h('a', { class: 'nav-link', href: link.href, 'aria-current': link.match(path) ? 'page' : null }, link.label),
  );
  replace(
    header,
    h('a', { class: 'brand', href: '/' }, 'Replay'),
    h('nav', { class: 'nav', 'aria-label': 'Main' }, links),
    userBadge(user),
  );
}

/** The user's name and role, and a sign-out button. */
export function userBadge(user) {
  const { name, role } = badgeText(user);
  return h(
    'div',
    { class: 'user-badge' },
    h(
      'a',
      { class: 'user-name', href: '/account', title: `My account (${user.role})`, 'data-testid': 'current-user', 'data-role': user.role },
      name,
      role ? [' ', h('span', { class: 'role-tag', 'data-testid': 'current-role' }, role)] : null,
    ),
    h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'sign-out', onclick: () => signOut() }, 'Sign out'),
  );
}

/**
 * What the badge says: the user's name, and their role unless it only repeats the name (the
 * first admin is called `admin`), so the signed-in user is named once.
 */
export function badgeText(user) {
  const name = user.username;
  const role = user.role && user.role.toLowerCase() !== String(name).toLowerCase() ? user.role : null;
  return { name, role };
}
