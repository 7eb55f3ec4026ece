// Test doubles for the unit tests (node --test): a fetch that answers from a function and keeps
// the requests, JSON responses, and browser globals set for one test.

export const ORIGIN = 'http://replay.test';

/**
 * A fetch that hands each request to `answer(call, number)` (1 for the first) and keeps them all
 * in `calls`, each as `{ url, init }` with `url` a URL.
 */
export function fakeFetch(answer) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    const call = { url: new URL(String(url), ORIGIN), init };
    calls.push(call);
    return answer(call, calls.length);
  };
  return { fetch, calls };
}

/** A response with a JSON body. */
export function json(body, { status = 200, headers = {} } = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Sets globals (fetch, location, navigator …) for the test `t`, and puts the old ones back after it. */
export function useGlobals(t, globals) {
  const saved = Object.entries(globals).map(([name]) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  t.after(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) {
        Object.defineProperty(globalThis, name, descriptor);
      } else {
        delete globalThis[name];
      }
    }
  });
}

/** Resolves once the promise callbacks that are due have run (setImmediate is never mocked here). */
export async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
