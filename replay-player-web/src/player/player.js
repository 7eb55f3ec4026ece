// Entry point of the player page (/replays/{sessionId}): wires the API client, the controller
// and the controls to the markup of index.html.

import { fetchTimeline } from './api.js';
import { Controls } from './controls.js';
import { PlayerController, PlayerState } from './controller.js';
import { attachDevtools } from './devtools.js';
import { readPlayerLocation } from './location.js';
import { SeekMarkers } from './markers.js';
import { describeSession, isMobileSource } from './session-info.js';
import { InactivitySkipper } from './skip.js';
import { ViewportFitter } from './viewport.js';
import { SessionWindows } from './windows.js';
import { attachPlayerExtras } from '../app/player-extras.js';

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

const markers = new SeekMarkers(controller, byId('seek-markers'));
const skipper = new InactivitySkipper(controller, byId('skip-inactivity'));

start(readPlayerLocation(window.location));
attachPlayerExtras(controller, readPlayerLocation(window.location).sessionId);
attachDevtools(controller, readPlayerLocation(window.location).sessionId, { root, seekTrack: byId('seek').parentElement });

async function start({ sessionId, startAt, autoplay }) {
  if (!sessionId) {
    controller.fail({ title: 'No session to play', detail: 'The address does not name a session.' });
    return;
  }
  byId('session-label').textContent = `Session ${sessionId}`;
  document.title = `Session ${sessionId} · Replay`;
  describeSession(sessionId).then((session) => {
    if (session) {
      root.dataset.source = session.source;
      root.classList.toggle('is-mobile', isMobileSource(session.source));
    }
  });
  const timeline = fetchTimeline(sessionId).catch(() => null);
  try {
    await controller.load(new SessionWindows(sessionId), { startAt, autoplay });
  } catch (error) {
    controller.fail(error);
    return;
  }
  // The markers are extras: the player works without them.
  const summary = await timeline;
  if (summary) {
    markers.show(summary);
    skipper.setPeriods(summary.inactivity);
  }
}

function showError(error) {
  const title = error?.title || 'The recording could not be played';
  const detail = error?.detail ?? (error?.title ? '' : error?.message || '');
  byId('error-title').textContent = title;
  byId('error-detail').textContent = detail;
  byId('error').hidden = false;
}
