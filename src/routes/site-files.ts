/**
 * The files every public site is asked for: `/favicon.ico` and `/favicon.svg`, `/robots.txt` and
 * `/sitemap.xml` (with its numbered parts when the collection is large). Links in them use the
 * public origin (`PUBLIC_URL`; under `wrangler dev`, the local one). Sitemaps hold absolute
 * addresses only, so a deployment without `PUBLIC_URL` has none (404) rather than one built from
 * whatever Host a request claims.
 */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { FAVICON_ICO_ASSET } from "../pages/assets/favicon-ico-asset";
import { faviconSvg } from "../pages/assets/favicon-svg";
import { robotsTxt, SITEMAP_PAGE, sitemapIndexXml, sitemapXml } from "../pages/sitemap";
import { staticAssetBytes } from "../static-asset";
import { siteOf } from "./site-context";

/** Icons change rarely and are not content-hashed (browsers ask for these exact paths): a day. */
const ICON_CACHE = "public, max-age=86400";
const XML = "application/xml; charset=utf-8";

async function recordIds(offset: number, limit: number): Promise<string[]> {
  const listed = await served.list({ limit, offset });
  return listed.records.map((record) => record.id);
}

export const siteFileRoutes = new Hono<AppEnv>()
  // Decoded by the build into the static assets (index-build/worker-modules.ts): most requests never ask for it.
  .get("/favicon.ico", async (c) =>
    c.body(await staticAssetBytes(c.env.ASSETS, FAVICON_ICO_ASSET), 200, {
      "Content-Type": "image/x-icon",
      "Cache-Control": ICON_CACHE,
    }),
  )
  .get("/favicon.svg", (c) => c.body(faviconSvg, 200, { "Content-Type": "image/svg+xml", "Cache-Control": ICON_CACHE }))
  .get("/robots.txt", (c) => c.text(robotsTxt(siteOf(c).origin)))
  .get("/sitemap.xml", async (c, next) => {
    const { origin } = siteOf(c);
    if (!origin) return next();
    const records = served.meta.records;
    const body =
      records <= SITEMAP_PAGE
        ? sitemapXml(origin, await recordIds(0, SITEMAP_PAGE), true)
        : sitemapIndexXml(origin, records);
    return c.body(body, 200, { "Content-Type": XML });
  })
  .get("/sitemap-pages.xml", (c, next) => {
    const { origin } = siteOf(c);
    return origin ? c.body(sitemapXml(origin, [], true), 200, { "Content-Type": XML }) : next();
  })
  .get("/:file{sitemap-records-[1-9][0-9]{0,5}\\.xml}", async (c, next) => {
    const page = Number(c.req.param("file").replace(/\D/g, ""));
    const offset = (page - 1) * SITEMAP_PAGE;
    const { origin } = siteOf(c);
    if (!origin || served.meta.records <= SITEMAP_PAGE || offset >= served.meta.records) return next();
    const ids = await recordIds(offset, SITEMAP_PAGE);
    return c.body(sitemapXml(origin, ids, false), 200, { "Content-Type": XML });
  });
