/** How a sharded collection reads its static-asset files, and how that can fail. */

/** Fetches an asset by its path and returns its parsed JSON; rejects with `AssetUnavailableError`. */
export type AssetLoader = (path: string) => Promise<unknown>;

/**
 * A sharded collection's asset file could not be read. Nothing is cached from the failed
 * attempt, so the same request may succeed when retried (the API answers 503 with Retry-After).
 */
export class AssetUnavailableError extends Error {
  override name = "AssetUnavailableError";
}
