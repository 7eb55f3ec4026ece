// The signed-in user, fetched once per page, and what their role lets them do.

import { api, goToSignIn } from './api.js';

let current = null;

/** @returns {Promise<{id: string, username: string, role: 'viewer' | 'editor' | 'admin'}>} */
export function currentUser() {
  current ??= api('/api/v1/me');
  return current;
}

export const isAdmin = (user) => user?.role === 'admin';

export const canEditPlaylists = (user) => user?.role === 'editor' || user?.role === 'admin';

/** Ends the cookie session and goes to the sign-in page. */
export async function signOut() {
  try {
    await api('/api/v1/auth/sign-out', { method: 'POST', redirectOn401: false });
  } finally {
    current = null;
    goToSignIn();
  }
}
