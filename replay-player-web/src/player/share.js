// "Copy a link to this moment": pauses, shows the address that opens the session at the current
// time (`?t=1m23s`) and copies it to the clipboard where the browser allows it; also shows the
// snippet that embeds the player at that moment in another page, and the links that download the
// session (one HTML file that plays offline, or its rrweb events).

import { formatDuration } from './format.js';
import { momentUrl } from './location.js';

export function attachShare(controller, sessionId, { button, dialog, url, time, status, embed, downloads = {} }) {
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

/** The iframe that embeds the player at `ms`, paused there. */
export function embedSnippet(sessionId, ms, origin = window.location.origin) {
  const src = `${origin}/embed/replays/${encodeURIComponent(sessionId)}?t=${Math.floor(ms)}&autoplay=0`;
  return `<iframe src="${src}" title="Session replay" width="960" height="600" loading="lazy" allow="fullscreen"></iframe>`;
}

/** The address that downloads a session as `html` (plays offline) or `rrweb` (its events). */
export function exportUrl(sessionId, format) {
  return `/api/v1/sessions/${encodeURIComponent(sessionId)}/export?format=${encodeURIComponent(format)}`;
}
