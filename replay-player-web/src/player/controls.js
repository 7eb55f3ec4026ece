// The control bar: play/pause, seek bar with times, speed, and the playback keyboard shortcuts
// (Space, ←/→, < and > for slower and faster, 1 2 4 8 for a speed).
// It only talks to the PlayerController; it never touches the replayer.

import { formatDuration } from './format.js';
import { PlayerState } from './state.js';

const ARROW_STEP_MS = 5000;

const SPEED_KEYS = Object.freeze({ 1: 1, 2: 2, 4: 4, 8: 8 });

export class Controls {
  #controller;
  #playToggle;
  #seek;
  #currentTime;
  #totalTime;
  #speed;
  #frame = 0;
  #scrubbing = false;
  #resumeAfterScrub = false;
  #pendingSeek = null;
  #pendingFrame = 0;

  constructor(controller, { playToggle, seek, currentTime, totalTime, speed }) {
    this.#controller = controller;
    this.#playToggle = playToggle;
    this.#seek = seek;
    this.#currentTime = currentTime;
    this.#totalTime = totalTime;
    this.#speed = speed;

    controller.addEventListener('statechange', () => this.#render());
    controller.addEventListener('durationchange', () => this.#render());
    controller.addEventListener('seeked', () => this.#showTime(controller.currentTime));
    controller.addEventListener('speedchange', () => {
      speed.value = String(controller.speed);
    });

    playToggle.addEventListener('click', () => controller.toggle());
    speed.addEventListener('change', () => controller.setSpeed(Number(speed.value)));
    seek.addEventListener('pointerdown', () => this.#startScrub());
    seek.addEventListener('input', () => this.#seekInput());
    window.addEventListener('pointerup', () => this.#endScrub());
    window.addEventListener('pointercancel', () => this.#endScrub());
    document.addEventListener('keydown', (event) => this.#keydown(event));

    this.#render();
  }

  #render() {
    const controller = this.#controller;
    const playing = controller.state === PlayerState.PLAYING;
    const enabled = controller.canPlay;
    this.#playToggle.disabled = !enabled;
    this.#playToggle.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    this.#playToggle.title = playing ? 'Pause (Space)' : 'Play (Space)';
    this.#seek.disabled = !enabled;
    this.#speed.disabled = !enabled;
    this.#seek.max = String(Math.max(0, Math.round(controller.duration)));
    this.#totalTime.textContent = formatDuration(controller.duration);
    this.#showTime(controller.currentTime);
    if (playing) {
      this.#startTicking();
    } else {
      this.#stopTicking();
    }
  }

  #startTicking() {
    if (this.#frame) {
      return;
    }
    const tick = () => {
      if (!this.#scrubbing) {
        this.#showTime(this.#controller.currentTime);
      }
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  #stopTicking() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #showTime(ms) {
    const duration = this.#controller.duration;
    const position = Math.round(ms);
    this.#seek.value = String(position);
    this.#seek.style.setProperty('--progress', duration > 0 ? `${(position / duration) * 100}%` : '0%');
    this.#seek.setAttribute('aria-valuetext', `${formatDuration(position)} of ${formatDuration(duration)}`);
    this.#currentTime.textContent = formatDuration(position);
  }

  // Dragging the seek bar pauses playback, follows the thumb at most once per frame, and resumes
  // when the pointer is released.
  #startScrub() {
    if (this.#seek.disabled) {
      return;
    }
    this.#scrubbing = true;
    this.#resumeAfterScrub = this.#controller.state === PlayerState.PLAYING;
    this.#controller.pause();
  }

  #seekInput() {
    const target = Number(this.#seek.value);
    this.#showTime(target);
    if (!this.#scrubbing) {
      this.#controller.seek(target);
      return;
    }
    this.#pendingSeek = target;
    if (!this.#pendingFrame) {
      this.#pendingFrame = requestAnimationFrame(() => this.#flushSeek());
    }
  }

  #flushSeek() {
    cancelAnimationFrame(this.#pendingFrame);
    this.#pendingFrame = 0;
    if (this.#pendingSeek !== null) {
      const target = this.#pendingSeek;
      this.#pendingSeek = null;
      this.#controller.seek(target);
    }
  }

  #endScrub() {
    if (!this.#scrubbing) {
      return;
    }
    this.#flushSeek();
    this.#scrubbing = false;
    if (this.#resumeAfterScrub) {
      this.#resumeAfterScrub = false;
      this.#controller.play();
    }
  }

  #keydown(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !this.#controller.canPlay) {
      return;
    }
    if (isTextEntry(event.target)) {
      return;
    }
    if (event.key === ' ' || event.key === 'Spacebar') {
      // A focused button answers Space itself (the play button toggles on its own click).
      if (event.target instanceof HTMLButtonElement) {
        return;
      }
      event.preventDefault();
      this.#controller.toggle();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const step = event.key === 'ArrowLeft' ? -ARROW_STEP_MS : ARROW_STEP_MS;
      this.#controller.seek(this.#controller.currentTime + step);
    } else if (event.key === '<' || event.key === '>') {
      event.preventDefault();
      this.#stepSpeed(event.key === '<' ? -1 : 1);
    } else if (!event.shiftKey && SPEED_KEYS[event.key]) {
      event.preventDefault();
      this.#controller.setSpeed(SPEED_KEYS[event.key]);
    }
  }

  // Moves to the previous or next speed of the speed menu.
  #stepSpeed(direction) {
    const speeds = [...this.#speed.options].map((option) => Number(option.value));
    const index = speeds.indexOf(this.#controller.speed);
    const next = speeds[Math.min(speeds.length - 1, Math.max(0, (index < 0 ? 0 : index) + direction))];
    this.#controller.setSpeed(next);
  }
}

function isTextEntry(target) {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'checkbox'
    && target.type !== 'radio' && target.type !== 'button';
}
