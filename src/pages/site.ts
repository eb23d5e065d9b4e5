/**
 * Who the pages say they are: the collection's short title (a deployment setting, since the
 * source's own first sentence is an introduction, not a name), the public origin that canonical
 * links and the sitemap use, and when this build was published.
 */
import { publicOrigin } from "../deployment";

/** Used when a deployment sets no COLLECTION_TITLE and the source's own title is too long to be one. */
export const DEFAULT_TITLE = "UK parliamentary written questions";
/** Longer than this, a source's title line is a sentence of introduction, not a name. */
const TITLE_MAX = 60;

export interface Site {
  /** Short, human title of this collection: the header's name and the home page's H1. */
  title: string;
  /** Scheme and host the public reaches this service at, without a trailing slash; "" when unknown (relative links). */
  origin: string;
  /** When this version of the service (build and data) was published, as `2021-09-15`, if known. */
  published: string | null;
}

/** The settings `siteFrom` reads; `PUBLIC_URL` may not be declared in every deployment's vars. */
export interface SiteSettings {
  COLLECTION_TITLE?: string;
  PUBLIC_URL?: string;
  CF_VERSION_METADATA?: { timestamp?: string };
}

/**
 * The site as this request sees it. The title is COLLECTION_TITLE, else the source's title line
 * when it is short enough to be a name. `PUBLIC_URL`, when set, names the public origin (behind
 * a proxy or a custom domain the request's own origin may be an internal one); otherwise the
 * links are relative (the request's own origin only for local development).
 */
export function siteFrom(settings: SiteSettings, requestUrl: string, sourceTitle: string): Site {
  const short = sourceTitle.trim().length <= TITLE_MAX ? sourceTitle.trim() : "";
  const title = settings.COLLECTION_TITLE?.trim() || short || DEFAULT_TITLE;
  // Never the request's Host in production (deployment.ts): without PUBLIC_URL, links are relative.
  const origin = publicOrigin(settings, requestUrl) ?? "";
  const timestamp = settings.CF_VERSION_METADATA?.timestamp ?? "";
  const published = /^\d{4}-\d{2}-\d{2}/.test(timestamp) ? timestamp.slice(0, 10) : null;
  return { title, origin, published };
}
