// Reads the recorder's settings from its own <script> tag:
//   <script src="https://replay.example.com/sdk/recorder.js" data-application-id="…"
//           data-token="…" [data-endpoint="https://…"] async></script>

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
  return { applicationId, token, endpoint };
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
