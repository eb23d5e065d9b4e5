/**
 * The static files the pages load, addressed by content hash (`/assets/site.3f2a9c1e.css`), so
 * browsers may keep them for a year: a changed file gets a new name. Hashed once per isolate.
 */
import { siteCss } from "./assets/site-css";
import { siteJs } from "./assets/site-js";

export interface Asset {
  path: string;
  contentType: string;
  body: string;
}

/** FNV-1a, 32 bits: enough to tell two versions of a small file apart; not a security boundary. */
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function asset(name: string, extension: string, contentType: string, body: string): Asset {
  return { path: `/assets/${name}.${contentHash(body)}.${extension}`, contentType, body };
}

export const stylesheet = asset("site", "css", "text/css; charset=utf-8", siteCss);
export const script = asset("site", "js", "text/javascript; charset=utf-8", siteJs);

export const assetsByPath = new Map<string, Asset>([stylesheet, script].map((file) => [file.path, file]));

export const IMMUTABLE = "public, max-age=31536000, immutable";
