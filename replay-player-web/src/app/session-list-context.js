// The session list a player page was opened from, so that the player can offer the previous and
// next session of that list and a way back to it with its filters. Kept per browser tab.

const KEY = 'replay.session-list';

/** Remembers the sessions the list shows, in order, and the list's address. */
export function rememberList(href, ids, more) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ href, ids, more: Boolean(more) }));
  } catch (error) {
    // storage refused (private mode, quota): the player simply offers no neighbours
  }
}

/** The list last shown in this tab: `{ href, ids, more }`, or null. */
export function openedList() {
  try {
    const list = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return list && typeof list.href === 'string' && list.href.startsWith('/') && Array.isArray(list.ids) ? list : null;
  } catch (error) {
    return null;
  }
}
