// Types for the module that `npm run build` writes beside this file (widget.js), from embed-build/.
/** The `<pq-search>` widget, bundled and minified: the body of `GET /embed.js`. */
export const widgetScript: string;
/** A hash of widgetScript: its ETag and the `?v=` that makes it cacheable for a year. */
export const widgetHash: string;
export const widgetGzipBytes: number;
