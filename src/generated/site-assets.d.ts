// Types for the module that `npm run build` writes beside this file (site-assets.js), from src/pages/assets.
import type { Asset } from "../pages/assets";

/** The site's stylesheet at its content-hashed path. */
export const stylesheet: Asset;
/** The site's script at its content-hashed path. */
export const script: Asset;
