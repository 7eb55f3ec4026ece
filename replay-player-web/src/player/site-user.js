// How the app names the people behind sessions: by the name their recorder's `identify` (or the
// Datadog SDK's `usr.name`) sent, else their email, else their id; the email shows on hover.

/** The name to show for a session's user, or null when the session is anonymous. */
export function siteUserName({ userId, userName, userEmail } = {}) {
  return firstText(userName, userEmail, userId);
}

/** The hover text for a session's user: their email and id, as far as they are known. */
export function siteUserTitle({ userId, userName, userEmail } = {}) {
  const parts = [];
  if (firstText(userEmail) && firstText(userName)) {
    parts.push(userEmail.trim());
  }
  if (firstText(userId) && (firstText(userName) || firstText(userEmail))) {
    parts.push(`id ${userId.trim()}`);
  }
  return parts.length ? parts.join(' · ') : firstText(userId) ?? '';
}

/** The address of a user's page, or null for an anonymous session. */
export function siteUserHref({ userId } = {}) {
  return firstText(userId) ? `/people/${encodeURIComponent(userId.trim())}` : null;
}

/**
 * Describes the client a session was recorded on, e.g. `Chrome 120 · macOS 14.2 · desktop`, from the
 * session's `client` (browser, OS, device type) and the recorded viewport (`{ width, height }`).
 */
export function describeClient(client, viewport) {
  const parts = [];
  if (client?.browserName) {
    parts.push(joinText(client.browserName, client.browserVersion));
  }
  if (client?.osName) {
    parts.push(joinText(client.osName, client.osVersion));
  }
  if (client?.deviceType) {
    parts.push(client.deviceType);
  }
  if (viewport?.width > 0 && viewport?.height > 0) {
    parts.push(`${Math.round(viewport.width)}×${Math.round(viewport.height)}`);
  }
  return parts.join(' · ');
}

/**
 * Whether the figures of a session's timeline (errors, rage clicks) are not yet those of all it
 * recorded: never indexed, or segments arrived since. Lists show "—" for them rather than 0.
 */
export function figuresPending(session) {
  return !session?.timeline || Boolean(session.indexPending);
}

function joinText(name, version) {
  return version ? `${name} ${version}` : name;
}

function firstText(...values) {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim();
    }
  }
  return null;
}
