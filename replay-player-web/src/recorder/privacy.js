// What the recorder masks before anything leaves the browser: values typed into password, email
// and telephone inputs, and into payment-card fields. The server applies its own masking on top.

const CARD_FIELD = /(^|[\s_-])(cc|card|credit|cvc|cvv|csc)([\s_-]|num|number|$)/i;

export const maskInputOptions = {
  password: true,
  email: true,
  tel: true,
  // Routed through maskInputFn, which keeps plain text and masks card fields only.
  text: true,
  number: true,
};

export function maskInputFn(text, element) {
  return isSensitive(element) ? '*'.repeat(text.length) : text;
}

function isSensitive(element) {
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
