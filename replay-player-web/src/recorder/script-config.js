// Reads the recorder's settings from its own <script> tag:
//   <script src="https://replay.example.com/sdk/recorder.js" data-application-id="…"
//           data-token="…" [data-endpoint="https://…"] [data-record-canvas="2"]
//           [data-mask-inputs="all|sensitive|none"] [data-mask-text-selector="…"]
//           [data-block-selector="…"] [data-network-headers="x-request-id, content-type"] async></script>

// Canvas frames per second when a site turns canvas recording on: each frame of each canvas is
// an image in the recording, so a few per second show a chart or a signature without filling
// the uploads.
const MAX_CANVAS_FPS = 10;

/** How much of what people type is masked before it leaves the browser; `all` unless the tag says otherwise. */
export const MASK_INPUTS = Object.freeze(['all', 'sensitive', 'none']);

// Headers that carry credentials are never recorded, whatever the tag allows.
const NEVER_RECORDED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-replay-token']);

/**
 * The settings, or null when the tag lacks what recording needs or asks for something that
 * cannot be honoured (an unknown masking mode or a selector the browser does not understand):
 * a page is better not recorded than recorded with less masking than its site asked for.
 * @param isValidSelector tells whether the browser understands a CSS selector
 */
export function readScriptConfig(script, isValidSelector = browserSelectorCheck) {
  if (!script) {
    return null;
  }
  const data = script.dataset;
  const applicationId = (data.applicationId || '').trim();
  const token = (data.token || '').trim();
  const endpoint = endpointOf(script);
  if (!applicationId || !token || !endpoint) {
    console.warn('Replay: the recorder <script> tag needs data-application-id and data-token; nothing is recorded.');
    return null;
  }
  const maskInputs = (data.maskInputs || 'all').trim().toLowerCase();
  if (!MASK_INPUTS.includes(maskInputs)) {
    console.warn(`Replay: data-mask-inputs must be one of ${MASK_INPUTS.join(', ')}; nothing is recorded.`);
    return null;
  }
  const maskTextSelector = selectorOf(data.maskTextSelector);
  const blockSelector = selectorOf(data.blockSelector);
  for (const [attribute, selector] of [['data-mask-text-selector', maskTextSelector], ['data-block-selector', blockSelector]]) {
    if (selector && !isValidSelector(selector)) {
      console.warn(`Replay: ${attribute} is not a valid CSS selector; nothing is recorded.`);
      return null;
    }
  }
  return {
    applicationId,
    token,
    endpoint,
    canvasFps: canvasFpsOf(data.recordCanvas),
    privacy: { maskInputs, maskTextSelector, blockSelector },
    networkHeaders: headerNamesOf(data.networkHeaders),
  };
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

/**
 * The request and response headers to record, from data-network-headers (names separated by
 * commas or spaces, any case): lowercase, without those that carry credentials.
 */
export function headerNamesOf(value) {
  const names = String(value ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  return [...new Set(names)].filter((name) => !NEVER_RECORDED_HEADERS.has(name));
}

/** The tag that loaded this script; currentScript is only set while the script first runs. */
export function findOwnScript(doc) {
  return doc.currentScript || doc.querySelector('script[data-application-id][src*="/sdk/recorder"]');
}

function selectorOf(value) {
  const selector = String(value ?? '').trim();
  return selector || null;
}

function browserSelectorCheck(selector) {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch (error) {
    return false;
  }
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
