// The "Asset origins" setting of an application (admin): the origins typed one per line, and what
// the page says about the origins that apply (GET/PUT /api/v1/applications/{id}/asset-origins).

/** The origins typed in the box: one a line (blanks between them also part), empty lines left out. */
export function parseOrigins(text) {
  return String(text ?? '')
    .split(/\s+/)
    .filter(Boolean);
}

/** Where the origins that apply come from: the application's own list, or the page origins by default. */
export function originsSource({ origins, pageOrigins }) {
  if (origins === null || origins === undefined) {
    return pageOrigins?.length
      ? 'The origins of the recorded pages (the default).'
      : 'The origins of the recorded pages (the default); none yet, as no page of this application has been recorded.';
  }
  return origins.length ? 'This application’s own list.' : 'This application’s own list, which is empty: nothing is fetched.';
}
