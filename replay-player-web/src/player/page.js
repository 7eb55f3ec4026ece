// The player page (/replays/{sessionId}): wires the API client, the controller, the controls and
// the panels around the replay to the page's markup. What the page adds around the player (the
// app's top bar) comes in as `extras`.

import { fetchSession, fetchTimeline, sessionDevtoolsSource } from './api.js';
import { attachDevtools } from './devtools.js';
import { EventList } from './events.js';
import { afterNextPaint } from './first-paint.js';
import { FullscreenToggle } from './fullscreen.js';
import { attachHelp } from './help.js';
import { readPlayerLocation } from './location.js';
import { SeekMarkers } from './markers.js';
import { LiveFollower } from './live.js';
import { isMobileSource } from './session-info.js';
import { describeClient, siteUserHref, siteUserName, siteUserTitle } from './site-user.js';
import { setUpPlayer } from './setup.js';
import { attachShare } from './share.js';
import { InactivitySkipper } from './skip.js';
import { attachTabs } from './tabs.js';
import { TimelinePreview } from './timeline-preview.js';
import { SessionWindows, takeEarlyWindows } from './windows.js';

/** The control bar of the player page: the seek bar with markers, skip, share and shortcuts. */
const CONTROLS = Object.freeze({ timeline: true, skip: true, share: true, help: true });

/**
 * Starts the player page for the session its address names. `extras(controller, sessionId)` adds
 * what the page shows around the player; it is called once the session has started loading.
 */
export function startPlayerPage({ extras = () => {} } = {}) {
  const { root, controller, byId } = setUpPlayer({ controls: CONTROLS });
  const place = readPlayerLocation(window.location);

  const markers = new SeekMarkers(controller, byId('seek-markers'), byId('seek-gaps'));
  const toast = toaster(byId('toast'));
  const skipper = new InactivitySkipper(controller, byId('skip-inactivity'), (period) => toast(`Skipped ${Math.round((period.end - period.start) / 1000)} s without activity`));
  const events = new EventList(controller, { list: byId('event-list'), status: byId('event-status'), filters: byId('event-filter') });
  new FullscreenToggle(byId('player-main'), byId('fullscreen'));
  attachHelp(byId('help-dialog'), byId('help'), byId('help-close'));
  attachTabs(byId('side-tabs'));

  const preview = place.sessionId ? new TimelinePreview(controller, place.sessionId, byId('seek').parentElement) : null;

  start(place);
  extras(controller, place.sessionId);
  attachDevtools(controller, place.sessionId ? sessionDevtoolsSource(place.sessionId) : null, { root, seekTrack: byId('seek').parentElement });

  async function start({ sessionId, startAt, autoplay }) {
    if (!sessionId) {
      controller.fail({ title: 'No session to play', detail: 'The address does not name a session.' });
      events.fail();
      return;
    }
    attachShare(controller, sessionId, {
      button: byId('share'),
      dialog: byId('share-dialog'),
      url: byId('share-url'),
      time: byId('share-time'),
      status: byId('share-status'),
      embed: byId('share-embed'),
      downloads: { html: byId('download-html'), rrweb: byId('download-rrweb') },
      outside: {
        days: byId('share-link-days'),
        devtools: byId('share-link-devtools'),
        create: byId('share-link-create'),
        url: byId('share-link-url'),
        status: byId('share-link-status'),
      },
    });
    byId('session-label').textContent = `Session ${sessionId}`;
    document.title = `Session ${sessionId} · Replay`;
    let recordedViewport = null;
    let shownSession = null;
    controller.addEventListener('resize', ({ detail }) => {
      recordedViewport = { width: detail.width, height: detail.height };
      if (shownSession) {
        showSessionLabel(byId('session-label'), shownSession, recordedViewport);
      }
    });
    const live = new LiveFollower(controller, { root, button: liveButton(byId('session-label')), fetchSession: () => fetchSession(sessionId) });
    const loaded = new Promise((resolve) => controller.addEventListener('statechange', resolve, { once: true }));
    fetchSession(sessionId).then((session) => {
      if (session) {
        loaded.then(() => live.follow(session));
        shownSession = session;
        root.dataset.source = session.source;
        root.classList.toggle('is-mobile', isMobileSource(session.source));
        showSessionLabel(byId('session-label'), session, recordedViewport);
      }
    });
    try {
      const windows = takeEarlyWindows(sessionId) ?? new SessionWindows(sessionId);
      await controller.load(windows, { startAt, autoplay });
    } catch (error) {
      controller.fail(error);
      events.fail(error?.status === 404 ? 'No events: there is no such session.' : undefined);
      return;
    }
    // The markers and the event list are extras: the player works without them, and they wait
    // until the moment is shown; so does their request, which would otherwise keep the server
    // from the moment's (a long session's summary takes longer to answer than its first window).
    const timeline = fetchTimeline(sessionId).catch(() => null);
    await afterNextPaint();
    const summary = await timeline;
    if (summary) {
      markers.show(summary);
      preview?.setTimeline(summary);
      skipper.setPeriods(summary.inactivity);
      events.show(summary);
    } else {
      events.fail();
    }
  }
}

// The top bar names the session by who, when and where: `Ada Lovelace · 26 Nov 2026, 10:14 · browser`,
// the user's name linking to their page (email on hover), then the browser, system, device and
// the recorded viewport: `Chrome 120 · macOS 14.2 · desktop · 1440×900`.
function showSessionLabel(label, session, viewport) {
  const started = new Date(session.startedAt);
  const when = Number.isNaN(started.getTime()) ? '' : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(started);
  const name = siteUserName(session);
  const href = siteUserHref(session);
  const who = document.createElement(href ? 'a' : 'span');
  who.className = 'session-user';
  who.dataset.testid = 'session-user';
  who.textContent = name ?? 'anonymous';
  if (href) {
    who.href = href;
    who.title = siteUserTitle(session);
  }
  const client = document.createElement('span');
  client.className = 'session-client';
  client.dataset.testid = 'session-client';
  client.textContent = describeClient(session.client, viewport);
  label.replaceChildren(who, ` · ${[when, session.source].filter(Boolean).join(' · ')}`, client.textContent ? ' · ' : '', client);
  label.title = `Session ${session.id}`;
  document.title = `${[name ?? 'anonymous', when, session.source].filter(Boolean).join(' · ')} · Replay`;
}

// The Live button after the session label: shown while the session is being recorded; it jumps to
// the live edge.
function liveButton(label) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'live-edge';
  button.dataset.testid = 'live-edge';
  button.title = 'Still being recorded: jump to the latest moment';
  button.hidden = true;
  const dot = document.createElement('span');
  dot.className = 'live-dot';
  dot.setAttribute('aria-hidden', 'true');
  button.append(dot, 'Live');
  label.after(button);
  return button;
}

// Shows a short message over the replay for a moment.
function toaster(element) {
  let timer = 0;
  return (message) => {
    element.textContent = message;
    element.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => {
      element.hidden = true;
    }, 2500);
  };
}
