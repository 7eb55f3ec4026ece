// The wiring that the player page and the embedded player share: the controller, the fitting of
// the replayed page into the stage, the controls, the state on the root element (`data-state`)
// and the error box, which says what went wrong and disables the whole control bar. Both pages
// carry the same ids for these parts, and an element `#controls` where the control bar goes.

import { PlayerController } from './controller.js';
import { Controls } from './controls.js';
import { mountControls } from './controls-view.js';
import { playerErrorText } from './errors.js';
import { PlayerState } from './state.js';
import { ViewportFitter } from './viewport.js';

/**
 * Sets up the player in the current page and returns `{ root, controller, byId }`; the page then
 * loads a session with `controller.load(...)`. `controls` names the optional parts of the control
 * bar (see `mountControls`).
 */
export function setUpPlayer({ controls = {} } = {}) {
  const byId = (id) => document.getElementById(id);
  const elements = mountControls(byId('controls'), controls);
  const root = byId('player');
  const viewport = byId('replay-viewport');
  const controller = new PlayerController(viewport);
  const fitter = new ViewportFitter(byId('stage'), viewport);

  controller.addEventListener('statechange', () => {
    root.dataset.state = controller.state;
    if (controller.state === PlayerState.ERROR) {
      showError(byId, controller.error);
      disableControls(elements.bar);
    }
  });
  controller.addEventListener('resize', ({ detail }) => {
    fitter.setRecordedSize(detail.wrapper, detail.width, detail.height);
  });
  const buffering = byId('buffering');
  if (buffering) {
    controller.addEventListener('waitingchange', () => {
      buffering.hidden = !controller.waiting;
    });
  }

  new Controls(controller, elements);
  return { root, controller, byId };
}

function showError(byId, error) {
  const { title, detail } = playerErrorText(error);
  byId('error-title').textContent = title;
  byId('error-detail').textContent = detail;
  byId('error').hidden = false;
}

// A player that cannot play offers none of its controls: every button, field and choice of the
// bar is disabled (play, seek and speed follow the state anyway; skip, share, help and full screen
// would act on nothing).
function disableControls(bar) {
  for (const control of bar.querySelectorAll('button, input, select')) {
    control.disabled = true;
  }
  bar.setAttribute('aria-disabled', 'true');
}
