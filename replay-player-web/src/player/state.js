// The player's states, as the controller announces them and `#player[data-state]` shows them.

export const PlayerState = Object.freeze({
  LOADING: 'loading',
  READY: 'ready',
  PLAYING: 'playing',
  PAUSED: 'paused',
  ERROR: 'error',
});
