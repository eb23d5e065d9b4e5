/** The favicon's file among the Worker's static assets, which the build decodes from favicon-ico.ts. */
export const FAVICON_ICO_ASSET = "favicon.ico";
