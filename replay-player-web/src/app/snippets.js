// Copy-ready snippets that send recordings to this server: our recorder script and the Datadog
// SDKs pointed at our intake.

import { h } from './dom.js';

const origin = () => window.location.origin;

export function recorderSnippet(applicationId, token) {
  return `<script src="${origin()}/sdk/recorder.js"\n        data-application-id="${applicationId}" data-token="${token}" async></script>`;
}

export function datadogBrowserSnippet(applicationId, token) {
  return `import { datadogRum } from '@datadog/browser-rum';

datadogRum.init({
  applicationId: '${applicationId}',
  clientToken: '${token}',
  site: 'datadoghq.com',
  proxy: '${origin()}/intake',
  sessionSampleRate: 100,
  sessionReplaySampleRate: 100,
  defaultPrivacyLevel: 'mask-user-input',
});`;
}

export function datadogAndroidSnippet() {
  return `val sessionReplayConfig = SessionReplayConfiguration.Builder(100f)
    .useCustomEndpoint("${origin()}/api/v2/replay")
    .build()
SessionReplay.enable(sessionReplayConfig)`;
}

export function datadogIosSnippet() {
  return `SessionReplay.enable(
    with: SessionReplay.Configuration(
        replaySampleRate: 100,
        customEndpoint: URL(string: "${origin()}/api/v2/replay")
    )
)`;
}

/** The snippets for one application and client token, each with a copy button. */
export function snippetBlock(applicationId, token) {
  return h(
    'div',
    { class: 'snippets', 'data-testid': 'snippets' },
    snippet('Recorder script — paste before </body>', recorderSnippet(applicationId, token), 'snippet-recorder'),
    snippet('Datadog Browser SDK', datadogBrowserSnippet(applicationId, token), 'snippet-datadog-browser'),
    snippet('Datadog Android SDK (the RUM configuration keeps its client token and application id)', datadogAndroidSnippet(), 'snippet-datadog-android'),
    snippet('Datadog iOS SDK', datadogIosSnippet(), 'snippet-datadog-ios'),
  );
}

/** One snippet: a caption, the code, and a button that copies it. */
export function snippet(caption, text, testId) {
  const code = h('code', {}, text);
  const status = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      onclick: () => copy(text, code, status),
    },
    'Copy',
  );
  return h(
    'figure',
    { class: 'snippet', 'data-testid': testId },
    h('figcaption', {}, h('span', {}, caption), h('span', { class: 'snippet-actions' }, status, button)),
    h('pre', { tabindex: '0' }, code),
  );
}

async function copy(text, code, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied';
  } catch (error) {
    // Without clipboard access (plain http), select the text so that Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    status.textContent = 'Selected: press Ctrl+C';
  }
  setTimeout(() => {
    status.textContent = '';
  }, 3000);
}
