/** The `Site` a request's page is rendered for: this deployment's settings and the served collection. */
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { type Site, siteFrom } from "../pages/site";

export function siteOf(c: Context<AppEnv>): Site {
  return siteFrom(c.env, c.req.url, served.meta.title);
}
