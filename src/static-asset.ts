/**
 * Text the build wrote into the Worker's static assets (wrangler.toml's `[assets]`), read through
 * the ASSETS binding once per isolate: /openapi.json, the pages' stylesheet and script, the embed
 * widget. Only the routes that serve them read them, so the bundle (parsed at every start-up)
 * carries none of their text. A failed read is an AssetUnavailableError (a 503 with Retry-After)
 * and is not kept, so the next request reads the asset again.
 */
import { AssetUnavailableError } from "./engine";

const kept = new Map<string, Promise<string | ArrayBuffer>>();

async function fetchAsset(assets: Fetcher, name: string): Promise<Response> {
  let response: Response;
  try {
    response = await assets.fetch(new Request(`https://assets.invalid/${name}`));
  } catch (error) {
    throw new AssetUnavailableError(`pqsearch: static asset ${name} could not be fetched`, { cause: error });
  }
  if (!response.ok)
    throw new AssetUnavailableError(`pqsearch: static asset ${name} answered ${response.status}; redeploy the build`);
  return response;
}

/** The asset `name` read by `read`, once per isolate while reads succeed. */
function keptAsset<T extends string | ArrayBuffer>(name: string, read: () => Promise<T>): Promise<T> {
  let asset = kept.get(name);
  if (!asset) {
    asset = read().catch((error: unknown) => {
      kept.delete(name);
      throw error;
    });
    kept.set(name, asset);
  }
  return asset as Promise<T>;
}

/** The text of the static asset `name` (a file name under the assets directory). */
export function staticAssetText(assets: Fetcher, name: string): Promise<string> {
  return keptAsset(name, async () => (await fetchAsset(assets, name)).text());
}

/** The bytes of the static asset `name`. */
export function staticAssetBytes(assets: Fetcher, name: string): Promise<ArrayBuffer> {
  return keptAsset(name, async () => (await fetchAsset(assets, name)).arrayBuffer());
}
