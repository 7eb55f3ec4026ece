// The API reference (Swagger UI over the OpenAPI document), which the server serves to signed-in
// users unless REPLAY_API_DOCS_ENABLED is false.

import { request } from '../shared/http.js';

/** Swagger UI. */
export const API_REFERENCE = '/swagger-ui.html';

/** The OpenAPI document that Swagger UI shows and that clients are generated from. */
export const API_DOCUMENT = '/v3/api-docs';

// a static page of Swagger UI: asking for it costs the server nothing, unlike the document
const PROBE = '/swagger-ui/index.html';

/** Resolves to whether the server serves the API reference; never rejects. */
export async function apiReferenceServed() {
  try {
    await request(PROBE, { method: 'HEAD' });
    return true;
  } catch {
    return false;
  }
}
