// The markup of the control bar, for the player page and the embedded player alike: play/pause,
// the times and the seek bar, speed and full screen, and the parts a page asks for: the seek bar's
// markers and shaded inactivity (`timeline`), "Skip inactivity" (`skip`), the share and shortcut
// buttons (`share`, `help`) and the "Open in Replay" link (`openInReplay`). The ids, test ids and
// ARIA attributes are what the pages' scripts, their styles and the browser tests look for.

import { h, svg } from '../shared/dom.js';

const SPEEDS = Object.freeze([1, 2, 4, 8]);

const ICONS = Object.freeze({
  play: 'M8 5.5v13l10.5-6.5z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  share: 'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zm2.8-2.8a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2 1.4 1.4-2 2a1 1 0 1 0 1.4 1.4L12 10.6a1 1 0 0 1 1.4 0z',
  help: 'M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm2 0v10h14V7zm1 2h2v2H6zm3 0h2v2H9zm3 0h2v2h-2zm3 0h3v2h-3zM6 12h2v2H6zm3 0h6v2H9zm7 0h2v2h-2z',
  enterFullscreen: 'M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z',
  exitFullscreen: 'M8 4h2v6H4V8h4zm6 0h2v4h4v2h-6zM4 14h6v6H8v-4H4zm10 0h6v2h-4v4h-2z',
});

/**
 * Builds the control bar in place of `placeholder` and returns its elements:
 * `{ bar, playToggle, seek, currentTime, totalTime, speed }` (`bar` the whole control bar).
 */
export function mountControls(placeholder, { timeline = false, skip = false, share = false, help = false, openInReplay = false } = {}) {
  const playToggle = h(
    'button',
    { class: 'play-toggle', id: 'play-toggle', 'data-testid': 'play-toggle', type: 'button', 'aria-label': 'Play', disabled: true },
    icon('icon-play', ICONS.play),
    icon('icon-pause', ICONS.pause),
  );
  const currentTime = h('span', { class: 'time', id: 'current-time', 'data-testid': 'current-time', 'aria-label': 'Current time' }, '0:00');
  const seek = h('input', {
    class: 'seek',
    id: 'seek',
    'data-testid': 'seek',
    type: 'range',
    min: 0,
    max: 0,
    step: 1,
    value: 0,
    'aria-label': 'Seek',
    disabled: true,
  });
  const totalTime = h('span', { class: 'time', id: 'total-time', 'data-testid': 'total-time', 'aria-label': 'Total time' }, '0:00');
  const speed = h(
    'select',
    { id: 'speed', 'data-testid': 'speed', 'aria-label': 'Playback speed', disabled: true },
    SPEEDS.map((value) => h('option', { value, selected: value === 1 }, `${value}×`)),
  );
  const footer = h(
    'footer',
    { class: 'controls', role: 'group', 'aria-label': 'Playback controls', 'data-testid': 'controls' },
    playToggle,
    currentTime,
    timeline ? seekTrack(seek) : seek,
    totalTime,
    skip ? skipToggle() : null,
    h('label', { class: 'speed' }, h('span', { class: 'speed-label' }, 'Speed'), speed),
    h(
      'div',
      { class: 'control-buttons' },
      share ? shareButton() : null,
      help ? helpButton() : null,
      fullscreenButton(),
    ),
    openInReplay
      ? h('a', { class: 'open-in-replay', id: 'open-in-replay', 'data-testid': 'open-in-replay', href: '/', target: '_blank', rel: 'noopener' }, 'Open in Replay')
      : null,
  );
  placeholder.replaceWith(footer);
  return { bar: footer, playToggle, seek, currentTime, totalTime, speed };
}

// The seek bar with the periods without activity shaded under it and the markers over it.
function seekTrack(seek) {
  return h(
    'div',
    { class: 'seek-track' },
    h('div', { class: 'seek-gaps', id: 'seek-gaps', 'data-testid': 'seek-gaps', 'aria-hidden': 'true' }),
    seek,
    h('div', { class: 'seek-markers', id: 'seek-markers', 'data-testid': 'seek-markers', role: 'group', 'aria-label': 'Timeline markers' }),
  );
}

function skipToggle() {
  return h(
    'label',
    { class: 'skip', title: 'Jump over periods without activity' },
    h('input', { type: 'checkbox', id: 'skip-inactivity', 'data-testid': 'skip-inactivity', checked: true }),
    h('span', {}, 'Skip inactivity'),
  );
}

function shareButton() {
  const label = 'Copy a link to this moment';
  return h(
    'button',
    { class: 'icon-button', id: 'share', 'data-testid': 'share', type: 'button', 'aria-label': label, 'aria-haspopup': 'dialog', title: label, disabled: true },
    icon(null, ICONS.share),
  );
}

function helpButton() {
  return h(
    'button',
    { class: 'icon-button', id: 'help', 'data-testid': 'help', type: 'button', 'aria-label': 'Keyboard shortcuts', 'aria-haspopup': 'dialog', title: 'Keyboard shortcuts (?)' },
    icon(null, ICONS.help),
  );
}

function fullscreenButton() {
  return h(
    'button',
    { class: 'icon-button', id: 'fullscreen', 'data-testid': 'fullscreen', type: 'button', 'aria-label': 'Full screen', 'aria-pressed': 'false', title: 'Full screen (F)' },
    icon('icon-enter-fullscreen', ICONS.enterFullscreen),
    icon('icon-exit-fullscreen', ICONS.exitFullscreen),
  );
}

function icon(className, path) {
  return svg(
    'svg',
    { class: className ? `icon ${className}` : 'icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: path }),
  );
}
