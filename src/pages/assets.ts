/**
 * The static files the pages load, addressed by content hash (`/assets/site.3f2a9c1e.css`), so
 * browsers may keep them for a year: a changed file gets a new name. Their sources are
 * assets/site-css.ts and assets/site-js.ts; the build hashes them (index-build/worker-modules.ts),
 * so the Worker does not at start-up, and writes them into the Worker's static assets, from which
 * the route reads them (static-asset.ts): the bundle carries only their names.
 */
import { script, stylesheet } from "../generated/site-assets.js";

export interface Asset {
  path: string;
  contentType: string;
  /** The file's name among the Worker's static assets. */
  file: string;
}

export { script, stylesheet };

export const assetsByPath = new Map<string, Asset>([stylesheet, script].map((file) => [file.path, file]));

export const IMMUTABLE = "public, max-age=31536000, immutable";
