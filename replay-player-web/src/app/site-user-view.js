// The people behind sessions as the app's tables show them: a link to the user's page named by
// their name (their email and id on hover), and the mark of a session still being recorded.

import { siteUserHref, siteUserName, siteUserTitle } from '../player/site-user.js';
import { h } from './dom.js';

/** A link to the session's user page, or "anonymous". */
export function siteUserLink(session) {
  const name = siteUserName(session ?? {});
  if (!name) {
    return h('span', { class: 'muted' }, 'anonymous');
  }
  return h('a', { class: 'user-link', href: siteUserHref(session), title: siteUserTitle(session), 'data-testid': 'site-user' }, name);
}

/** The "Live" mark of a session that received a segment in the last minutes. */
export function liveMark() {
  return h('span', { class: 'live-mark', 'data-testid': 'live-mark', title: 'Still being recorded' }, h('span', { class: 'live-dot', 'aria-hidden': 'true' }), 'Live');
}
