// Entry point of the player inside an exported session file: the session is in the page itself
// (JSON script elements written by the server), so the player loads nothing. The address may name
// a moment as the player page's does, in its query or fragment: `#t=1m23s&autoplay=0`.

import { FullscreenToggle } from '../player/fullscreen.js';
import { parseOffset } from '../player/location.js';
import { isMobileSource } from '../player/session-info.js';
import { setUpPlayer } from '../player/setup.js';
import { InlineSession } from './inline-session.js';

const { root, controller, byId } = setUpPlayer({});
new FullscreenToggle(root, byId('fullscreen'));
start();

async function start() {
  const session = readJson('replay-session') ?? {};
  const label = session.id ? `Session ${session.id}` : 'Session';
  byId('session-label').textContent = [label, session.source].filter(Boolean).join(' · ');
  document.title = `${label} · Replay`;
  if (session.source) {
    root.dataset.source = session.source;
    root.classList.toggle('is-mobile', isMobileSource(session.source));
  }
  const params = new URLSearchParams(window.location.hash.slice(1) || window.location.search);
  try {
    const inline = new InlineSession(byId('replay-events').textContent, readJson('replay-assets') ?? {}, session);
    await controller.load(inline, { startAt: parseOffset(params.get('t')), autoplay: params.get('autoplay') === '1' });
  } catch (error) {
    controller.fail(error);
  }
}

function readJson(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}
