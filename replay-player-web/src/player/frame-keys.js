// The keyboard stays with the player, whatever the replayed page does. rrweb's iframe already
// ignores the pointer; here it also leaves the tab order. Should the focus land inside the replayed
// page all the same, the keys pressed there are handed to the player's document, where the
// shortcuts listen, as if pressed on the page itself. The iframe is same-origin
// (sandbox="allow-same-origin", no scripts), so the player can listen to its document without
// the sandbox giving anything up.

const FORWARDED = ['key', 'code', 'location', 'repeat', 'shiftKey', 'altKey', 'ctrlKey', 'metaKey'];

/** Keeps the keyboard out of a Replayer's iframe, for as long as that replayer lives. */
export function keepKeysFromFrame(replayer) {
  const iframe = replayer.iframe;
  if (!iframe) {
    return;
  }
  iframe.setAttribute('tabindex', '-1');
  iframe.setAttribute('title', 'Replayed page');
  const player = iframe.ownerDocument;
  const forward = (event) => {
    const init = { bubbles: true, cancelable: true };
    for (const name of FORWARDED) {
      init[name] = event[name];
    }
    if (!player.dispatchEvent(new KeyboardEvent('keydown', init))) {
      event.preventDefault();
    }
  };
  const listen = () => iframe.contentDocument?.addEventListener('keydown', forward, true);
  listen();
  // Each full snapshot is rebuilt with document.open(), which drops the document's listeners.
  replayer.on('fullsnapshot-rebuilded', listen);
}
