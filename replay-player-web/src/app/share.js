// Entry point of a share link's page (/s/{secret}?t=<ms>&autoplay=0, or /embed/s/{secret} in
// another site's frame): the player without the app around it, for people who are not signed in.
// It plays only the link's session, through the link's own events endpoint, and links nowhere
// else in Replay. A link made to show developer tools shows them, read through the link too.

import { linkDevtoolsSource } from '../player/api.js';
import { attachDevtools } from '../player/devtools.js';
import { FullscreenToggle } from '../player/fullscreen.js';
import { parseOffset } from '../player/location.js';
import { setUpPlayer } from '../player/setup.js';
import { SessionWindows } from '../player/windows.js';
import { request } from '../shared/http.js';

const LINK_PATH = /^\/(?:embed\/)?s\/([A-Za-z0-9_-]+)\/?$/;

const { root, controller, byId } = setUpPlayer();
new FullscreenToggle(root, byId('fullscreen'));

start(readShareLocation(window.location));

/** The link's secret and where to start, from the page's address. */
function readShareLocation(location) {
  const match = LINK_PATH.exec(location.pathname);
  const params = new URLSearchParams(location.search);
  return {
    secret: match ? match[1] : null,
    startAt: parseOffset(params.get('t')),
    autoplay: params.get('autoplay') !== '0',
  };
}

async function start({ secret, startAt, autoplay }) {
  if (!secret) {
    controller.fail({ title: 'No recording to play', detail: 'The address is not a share link.' });
    return;
  }
  showDevtoolsIfShared(secret);
  try {
    await controller.load(new SessionWindows(null, { context: null, eventsPath: `/s/${secret}/events` }), { startAt, autoplay });
  } catch (error) {
    if (error?.status === 404) {
      controller.fail({ title: 'This link no longer works', detail: 'It has expired or was revoked.' });
      return;
    }
    controller.fail(error);
  }
}

// the developer tools, when the link was made to show them; the replay works without them
async function showDevtoolsIfShared(secret) {
  let link;
  try {
    link = await (await request(`/s/${encodeURIComponent(secret)}/link`, { appRequest: false })).json();
  } catch {
    return;
  }
  if (link?.devtools) {
    attachDevtools(controller, linkDevtoolsSource(secret), { root, seekTrack: byId('seek')?.parentElement });
  }
}
