// What the player says when it cannot play: a session that is not there (an unknown or deleted
// session, or one the viewer may not see, which the API answers alike with 404) says so plainly;
// any other failure shows the problem the API answered with.

/** The title and detail of the player's error box for a failure (a ProblemError or any Error). */
export function playerErrorText(error) {
  if (error?.status === 404) {
    return {
      title: 'Session not found',
      detail: 'There is no session at this address that you may watch. The link may be mistyped, or the session was deleted.',
    };
  }
  const title = error?.title || 'The recording could not be played';
  const detail = error?.detail ?? (error?.title ? '' : error?.message || '');
  return { title, detail };
}
