// Follows a session that is still being recorded: every few seconds the player loads what was
// recorded since (polling the playback API), the player element carries `data-live="true"` and a
// Live button jumps to the live edge. A viewer at the live edge stays there as the session grows;
// one who went back in time is left where they are. Once the session has received nothing for the
// server's live window, it is an ordinary recording again.

/** How often the player looks for newly recorded events. */
export const LIVE_POLL_MS = 2500;

/** How often it asks whether the session is still live. */
const STATUS_POLL_MS = 20_000;

/** How close to the end counts as being at the live edge. */
const EDGE_MS = 1500;

export class LiveFollower {
  #controller;
  #root;
  #button;
  #fetchSession;
  #timer = 0;
  #statusAt = 0;

  constructor(controller, { root, button, fetchSession }) {
    this.#controller = controller;
    this.#root = root;
    this.#button = button;
    this.#fetchSession = fetchSession;
    button.addEventListener('click', () => this.jumpToEdge());
  }

  /** Starts following when the session is live. */
  follow(session) {
    if (!session?.live || this.#timer) {
      return;
    }
    this.#root.dataset.live = 'true';
    this.#button.hidden = false;
    this.#statusAt = Date.now();
    this.#schedule();
  }

  /** Shows the latest recorded moment, and plays from there. */
  jumpToEdge() {
    this.#controller.seek(this.#controller.duration);
  }

  stop() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    delete this.#root.dataset.live;
    this.#button.hidden = true;
  }

  #schedule() {
    this.#timer = setTimeout(() => this.#poll(), LIVE_POLL_MS);
  }

  async #poll() {
    const controller = this.#controller;
    const atEdge = controller.currentTime >= controller.duration - EDGE_MS;
    try {
      if (await controller.catchUp()) {
        this.#statusAt = Date.now();
        if (atEdge && controller.state !== 'playing') {
          this.jumpToEdge();
        }
      } else if (Date.now() - this.#statusAt > STATUS_POLL_MS) {
        this.#statusAt = Date.now();
        const session = await this.#fetchSession();
        if (session && !session.live) {
          this.stop();
          return;
        }
      }
    } catch (error) {
      // a failed poll is retried at the next one
    }
    if (this.#timer) {
      this.#schedule();
    }
  }
}
