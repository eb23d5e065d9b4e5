/**
 * The site's icon: a speech bubble, for questions and answers, in the pages' link blue. Served as
 * `/favicon.svg`, drawn inline in the header, and rasterised into `/favicon.ico` for browsers that
 * want a bitmap (`npx tsx test/browser/render-favicon.ts` regenerates favicon-ico.ts from it).
 */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b4f9c"/><path d="M8 7h16a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H15l-6 5v-5H8a3 3 0 0 1-3-3v-9a3 3 0 0 1 3-3z" fill="#fff"/><path d="M10 12h12M10 17h8" stroke="#0b4f9c" stroke-width="2.5" stroke-linecap="round"/></svg>`;
