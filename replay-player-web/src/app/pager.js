// Previous/next buttons for lists paged by number ({items, page, size, totalItems}).

import { h } from './dom.js';

export function pager(page, onPage, testId = 'pager') {
  const pages = Math.max(1, Math.ceil(page.totalItems / page.size));
  if (pages <= 1) {
    return null;
  }
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages', 'data-testid': testId },
    h('button', { type: 'button', class: 'button', disabled: page.page === 0, onclick: () => onPage(page.page - 1) }, '← Previous'),
    h('span', { class: 'muted' }, `Page ${page.page + 1} of ${pages}`),
    h('button', { type: 'button', class: 'button', disabled: page.page + 1 >= pages, onclick: () => onPage(page.page + 1) }, 'Next →'),
  );
}
