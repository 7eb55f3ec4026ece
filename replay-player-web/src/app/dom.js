// A small element builder: h('a', {href: '/', class: 'link'}, 'text', child, [more children]).
// Attribute values are set as attributes (never as HTML), so text from the API is always inert.

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces an element's children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

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
