// rrweb rewrites each style sheet of the replayed page for replay (its hover rules become classes,
// which takes a CSS parser) and keeps what it rewrote in a cache of the Replayer. The player builds
// a new Replayer at every far seek, which would rewrite the same style sheets again each time; one
// cache shared by the replayers of a session spares that. The rewriting depends on the style
// sheet's text alone, so the page shown stays the same.

// Beyond this many characters of style sheets (before and after), the next replayer starts with a
// cache of its own, so that a session whose styles keep changing does not fill the tab's memory.
const MAX_CHARACTERS = 8_000_000;

export class StyleCache {
  #cache = null;
  #maxCharacters;

  constructor({ maxCharacters = MAX_CHARACTERS } = {}) {
    this.#maxCharacters = maxCharacters;
  }

  /** Gives a new Replayer the style sheets its predecessors rewrote, before it draws anything. */
  share(replayer) {
    if (!(replayer.cache?.stylesWithHoverClass instanceof Map)) {
      return;
    }
    if (this.#cache === null || size(this.#cache) > this.#maxCharacters) {
      this.#cache = replayer.cache;
    } else {
      replayer.cache = this.#cache;
    }
  }
}

function size(cache) {
  let characters = 0;
  for (const [text, rewritten] of cache.stylesWithHoverClass) {
    characters += text.length + rewritten.length;
  }
  return characters;
}
