/**
 * Text the build wrote into the Worker's static assets (wrangler.toml's `[assets]`), read through
 * the ASSETS binding once per isolate: /openapi.json, the pages' stylesheet and script, the embed
 * widget. Only the routes that serve them read them, so the bundle (parsed at every start-up)
 * carries none of their text. A failed read is an AssetUnavailableError (a 503 with Retry-After)
 * and is not kept, so the next request reads the asset again.
 */
import { AssetUnavailableError } from "./engine";

const texts = new Map<string, Promise<string>>();

async function fetchText(assets: Fetcher, name: string): Promise<string> {
  let response: Response;
  try {
    response = await assets.fetch(new Request(`https://assets.invalid/${name}`));
  } catch (error) {
    throw new AssetUnavailableError(`pqsearch: static asset ${name} could not be fetched`, { cause: error });
  }
  if (!response.ok)
    throw new AssetUnavailableError(`pqsearch: static asset ${name} answered ${response.status}; redeploy the build`);
  return response.text();
}

/** The text of the static asset `name` (a file name under the assets directory). */
export function staticAssetText(assets: Fetcher, name: string): Promise<string> {
  let text = texts.get(name);
  if (!text) {
    text = fetchText(assets, name).catch((error: unknown) => {
      texts.delete(name);
      throw error;
    });
    texts.set(name, text);
  }
  return text;
}
