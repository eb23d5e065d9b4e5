/**
 * The collection this Worker serves, hydrated once per isolate at module scope. Start-up work
 * runs while Cloudflare sets up the connection (and counts against the 1 s start-up limit, not a
 * request's CPU), so the first visitor does not pay for it. This only works because every
 * FlexSearch encoder is built with `cache: false`: Workers forbid timers at global scope.
 */
import { SearchEngine } from "./engine/engine";
import collection, { buildId } from "./generated/collection.js";

const started = performance.now();
export const engine = new SearchEngine(collection);
/**
 * Milliseconds spent hydrating. Workers stop the clock during synchronous work, so in production
 * this reads 0; under Node and `wrangler dev` it is the real figure.
 */
export const hydrationMs = performance.now() - started;
export { buildId };
