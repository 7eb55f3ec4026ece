// "Copy a link to this moment": pauses, shows the address that opens the session at the current
// time (`?t=1m23s`) and copies it to the clipboard where the browser allows it.

import { formatDuration } from './format.js';
import { momentUrl } from './location.js';

export function attachShare(controller, sessionId, { button, dialog, url, time, status }) {
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
