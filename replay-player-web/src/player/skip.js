// "Skip inactivity": while playing, jumps over the periods in which nothing happened.

import { PlayerState } from './state.js';

// Leave this much of the period before its end, so the viewer sees what comes next start.
export const LEAD_IN_MS = 500;

export class InactivitySkipper {
  #controller;
  #periods = [];
  #enabled = false;
  #timer = 0;

  #onSkip;

  /** `onSkip(period)` is told of each jump. */
  constructor(controller, toggle, onSkip = () => {}) {
    this.#controller = controller;
    this.#onSkip = onSkip;
    this.#enabled = toggle.checked;
    toggle.addEventListener('change', () => {
      this.#enabled = toggle.checked;
      this.#update();
    });
    controller.addEventListener('statechange', () => this.#update());
  }

  /** The inactivity periods of the timeline summary: `[{ start, end }]` in ms. */
  setPeriods(periods) {
    this.#periods = skippablePeriods(periods);
    this.#update();
  }

  #update() {
    const active = this.#enabled && this.#periods.length > 0 && this.#controller.state === PlayerState.PLAYING;
    if (active && !this.#timer) {
      this.#timer = setInterval(() => this.#check(), 200);
    } else if (!active && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = 0;
    }
  }

  #check() {
    const skip = skipAt(this.#periods, this.#controller.currentTime);
    if (skip) {
      this.#controller.seek(skip.to);
      this.#onSkip(skip.period);
    }
  }
}

/** The periods worth a jump: longer than the lead-ins they keep. */
export function skippablePeriods(periods) {
  return (periods ?? []).filter((period) => period.end - period.start > 2 * LEAD_IN_MS);
}

/**
 * The jump to make at `now` (ms): `{ period, to }` while inside a period and before its lead-in,
 * where `to` is the period's end less the lead-in; null otherwise.
 */
export function skipAt(periods, now) {
  const period = periods.find((candidate) => now >= candidate.start && now < candidate.end - LEAD_IN_MS);
  return period ? { period, to: period.end - LEAD_IN_MS } : null;
}
