/**
 * What /openapi.json only knows at request time. The build writes the document with these
 * placeholders (index-build/worker-modules.ts); the Worker replaces them with the served build's
 * id and the public origin (routes/openapi.ts), so the document itself is never built at run time.
 */
import { publicOrigin } from "../deployment";

/** The document's file among the Worker's static assets (wrangler.toml's `[assets]`). */
export const OPENAPI_ASSET = "openapi.json";

/** The document's `info.version`: the build id of the collection being served. */
export const VERSION_SLOT = "__PQSEARCH_BUILD_ID__";
/** The one server's URL: the public origin, or "/" when none is configured. */
export const SERVER_URL_SLOT = "__PQSEARCH_SERVER_URL__";

/** The document's JSON text with its slots filled (each appears once, as a JSON string). */
export function filledDocument(json: string, version: string, serverUrl: string): string {
  return json
    .replace(JSON.stringify(VERSION_SLOT), JSON.stringify(version))
    .replace(JSON.stringify(SERVER_URL_SLOT), JSON.stringify(serverUrl));
}

/**
 * The document as served for a request to `requestUrl`: its server is the public origin
 * (deployment.ts), or "/" when none is known.
 */
export function servedDocument(json: string, version: string, env: { PUBLIC_URL?: string }, requestUrl: string) {
  return filledDocument(json, version, publicOrigin(env, requestUrl) ?? "/");
}
