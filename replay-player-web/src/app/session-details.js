// Looks up the sessions that lists only name by id (playlists), a few at a time.

import { api } from './api.js';

/** Map of session id to its details, or null when it no longer exists. */
export async function sessionDetails(ids) {
  const details = new Map();
  const queue = [...new Set(ids)];
  const worker = async () => {
    while (queue.length > 0) {
      const id = queue.shift();
      try {
        details.set(id, await api(`/api/v1/sessions/${encodeURIComponent(id)}`));
      } catch (error) {
        details.set(id, null);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return details;
}
