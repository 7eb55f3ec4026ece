// "Copy a link to this moment": pauses, shows the address that opens the session at the current
// time (`?t=1m23s`) and copies it to the clipboard where the browser allows it; also shows the
// snippet that embeds the player at that moment in another page, and the links that download the
// session (one HTML file that plays offline, or its rrweb events), and makes share links that play
// it outside Replay from that moment.

import { request } from '../shared/http.js';
import { formatDuration } from './format.js';
import { momentUrl } from './location.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function attachShare(controller, sessionId, { button, dialog, url, time, status, embed, downloads = {}, outside = null }) {
  let moment = 0;
  if (outside) {
    outside.create.addEventListener('click', () => createShareLink(sessionId, moment, outside));
  }
  for (const [format, link] of Object.entries(downloads)) {
    link.href = exportUrl(sessionId, format);
  }
  const enable = () => {
    button.disabled = !controller.canPlay;
  };
  controller.addEventListener('statechange', enable);
  enable();
  button.addEventListener('click', async () => {
    controller.pause();
    const at = controller.currentTime;
    moment = at;
    if (outside) {
      outside.url.hidden = true;
      outside.status.textContent = '';
    }
    url.value = momentUrl(sessionId, at);
    time.textContent = formatDuration(at);
    embed.value = embedSnippet(sessionId, at);
    status.textContent = '';
    dialog.showModal();
    url.focus();
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
      status.textContent = 'Link copied to the clipboard.';
    } catch (error) {
      status.textContent = 'Copy the link with Ctrl+C (⌘C on a Mac).';
    }
  });
}

// makes a share link from the moment shown and copies its address
async function createShareLink(sessionId, at, { days, devtools, create, url, status }) {
  create.disabled = true;
  status.textContent = 'Creating the link…';
  try {
    const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/share-links`, {
      method: 'POST',
      appRequest: false,
      body: shareLinkRequest(Number(days.value), at, devtools.checked),
    });
    const link = await response.json();
    url.value = link.url;
    url.hidden = false;
    url.focus();
    url.select();
    const expires = new Date(link.expiresAt).toLocaleString();
    try {
      await navigator.clipboard.writeText(link.url);
      status.textContent = `Link copied to the clipboard; it works until ${expires}.`;
    } catch (error) {
      status.textContent = `Copy the link with Ctrl+C (⌘C on a Mac); it works until ${expires}.`;
    }
  } catch (error) {
    status.textContent = error?.status === 403
      ? 'Only editors and admins can share sessions outside Replay.'
      : `The link could not be created: ${error?.detail ?? error?.message ?? 'unknown error'}`;
  } finally {
    create.disabled = false;
  }
}

/** The body that asks for a share link living `days` days (a minute less), opening at `ms`. */
export function shareLinkRequest(days, ms, devtools, now = Date.now()) {
  return {
    expiresAt: new Date(now + days * DAY_MS - 60 * 1000).toISOString(),
    startAt: Math.max(0, Math.floor(ms)),
    devtools: Boolean(devtools),
  };
}

/** The iframe that embeds the player at `ms`, paused there. */
export function embedSnippet(sessionId, ms, origin = window.location.origin) {
  const src = `${origin}/embed/replays/${encodeURIComponent(sessionId)}?t=${Math.floor(ms)}&autoplay=0`;
  return `<iframe src="${src}" title="Session replay" width="960" height="600" loading="lazy" allow="fullscreen"></iframe>`;
}

/** The address that downloads a session as `html` (plays offline) or `rrweb` (its events). */
export function exportUrl(sessionId, format) {
  return `/api/v1/sessions/${encodeURIComponent(sessionId)}/export?format=${encodeURIComponent(format)}`;
}
