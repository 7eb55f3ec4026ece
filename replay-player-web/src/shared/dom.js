// A small element builder for the app and the player: h('a', {href: '/', class: 'link'}, 'text',
// child, [more children]). Attribute values are set as attributes (never as HTML), so text from the
// API is always inert; `svg(...)` builds SVG elements the same way.

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element, built like `h` (icons: `svg('svg', {viewBox}, svg('path', {d}))`). */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NAMESPACE, tag), props, children);
}

function build(element, props, children) {
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
  return append(element, children);
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
