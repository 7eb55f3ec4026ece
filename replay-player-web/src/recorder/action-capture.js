// Clicks as actions, each named by its element's label as a person reads it: the
// data-replay-action attribute a site may set, else the accessible name (aria-label,
// aria-labelledby, the <label> of a form field, alt), else the visible text, else title or
// placeholder; a select by the option it shows, unless the recorder masks its value. Text that
// rrweb masks is masked in the name as well (* for each character); clicks into blocked elements
// carry no name. What a person typed is never part of a name: the value of an input counts only
// for buttons.

import { isBlocked, isInputMasked, isTextMasked, maskText } from './privacy.js';

/** Longest name kept, in characters; a longer one is cut with an ellipsis. */
export const MAX_NAME_LENGTH = 100;

// What a click is about: the nearest element that acts on it.
const ACTIONABLE = [
  'button', 'a[href]', 'input', 'select', 'textarea', 'label', 'summary', 'option',
  '[role=button]', '[role=link]', '[role=menuitem]', '[role=tab]', '[role=checkbox]', '[role=radio]',
  '[role=option]', '[role=switch]', '[data-replay-action]', '[onclick]',
].join(',');

const BUTTON_INPUTS = new Set(['button', 'submit', 'reset']);

/**
 * Calls `emit({name, target})` for each click on the page (name null when it cannot be told or
 * must not be recorded); returns a function that stops watching.
 */
export function watchClicks(emit, privacy, doc = document) {
  const onClick = (click) => {
    const target = click.target instanceof Element ? click.target : click.target?.parentElement;
    if (!target) {
      return;
    }
    const element = target.closest(ACTIONABLE) || target;
    emit({ name: actionName(element, privacy), target: element.tagName.toLowerCase() });
  };
  // capture phase: a page that stops the click's propagation still has it recorded
  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}

/** The name of the action of a click on `element`, masked as the privacy settings ask; null when none. */
export function actionName(element, privacy = {}) {
  if (!element || isBlocked(element, privacy)) {
    return null;
  }
  const named = (element.getAttribute('data-replay-action') || '').trim();
  const name = named || accessibleName(element, privacy);
  if (!name) {
    return null;
  }
  const masked = isTextMasked(element, privacy) ? maskText(name) : name;
  return shorten(masked);
}

function accessibleName(element, privacy) {
  const aria = (element.getAttribute('aria-label') || '').trim();
  if (aria) {
    return aria;
  }
  const labelledBy = (element.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
    .map((id) => element.ownerDocument.getElementById(id))
    .filter(Boolean)
    .map((label) => visibleText(label, privacy))
    .join(' ');
  if (labelledBy.trim()) {
    return labelledBy;
  }
  const tag = element.tagName.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    return fieldName(element, privacy);
  }
  if (tag === 'img') {
    return element.getAttribute('alt') || element.getAttribute('title');
  }
  return visibleText(element, privacy) || element.getAttribute('title') || imageAlt(element);
}

// a form field is named by its label, never by what was typed into it; a select by the option
// it shows, unless its value is masked
function fieldName(field, privacy) {
  if (field.tagName.toLowerCase() === 'select' && !isInputMasked(field, privacy)) {
    const chosen = chosenOption(field);
    if (chosen) {
      return chosen;
    }
  }
  const type = (field.getAttribute('type') || '').toLowerCase();
  if (field.tagName.toLowerCase() === 'input' && BUTTON_INPUTS.has(type)) {
    return field.value || type;
  }
  if (type === 'image') {
    return field.getAttribute('alt') || field.getAttribute('title');
  }
  const labels = [...(field.labels ?? [])].map((label) => visibleText(label, privacy)).join(' ').trim();
  return labels || field.getAttribute('title') || field.getAttribute('placeholder') || field.getAttribute('name');
}

// the text of the option a select shows (its first selected one), never of all its options
function chosenOption(select) {
  const option = select.selectedOptions?.[0] ?? (select.selectedIndex >= 0 ? select.options?.[select.selectedIndex] : null);
  return option ? (option.label || option.text || '').replace(/\s+/g, ' ').trim() : '';
}

function imageAlt(element) {
  const image = element.querySelector?.('img[alt]');
  return image ? image.getAttribute('alt') : null;
}

// the text a person sees in an element: masked where rrweb masks it, without blocked parts,
// scripts, styles and the values of fields
function visibleText(element, privacy) {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) {
      const masked = node.parentElement && isTextMasked(node.parentElement, privacy);
      parts.push(masked ? maskText(node.nodeValue) : node.nodeValue);
      return;
    }
    if (node.nodeType !== 1) {
      return;
    }
    const tag = node.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'select' || tag === 'textarea'
      || node.hidden || isBlocked(node, privacy)) {
      return;
    }
    for (const child of node.childNodes) {
      walk(child);
    }
  };
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function shorten(name) {
  const text = name.replace(/\s+/g, ' ').trim();
  return text.length <= MAX_NAME_LENGTH ? text : `${text.slice(0, MAX_NAME_LENGTH - 1)}…`;
}
