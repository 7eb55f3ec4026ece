// Entry point of the embedded player (/embed/replays/{sessionId}?t=<ms>&autoplay=0): the player
// without the app's chrome, for other pages' iframes. Its playbacks are recorded with the
// context `embed`.

import { FullscreenToggle } from '../player/fullscreen.js';
import { readPlayerLocation } from '../player/location.js';
import { setUpPlayer } from '../player/setup.js';
import { SessionWindows } from '../player/windows.js';

const { root, controller, byId } = setUpPlayer({ controls: { openInReplay: true } });
new FullscreenToggle(root, byId('fullscreen'));

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
