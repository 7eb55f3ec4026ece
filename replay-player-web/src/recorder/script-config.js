// Reads the recorder's settings from its own <script> tag:
//   <script src="https://replay.example.com/sdk/recorder.js" data-application-id="…"
//           data-token="…" [data-endpoint="https://…"] [data-record-canvas="2"] async></script>

// Canvas frames per second when a site turns canvas recording on: each frame of each canvas is
// an image in the recording, so a few per second show a chart or a signature without filling
// the uploads.
const MAX_CANVAS_FPS = 10;

export function readScriptConfig(script) {
  if (!script) {
    return null;
  }
  const applicationId = (script.dataset.applicationId || '').trim();
  const token = (script.dataset.token || '').trim();
  const endpoint = endpointOf(script);
  if (!applicationId || !token || !endpoint) {
    return null;
  }
  return { applicationId, token, endpoint, canvasFps: canvasFpsOf(script.dataset.recordCanvas) };
}

/**
 * Frames per second to record canvases at, from data-record-canvas: 0 (off) when absent, empty,
 * not a number or not above 0; otherwise rounded and kept within 1..MAX_CANVAS_FPS.
 */
export function canvasFpsOf(value) {
  const fps = Number.parseFloat(String(value ?? '').trim());
  if (!(fps > 0)) {
    return 0;
  }
  return Math.min(Math.max(Math.round(fps), 1), MAX_CANVAS_FPS);
}

/** The tag that loaded this script; currentScript is only set while the script first runs. */
export function findOwnScript(doc) {
  return doc.currentScript || doc.querySelector('script[data-application-id][src*="/sdk/recorder"]');
}

function endpointOf(script) {
  const configured = (script.dataset.endpoint || '').trim();
  try {
    const base = configured ? new URL(configured, document.baseURI) : new URL(script.src);
    return configured ? base.href.replace(/\/+$/, '') : base.origin;
  } catch (error) {
    return null;
  }
}
