/**
 * `GET /embed`: search results as a page for partners who prefer an iframe. Server-rendered with
 * no script at all; its CSP lets only the sites in EMBED_FRAME_ANCESTORS frame it.
 */

import { raw } from "hono/html";
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { frameAncestors } from "../embed/frame-ancestors";
import { countLabel, type Labels, resolveLabels } from "../embed/widget/labels";
import { embedPageStyle } from "../generated/site-assets.js";
import { queryObject } from "../middleware/canonical-query";
import { checkRequest, describeIssues } from "../middleware/validation";
import { Highlighted } from "../pages/highlighted";
import type { EmbedParams } from "../schema/embed";
import type { Hit } from "../schema/search";
import { staticAssetText } from "../static-asset";
import { siteOf } from "./site-context";

function Result({ hit, labels, lang, target }: { hit: Hit; labels: Labels; lang: string; target: string }) {
  const member = hit.askingMember;
  // UK style ("21 Sept 2021"), also for a bare "en", which would otherwise read as American.
  const date = hit.dateAnswered
    ? new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${hit.dateAnswered}T00:00:00Z`),
      )
    : null;
  return (
    <li>
      <a
        href={`/records/${encodeURIComponent(hit.id)}`}
        target={target}
        rel={target === "_blank" ? "noopener" : undefined}
      >
        <Highlighted marked={hit.marked.questionText} />
      </a>
      <span class="m">
        {member.party ? `${member.name} (${member.party})` : member.name}
        {date ? (
          <>
            {" "}
            · <time datetime={hit.dateAnswered ?? ""}>{date}</time>
          </>
        ) : null}
        {" · "}
        {hit.answered ? labels.answered : labels.unanswered}
      </span>
    </li>
  );
}

const DOCTYPE = raw("<!doctype html>");

interface PageProps {
  /** The collection's short title: the frame's (visually hidden) heading and its description. */
  title: string;
  params: EmbedParams;
  labels: Labels;
  hits: Hit[];
  total: number | null;
  problems: string[];
  /** The page's stylesheet (embed/page-style.ts), read from the static assets. */
  css: string;
}

function Page({ title, params, labels, hits, total, problems, css }: PageProps) {
  // The partner's presets ride along with every search made in the frame.
  const presets: Array<[string, string]> = [
    ["lang", params.lang],
    ["target", params.target],
    ["limit", String(params.limit)],
  ];
  if (params.house) presets.push(["house", params.house]);
  if (params.answered !== undefined) presets.push(["answered", String(params.answered)]);
  for (const party of params.party ?? []) presets.push(["party", party]);
  return (
    <>
      {DOCTYPE}
      <html lang={params.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{params.q ? `${params.q} – ${labels.label}` : labels.label}</title>
          <meta name="description" content={`${labels.label}: ${title}.`} />
          <style dangerouslySetInnerHTML={{ __html: css }} />
        </head>
        <body>
          <main>
            <h1 class="sr">{title}</h1>
            <search>
              <form method="get" action="/embed">
                <label for="q">{labels.label}</label>
                <input id="q" name="q" type="search" value={params.q} placeholder={labels.placeholder} />
                {presets.map(([name, value]) => (
                  <input type="hidden" name={name} value={value} />
                ))}
                <button type="submit">{labels.submit}</button>
              </form>
            </search>
            {problems.length > 0 ? (
              <ul>
                {problems.map((problem) => (
                  <li>{problem}</li>
                ))}
              </ul>
            ) : null}
            {total !== null ? (
              <p class="count" role="status">
                {countLabel(labels, total)}
                {hits[0]?.matchedAll === false ? `. ${labels.partial}` : ""}
              </p>
            ) : null}
            {hits.length > 0 ? (
              <ol>
                {hits.map((hit) => (
                  <Result hit={hit} labels={labels} lang={params.lang} target={params.target} />
                ))}
              </ol>
            ) : null}
          </main>
        </body>
      </html>
    </>
  );
}

export const embedPageRoutes = new Hono<AppEnv>().get("/embed", async (c) => {
  const csp = [
    "default-src 'none'",
    `style-src ${embedPageStyle.cspSource}`,
    // The page runs no script, so this lets nothing in; it lets auditors (Lighthouse) read robots.txt.
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    frameAncestors(c.env.EMBED_FRAME_ANCESTORS),
  ].join("; ");
  c.header("Content-Security-Policy", csp);
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  const { title } = siteOf(c);
  const css = await staticAssetText(c.env.ASSETS, embedPageStyle.file);
  const parsed = await checkRequest("embedParams", queryObject(new URL(c.req.url)));
  if (!parsed.success) {
    const problems = describeIssues(c, parsed.error).map((issue) => `${issue.name}: ${issue.reason}`);
    // The form shown again, with every preset at its default.
    const defaults = await checkRequest("embedParams", {});
    if (!defaults.success) throw new Error("pqsearch: EmbedParams has no valid defaults");
    const params = defaults.data;
    const labels = resolveLabels("en", null);
    c.header("Cache-Control", "no-store");
    const page = (
      <Page title={title} params={params} labels={labels} hits={[]} total={null} problems={problems} css={css} />
    );
    return c.html(page, 400);
  }
  const params = parsed.data;
  const labels = resolveLabels(params.lang, null);
  const result = params.q.trim()
    ? await served.search({ ...params, sort: "relevance", offset: 0, facetLimit: 0 })
    : null;
  const hits = result?.hits ?? [];
  return c.html(
    <Page
      title={title}
      params={params}
      labels={labels}
      hits={hits}
      total={result?.total ?? null}
      problems={[]}
      css={css}
    />,
  );
});
