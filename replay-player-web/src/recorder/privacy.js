// What the recorder masks before anything leaves the browser, as the tag's data-mask-inputs,
// data-mask-text-selector and data-block-selector ask, with rrweb's own class conventions on top:
//   all (the default)  every input, textarea and select value becomes * of the same length;
//   sensitive          only password, email and telephone inputs and payment-card fields;
//   none               values are recorded as typed, except passwords, which rrweb never records.
// Text inside .rr-mask or the mask-text selector becomes *; elements with .rr-block or matching
// the block selector are recorded as an empty box of their size; inputs into .rr-ignore are not
// recorded. The server masks password, email, telephone and payment-card values again, whatever
// the recorder did.

export const BLOCK_CLASS = 'rr-block';
export const MASK_TEXT_CLASS = 'rr-mask';
export const IGNORE_CLASS = 'rr-ignore';

const CARD_FIELD = /(^|[\s_-])(cc|card|credit|cvc|cvv|csc)([\s_-]|num|number|$)/i;

/** The options of rrweb's record() for a privacy setting {maskInputs, maskTextSelector, blockSelector}. */
export function recordPrivacyOptions({ maskInputs = 'all', maskTextSelector = null, blockSelector = null } = {}) {
  const options = {
    blockClass: BLOCK_CLASS,
    maskTextClass: MASK_TEXT_CLASS,
    ignoreClass: IGNORE_CLASS,
  };
  if (maskTextSelector) {
    options.maskTextSelector = maskTextSelector;
  }
  if (blockSelector) {
    options.blockSelector = blockSelector;
  }
  switch (maskInputs) {
    case 'none':
      options.maskInputOptions = { password: true };
      break;
    case 'sensitive':
      // plain text and numbers go through maskInputFn, which masks card fields only
      options.maskInputOptions = { password: true, email: true, tel: true, text: true, number: true };
      options.maskInputFn = maskSensitiveInput;
      break;
    default:
      options.maskAllInputs = true;
  }
  return options;
}

/** maskInputFn of the `sensitive` setting: masks the value of a sensitive field, keeps any other. */
export function maskSensitiveInput(text, element) {
  return isSensitiveInput(element) ? '*'.repeat(text.length) : text;
}

/** Whether a form field holds a password, an email address, a telephone number or payment-card data. */
export function isSensitiveInput(element) {
  if (!element || typeof element.getAttribute !== 'function') {
    return true;
  }
  const type = (element.getAttribute('type') || '').toLowerCase();
  if (type === 'password' || type === 'email' || type === 'tel') {
    return true;
  }
  const autocomplete = (element.getAttribute('autocomplete') || '').toLowerCase();
  if (autocomplete.split(/\s+/).some((token) => token.startsWith('cc-'))) {
    return true;
  }
  const name = `${element.getAttribute('name') || ''} ${element.id || ''}`;
  return CARD_FIELD.test(name);
}

/** Whether the recorder masks the value of a form field under the `maskInputs` setting (`all` unless given). */
export function isInputMasked(element, { maskInputs = 'all' } = {}) {
  switch (maskInputs) {
    case 'none':
      return (element?.getAttribute?.('type') || '').toLowerCase() === 'password';
    case 'sensitive':
      return isSensitiveInput(element);
    default:
      return true;
  }
}

/** Whether rrweb leaves an element out of the recording (.rr-block or the block selector, on it or an ancestor). */
export function isBlocked(element, { blockSelector = null } = {}) {
  return closest(element, `.${BLOCK_CLASS}`) || (blockSelector !== null && closest(element, blockSelector));
}

/** Whether rrweb masks the text inside an element (.rr-mask or the mask-text selector, on it or an ancestor). */
export function isTextMasked(element, { maskTextSelector = null } = {}) {
  return closest(element, `.${MASK_TEXT_CLASS}`) || (maskTextSelector !== null && closest(element, maskTextSelector));
}

/** Text as rrweb masks it: every character but white space becomes *. */
export function maskText(text) {
  return text.replace(/\S/g, '*');
}

function closest(element, selector) {
  try {
    return Boolean(element?.closest?.(selector));
  } catch (error) {
    // a selector this browser does not understand: treat as matching, never as not masked
    return true;
  }
}
