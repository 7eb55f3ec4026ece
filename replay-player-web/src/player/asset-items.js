// What the developer tools' Assets tab shows of a session's stylesheets, fonts and images, without
// the page: a short form of each URL, its state in words and what the list says when it is empty.

import { formatBytes } from './format.js';

const STATES = Object.freeze({
  captured: 'Captured',
  pending: 'Pending',
  failed: 'Failed',
});

/**
 * A URL short enough for a row: without its scheme and, when still longer than `max`, its host,
 * an ellipsis and the end of its path (the file name tells assets apart more than the folders do).
 */
export function shortUrl(url, max = 64) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return middle(String(url ?? ''), max);
  }
  const path = `${parsed.pathname}${parsed.search}`;
  const whole = `${parsed.host}${path === '/' ? '' : path}`;
  if (whole.length <= max) {
    return whole;
  }
  const name = `${parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1)}${parsed.search}`;
  return middle(`${parsed.host}/…/${name}`, max);
}

/**
 * An asset's state for its row: `label` (Captured, Pending or Failed) and `detail` (the content
 * type and size of a captured one, the reason a fetch failed).
 */
export function assetState(asset) {
  const label = STATES[asset.status] ?? String(asset.status ?? 'Unknown');
  switch (asset.status) {
    case 'captured':
      return { label, detail: [asset.contentType, asset.size == null ? null : formatBytes(asset.size)].filter(Boolean).join(' · ') };
    case 'pending':
      return { label, detail: 'Not fetched yet' };
    case 'failed':
      return { label, detail: asset.failure || 'No reason given' };
    default:
      return { label, detail: '' };
  }
}

/**
 * What the tab says without assets: a session the server has not processed yet has none listed
 * yet (`processed` is false), one it has processed referenced none.
 */
export function emptyAssetsText(processed) {
  return processed
    ? 'No stylesheets, fonts or images referenced.'
    : 'This session has not been processed yet: its stylesheets, fonts and images are listed once it has been. Reload in a moment.';
}

// the start and the end of a text longer than max, around an ellipsis
function middle(text, max) {
  if (text.length <= max) {
    return text;
  }
  const end = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - end)}…${text.slice(text.length - end)}`;
}
