import assert from 'node:assert/strict';
import { test } from 'node:test';

import { actionName, MAX_NAME_LENGTH } from './action-capture.js';

// A few DOM nodes, as much as actionName reads of them; selectors are simple ones (tag, .class,
// #id, [attribute], tag[attribute]) separated by commas.
class FakeText {
  nodeType = 3;
  parentElement = null;

  constructor(text) {
    this.nodeValue = text;
  }
}

class FakeElement {
  nodeType = 1;
  parentElement = null;
  childNodes = [];
  hidden = false;
  labels = [];
  value = '';

  constructor(tag, attributes = {}, children = []) {
    this.tagName = tag.toUpperCase();
    this.attributes = attributes;
    this.id = attributes.id ?? '';
    for (const child of children) {
      const node = typeof child === 'string' ? new FakeText(child) : child;
      node.parentElement = this;
      this.childNodes.push(node);
    }
  }

  getAttribute(name) {
    return this.attributes[name] ?? null;
  }

  matches(selector) {
    return selector.split(',').map((part) => part.trim()).some((simple) => {
      if (simple.startsWith('.')) {
        return (this.attributes.class ?? '').split(/\s+/).includes(simple.slice(1));
      }
      if (simple.startsWith('#')) {
        return this.id === simple.slice(1);
      }
      const [, tag, attribute] = /^([a-z]*)(?:\[([^\]=]+)\])?$/.exec(simple) ?? [];
      return (!tag || this.tagName.toLowerCase() === tag) && (!attribute || this.getAttribute(attribute) !== null);
    });
  }

  closest(selector) {
    for (let node = this; node; node = node.parentElement) {
      if (node.matches(selector)) {
        return node;
      }
    }
    return null;
  }

  querySelector(selector) {
    for (const child of this.childNodes) {
      if (child.nodeType === 1) {
        const found = child.matches(selector) ? child : child.querySelector(selector);
        if (found) {
          return found;
        }
      }
    }
    return null;
  }
}

const el = (tag, attributes, children) => new FakeElement(tag, attributes, children);

test('a button is named by its text', () => {
  assert.equal(actionName(el('button', {}, ['  Add to ', el('b', {}, ['cart']), '\n'])), 'Add to cart');
});

test('the accessible name wins over the text, and the site’s own name over both', () => {
  assert.equal(actionName(el('button', { 'aria-label': 'Close dialog' }, ['×'])), 'Close dialog');
  assert.equal(actionName(el('button', { 'data-replay-action': 'Checkout: pay', 'aria-label': 'Pay' }, ['Pay'])),
    'Checkout: pay');
});

test('aria-labelledby names an element by the text of others', () => {
  const heading = el('h2', { id: 'title' }, ['Shipping address']);
  const button = el('button', { 'aria-labelledby': 'title' }, ['Edit']);
  button.ownerDocument = { getElementById: (id) => (id === 'title' ? heading : null) };
  assert.equal(actionName(button), 'Shipping address');
});

test('a text field is named by its label, never by what was typed into it', () => {
  const field = el('input', { type: 'text', name: 'notes' });
  field.value = 'my secret notes';
  field.labels = [el('label', {}, ['Delivery notes'])];
  assert.equal(actionName(field), 'Delivery notes');
  const unlabelled = el('input', { type: 'search', placeholder: 'Search products' });
  unlabelled.value = 'typed words';
  assert.equal(actionName(unlabelled), 'Search products');
});

test('a select is named by the option it shows, not by the text of all its options', () => {
  const options = [el('option', { value: 'fr' }, ['France']), el('option', { value: 'de' }, ['  Germany '])];
  const select = el('select', { name: 'country' }, options);
  select.labels = [el('label', {}, ['Country'])];
  select.selectedOptions = [options[1]];
  options[1].text = '  Germany ';
  assert.equal(actionName(select, { maskInputs: 'none' }), 'Germany');
  assert.equal(actionName(select, { maskInputs: 'sensitive' }), 'Germany');
});

test('a select whose value the recorder masks is named by its label', () => {
  const options = [el('option', { value: 'fr' }, ['France']), el('option', { value: 'de' }, ['Germany'])];
  const select = el('select', { name: 'country' }, options);
  select.labels = [el('label', {}, ['Country'])];
  select.selectedOptions = [options[1]];
  options[1].text = 'Germany';
  assert.equal(actionName(select), 'Country');
  assert.equal(actionName(select, { maskInputs: 'all' }), 'Country');
});

test('a submit input is named by its value, which is its visible label', () => {
  const submit = el('input', { type: 'submit' });
  submit.value = 'Place order';
  assert.equal(actionName(submit), 'Place order');
});

test('a link around an image is named by the image’s alt text', () => {
  assert.equal(actionName(el('a', { href: '/' }, [el('img', { alt: 'Home' })])), 'Home');
});

test('text inside .rr-mask or the mask-text selector is masked in the name', () => {
  assert.equal(actionName(el('button', { class: 'rr-mask' }, ['Ada Lovelace'])), '*** ********');
  assert.equal(actionName(el('button', {}, ['Pay as ', el('span', { class: 'customer' }, ['Ada'])]),
    { maskTextSelector: '.customer' }), 'Pay as ***');
  const inMasked = el('div', { class: 'rr-mask' }, [el('button', { 'aria-label': 'Call Ada' })]);
  assert.equal(actionName(inMasked.childNodes[0]), '**** ***');
});

test('a click into a blocked element has no name, and blocked parts are left out of a name', () => {
  const blocked = el('section', { class: 'rr-block' }, [el('button', {}, ['Reveal card'])]);
  assert.equal(actionName(blocked.childNodes[0]), null);
  assert.equal(actionName(el('button', { id: 'pay' }, ['Pay']), { blockSelector: '#pay' }), null);
  assert.equal(actionName(el('button', {}, ['Pay ', el('span', { class: 'card' }, ['4111'])]),
    { blockSelector: '.card' }), 'Pay');
});

test('scripts, styles and hidden parts are not part of a name', () => {
  const hidden = el('span', {}, ['tooltip']);
  hidden.hidden = true;
  assert.equal(actionName(el('button', {}, ['Save', el('script', {}, ['var x']), hidden])), 'Save');
});

test('an element without any label has no name', () => {
  assert.equal(actionName(el('div', {}, [])), null);
  assert.equal(actionName(null), null);
});

test('a long name is cut with an ellipsis', () => {
  const name = actionName(el('a', { href: '#' }, ['word '.repeat(60)]));
  assert.equal(name.length, MAX_NAME_LENGTH);
  assert.ok(name.endsWith('…'));
});
