// Full screen for the replay and its controls: the button and the F key. The element in full
// screen carries the class `is-fullscreen` (the page's styles let the stage take the screen).

export class FullscreenToggle {
  #target;
  #button;

  constructor(target, button) {
    this.#target = target;
    this.#button = button;
    if (!document.fullscreenEnabled) {
      button.disabled = true;
      button.title = 'Full screen is not available here';
      return;
    }
    button.addEventListener('click', () => this.toggle());
    document.addEventListener('fullscreenchange', () => this.#render());
    document.addEventListener('keydown', (event) => {
      if ((event.key === 'f' || event.key === 'F') && !event.altKey && !event.ctrlKey && !event.metaKey
        && !event.defaultPrevented && !isTextEntry(event.target)) {
        event.preventDefault();
        this.toggle();
      }
    });
  }

  get active() {
    return document.fullscreenElement === this.#target;
  }

  toggle() {
    if (this.#button.disabled) {
      return; // the F key of a player that cannot play
    }
    const change = this.active ? document.exitFullscreen() : this.#target.requestFullscreen({ navigationUI: 'hide' });
    change.catch(() => {
      // refused by the browser (no user gesture, or not allowed in this frame): nothing changes
    });
  }

  #render() {
    const active = this.active;
    this.#target.classList.toggle('is-fullscreen', active);
    this.#button.setAttribute('aria-pressed', String(active));
    this.#button.setAttribute('aria-label', active ? 'Leave full screen' : 'Full screen');
    this.#button.title = active ? 'Leave full screen (F or Esc)' : 'Full screen (F)';
  }
}

/** Whether a key press goes to a field that takes text, where shortcuts must not apply. */
export function isTextEntry(target) {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}
