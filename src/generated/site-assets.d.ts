// Types for the module that `npm run build` writes beside this file (site-assets.js), from src/pages/assets.
import type { Asset } from "../pages/assets";

/** The site's stylesheet at its content-hashed path. */
export const stylesheet: Asset;
/** The site's script at its content-hashed path. */
export const script: Asset;
/** /embed's stylesheet among the static assets, and the CSP source that allows it inline. */
export const embedPageStyle: { file: string; cspSource: string };
