/**
 * The collection this Worker serves, opened once per isolate. A bundled collection is hydrated
 * here at module scope: start-up work runs while Cloudflare sets up the connection (and counts
 * against the 1 s start-up limit, not a request's CPU), so the first visitor does not pay for it.
 * This only works because every FlexSearch encoder is built with `cache: false`: Workers forbid
 * timers at global scope. A sharded collection (too big for one script) reads only its head here
 * and fetches the rest through the ASSETS binding; its loader is bound here, once per isolate.
 */
import { env } from "cloudflare:workers";
import { type AssetLoader, AssetUnavailableError, type Collection, openCollection } from "./engine";
import compiled, { buildId } from "./generated/collection.js";

/**
 * Reads a build's asset file through the ASSETS binding (the host part is ignored). The binding is
 * read from the importable `env` when a file is fetched, never at module scope, where Workers
 * allow no I/O (tests swap it with `withEnv`).
 */
const loadAsset: AssetLoader = async (path) => {
  let response: Response;
  try {
    response = await env.ASSETS.fetch(new Request(`https://assets.invalid/${path}`));
  } catch (error) {
    throw new AssetUnavailableError(`pqsearch: static asset ${path} could not be fetched`, { cause: error });
  }
  if (!response.ok)
    throw new AssetUnavailableError(`pqsearch: static asset ${path} answered ${response.status}; redeploy the build`);
  try {
    return await response.json();
  } catch (error) {
    throw new AssetUnavailableError(`pqsearch: static asset ${path} is not the JSON the build wrote`, {
      cause: error,
    });
  }
};

const started = performance.now();
export const served: Collection = openCollection(compiled, { load: loadAsset });
/**
 * Milliseconds spent hydrating. Workers stop the clock during synchronous work, so in production
 * and under local workerd (`wrangler dev`) this reads 0; only under Node is it the real figure.
 * `npm run bench` times hydration inside workerd from outside instead (bench/workerd-cold.ts).
 */
export const hydrationMs = performance.now() - started;
export { buildId };
