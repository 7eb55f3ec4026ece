// The player page's early script (/player/assets/early-<hash>.js): a small module that runs before
// the player's own script (it stands before it in the page, ADR 0038) and starts loading the moment
// the address names, so that the events arrive while the player gets ready. The player takes the
// request over (takeEarlyWindows).

import { readPlayerLocation } from '../player/location.js';
import { openEarly } from '../player/windows.js';

const { sessionId, startAt } = readPlayerLocation(window.location);
if (sessionId) {
  openEarly(sessionId, startAt ?? 0);
}
