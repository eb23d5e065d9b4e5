/**
 * The HTML shell every page shares: metadata for search engines and link previews, the icon, one
 * stylesheet and one deferred script (both external, for the CSP), a header naming the
 * collection, landmarks, a skip link, and a footer with the licence the records come under.
 */

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { script, stylesheet } from "./assets";
import { faviconSvg } from "./assets/favicon-svg";
import type { Site } from "./site";

/** The code name, kept where a program reads it (the API's discovery document); pages say `site.title`. */
export const SITE_NAME = "pqsearch";

export const OPEN_PARLIAMENT_LICENCE =
  "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/";

/** The icon, drawn in the header beside the title; decorative, since the title says the same. */
const HEADER_MARK = raw(faviconSvg.replace("<svg ", '<svg class="mark" aria-hidden="true" focusable="false" '));

export interface OpenGraph {
  type: "website" | "article";
  title: string;
  description: string;
}

export interface LayoutProps {
  site: Site;
  title: string;
  description: string;
  /** Absolute URL of this page's permanent address; omitted on pages that have none (errors). */
  canonical?: string;
  openGraph?: OpenGraph;
  /** The home page, whose H1 already names the collection (the header's name then steps back on phones). */
  home?: boolean;
  /** The Atom feed following what this page shows, for feed readers and browsers to discover. */
  feed?: { href: string; title: string };
  /** More of the head (a record's citation meta tags), after the description. */
  head?: Child;
  children: Child;
}

export function Layout({
  site,
  title,
  description,
  canonical,
  openGraph,
  home = false,
  feed,
  head,
  children,
}: LayoutProps) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <meta name="description" content={description} />
          <meta name="color-scheme" content="light dark" />
          {canonical && <link rel="canonical" href={canonical} />}
          {feed && <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />}
          {openGraph && (
            <>
              <meta property="og:site_name" content={site.title} />
              <meta property="og:type" content={openGraph.type} />
              <meta property="og:title" content={openGraph.title} />
              <meta property="og:description" content={openGraph.description} />
              {canonical && <meta property="og:url" content={canonical} />}
            </>
          )}
          {head}
          <link rel="icon" href="/favicon.ico" sizes="32x32" />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href={stylesheet.path} />
          <script src={script.path} defer />
        </head>
        <body class={home ? "home" : undefined}>
          <a class="skip" href="#main">
            Skip to main content
          </a>
          <header class="site">
            <div class="wrap">
              <a class="brand" href="/">
                {HEADER_MARK}
                <span>{site.title}</span>
              </a>
              <nav aria-label="Site">
                <a href="/">Search</a>
                <a href="/about">About</a>
              </nav>
            </div>
          </header>
          <main id="main" class="wrap" tabindex={-1}>
            {children}
          </main>
          <footer class="site-foot">
            <div class="wrap">
              <p>
                Contains Parliamentary information licensed under the{" "}
                <a href={OPEN_PARLIAMENT_LICENCE} rel="license">
                  Open Parliament Licence v3.0
                </a>
                .
              </p>
              <nav aria-label="About this site">
                <a href="/about">About this collection</a> · <a href="/openapi.json">JSON API (OpenAPI)</a> ·{" "}
                <a href="/v1/meta">Collection details (JSON)</a>
              </nav>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
