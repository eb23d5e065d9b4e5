/**
 * The HTML shell every page shares: metadata for search engines and link previews, one
 * stylesheet and one deferred script (both external, for the CSP), landmarks and a skip link.
 */

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { script, stylesheet } from "./assets";

export const SITE_NAME = "pqsearch";

export interface OpenGraph {
  type: "website" | "article";
  title: string;
  description: string;
}

export interface LayoutProps {
  title: string;
  description: string;
  /** Absolute URL of this page's permanent address; omitted on pages that have none (errors). */
  canonical?: string;
  openGraph?: OpenGraph;
  children: Child;
}

export function Layout({ title, description, canonical, openGraph, children }: LayoutProps) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en-GB">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          <meta name="description" content={description} />
          {canonical && <link rel="canonical" href={canonical} />}
          {openGraph && (
            <>
              <meta property="og:site_name" content={SITE_NAME} />
              <meta property="og:type" content={openGraph.type} />
              <meta property="og:title" content={openGraph.title} />
              <meta property="og:description" content={openGraph.description} />
              {canonical && <meta property="og:url" content={canonical} />}
            </>
          )}
          <link rel="stylesheet" href={stylesheet.path} />
          <script src={script.path} defer />
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to main content
          </a>
          <header class="site">
            <div class="wrap">
              <a href="/">{SITE_NAME}: UK parliamentary written questions</a>
            </div>
          </header>
          <main id="main" class="wrap" tabindex={-1}>
            {children}
          </main>
          <footer class="site-foot">
            <div class="wrap">
              <nav aria-label="About this site">
                <a href="/">Search</a> · <a href="/openapi.json">JSON API (OpenAPI)</a> ·{" "}
                <a href="/v1/meta">Collection details (JSON)</a>
              </nav>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
