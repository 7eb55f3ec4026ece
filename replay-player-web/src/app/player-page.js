// Entry point of the player page (/replays/{sessionId}): the player, with the app's top bar
// around it (the way back, previous/next, watchers, add to playlist, the signed-in user).

import { startPlayerPage } from '../player/page.js';
import { attachPlayerExtras } from './player-extras.js';

startPlayerPage({ extras: attachPlayerExtras });
