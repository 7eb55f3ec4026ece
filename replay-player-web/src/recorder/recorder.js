// The Replay recorder script (/sdk/recorder.js): records the page with rrweb and sends the
// events to the Replay server. A site adds one tag:
//   <script src="https://replay.example.com/sdk/recorder.js" data-application-id="…"
//           data-token="…" async></script>
// and may call window.ReplayRecorder.identify({id, name, email}), .flush() and .stop(). The tag's
// other settings (privacy, canvas, network headers) are read in script-config.js.

import { findOwnScript, readScriptConfig } from './script-config.js';
import { SessionRecorder } from './session-recorder.js';
import { sessionStorageOrNull } from './session.js';

install();

function install() {
  if (window.ReplayRecorder) {
    console.warn('Replay: the recorder script is on this page twice; only the first one records.');
    return;
  }
  const config = readScriptConfig(findOwnScript(document));
  if (!config) {
    // readScriptConfig said why
    window.ReplayRecorder = Object.freeze({
      identify() {},
      stop: () => Promise.resolve(),
      flush: () => Promise.resolve(),
    });
    return;
  }
  const recorder = new SessionRecorder(config, sessionStorageOrNull());
  window.ReplayRecorder = Object.freeze({
    identify: (user) => recorder.identify(user),
    stop: () => recorder.stop(),
    flush: () => recorder.flush(),
  });
  recorder.start();
}
