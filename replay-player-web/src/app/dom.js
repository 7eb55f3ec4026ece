// The app's DOM helpers: the shared element builder, status lines, errors and form fields.

import { h } from '../shared/dom.js';

export { append, h, replace } from '../shared/dom.js';

/** A status line for the outcome of an action, announced to screen readers. */
export function statusLine(testId) {
  return h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', 'data-testid': testId });
}

export function showStatus(line, message, { error = false } = {}) {
  line.textContent = message;
  line.classList.toggle('is-error', error);
}

/** The text of an API error for a status line. */
export function describeError(error) {
  return error?.detail ? `${error.title}: ${error.detail}` : error?.title || error?.message || 'Something went wrong.';
}

/** A labelled form field: label text above its control. */
export function field(labelText, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hint ? h('span', { class: 'field-hint' }, hint) : null);
}
