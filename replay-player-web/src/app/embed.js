// Entry point of the embedded player (/embed/replays/{sessionId}?t=<ms>&autoplay=0): the player
// without the app's chrome, for other pages' iframes. Its playbacks are recorded with the
// context `embed`.

import { Controls } from '../player/controls.js';
import { PlayerController, PlayerState } from '../player/controller.js';
import { readPlayerLocation } from '../player/location.js';
import { ViewportFitter } from '../player/viewport.js';
import { SessionWindows } from '../player/windows.js';

const byId = (id) => document.getElementById(id);

const root = byId('player');
const viewport = byId('replay-viewport');
const controller = new PlayerController(viewport);
const fitter = new ViewportFitter(byId('stage'), viewport);

controller.addEventListener('statechange', () => {
  root.dataset.state = controller.state;
  if (controller.state === PlayerState.ERROR) {
    showError(controller.error);
  }
});
controller.addEventListener('resize', ({ detail }) => {
  fitter.setRecordedSize(detail.wrapper, detail.width, detail.height);
});

new Controls(controller, {
  playToggle: byId('play-toggle'),
  seek: byId('seek'),
  currentTime: byId('current-time'),
  totalTime: byId('total-time'),
  speed: byId('speed'),
});

start(readPlayerLocation(window.location));

async function start({ sessionId, startAt, autoplay }) {
  if (!sessionId) {
    controller.fail({ title: 'No session to play', detail: 'The address does not name a session.' });
    return;
  }
  const open = byId('open-in-replay');
  open.href = `/replays/${encodeURIComponent(sessionId)}`;
  open.addEventListener('click', () => {
    open.href = `/replays/${encodeURIComponent(sessionId)}?t=${Math.floor(controller.currentTime)}&autoplay=0`;
  });
  document.title = `Session ${sessionId} · Replay`;
  try {
    await controller.load(new SessionWindows(sessionId, { context: 'embed' }), { startAt, autoplay });
  } catch (error) {
    if (error?.status === 401) {
      const signIn = byId('error-sign-in');
      signIn.href = `/login?next=${encodeURIComponent(`/replays/${sessionId}`)}`;
      signIn.hidden = false;
      controller.fail({ title: 'Sign in to watch', detail: 'This recording is only shown to people signed in to Replay.' });
      return;
    }
    controller.fail(error);
  }
}

function showError(error) {
  byId('error-title').textContent = error?.title || 'The recording could not be played';
  byId('error-detail').textContent = error?.detail ?? (error?.title ? '' : error?.message || '');
  byId('error').hidden = false;
}
