/**
 * `robots.txt` and `sitemap.xml` text: the public pages crawlers should index (the search page,
 * the about page and every record page), under the site's public origin. Past `SITEMAP_PAGE`
 * records the sitemap becomes an index of numbered record sitemaps, as the protocol asks
 * (at most 50,000 URLs a file); smaller pages keep each one a single cheap listing.
 */

/** Record URLs per sitemap file. */
export const SITEMAP_PAGE = 1000;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] as string);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/** The record ids' page URLs, plus the site's own pages when `withSitePages`. */
export function sitemapXml(origin: string, recordIds: string[], withSitePages: boolean): string {
  const paths = [...(withSitePages ? ["/", "/about"] : []), ...recordIds.map((id) => `/records/${id}`)];
  const urls = paths.map((path) => `<url><loc>${escapeXml(origin + path)}</loc></url>`).join("\n");
  return `${XML_HEAD}<urlset ${NS}>\n${urls}\n</urlset>\n`;
}

/** An index naming `/sitemap-records-1.xml` … one per `SITEMAP_PAGE` records, after the site's pages. */
export function sitemapIndexXml(origin: string, records: number): string {
  const files = ["/sitemap-pages.xml"];
  for (let page = 1; (page - 1) * SITEMAP_PAGE < records; page++) files.push(`/sitemap-records-${page}.xml`);
  const entries = files.map((path) => `<sitemap><loc>${escapeXml(origin + path)}</loc></sitemap>`).join("\n");
  return `${XML_HEAD}<sitemapindex ${NS}>\n${entries}\n</sitemapindex>\n`;
}

/**
 * Everything is open to crawlers but the JSON API (its answers duplicate the pages) and the
 * OpenAPI document; the sitemap says where the record pages are.
 */
export function robotsTxt(origin: string): string {
  const rules = "User-agent: *\nDisallow: /v1/\nDisallow: /openapi.json\nAllow: /\n";
  // A sitemap's address must be absolute: without a known public origin there is none to give.
  return origin ? `${rules}\nSitemap: ${origin}/sitemap.xml\n` : rules;
}
