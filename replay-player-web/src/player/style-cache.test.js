import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { StyleCache } from './style-cache.js';

// A replayer as rrweb makes it: with a cache of its own.
const replayer = () => ({ cache: { stylesWithHoverClass: new Map() } });

describe('StyleCache', () => {
  test('gives each new replayer the style sheets the first one rewrote', () => {
    const styles = new StyleCache();
    const first = replayer();
    styles.share(first);
    first.cache.stylesWithHoverClass.set('a:hover{}', 'a.\\:hover{}');

    const second = replayer();
    styles.share(second);

    assert.equal(second.cache, first.cache);
    assert.equal(second.cache.stylesWithHoverClass.get('a:hover{}'), 'a.\\:hover{}');
  });

  test('starts over from the next replayer\'s own cache once the shared one is too large', () => {
    const styles = new StyleCache({ maxCharacters: 10 });
    const first = replayer();
    styles.share(first);
    first.cache.stylesWithHoverClass.set('a:hover{}', 'a.\\:hover{}');

    const second = replayer();
    const own = second.cache;
    styles.share(second);
    const third = replayer();
    styles.share(third);

    assert.equal(second.cache, own);
    assert.equal(own.stylesWithHoverClass.size, 0);
    assert.equal(third.cache, own, 'the fresh cache is shared from then on');
  });

  test('leaves a replayer without such a cache alone', () => {
    const styles = new StyleCache();
    const other = { cache: undefined };

    styles.share(other);
    styles.share(replayer());

    assert.equal(other.cache, undefined);
  });
});
