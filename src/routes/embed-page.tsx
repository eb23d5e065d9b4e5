/**
 * `GET /embed`: search results as a page for partners who prefer an iframe. Server-rendered with
 * no script at all; its CSP lets only the sites in EMBED_FRAME_ANCESTORS frame it.
 */
import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppEnv } from "../app-env";
import { served } from "../collection";
import { frameAncestors } from "../embed/frame-ancestors";
import { EMBED_PAGE_CSS, styleHashSource } from "../embed/page-style";
import { countLabel, type Labels, resolveLabels } from "../embed/widget/labels";
import { describeIssues } from "../middleware/validation";
import { Highlighted } from "../pages/highlighted";
import { EmbedParams } from "../schema/embed";
import type { Hit } from "../schema/search";

/** The query string as zod expects it: one value as a string, a repeated one as an array. */
function queryObject(queries: Record<string, string[]>): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = Object.create(null);
  for (const [name, values] of Object.entries(queries))
    object[name] = values.length === 1 ? (values[0] as string) : values;
  return object;
}

function Result({ hit, labels, lang, target }: { hit: Hit; labels: Labels; lang: string; target: string }) {
  const member = hit.askingMember;
  const date = hit.dateAnswered
    ? new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(
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

function Page(props: { params: EmbedParams; labels: Labels; hits: Hit[]; total: number | null; problems: string[] }) {
  const { params, labels, hits, total, problems } = props;
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
          <meta name="robots" content="noindex" />
          <title>{params.q ? `${params.q} – ${labels.label}` : labels.label}</title>
          <style dangerouslySetInnerHTML={{ __html: EMBED_PAGE_CSS }} />
        </head>
        <body>
          <main>
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
    `style-src ${await styleHashSource()}`,
    "form-action 'self'",
    "base-uri 'none'",
    frameAncestors(c.env.EMBED_FRAME_ANCESTORS),
  ].join("; ");
  c.header("Content-Security-Policy", csp);
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  const parsed = EmbedParams.safeParse(queryObject(c.req.queries()));
  if (!parsed.success) {
    const problems = describeIssues(c, parsed.error).map((issue) => `${issue.name}: ${issue.reason}`);
    const params = EmbedParams.parse({});
    const labels = resolveLabels("en", null);
    c.header("Cache-Control", "no-store");
    return c.html(<Page params={params} labels={labels} hits={[]} total={null} problems={problems} />, 400);
  }
  const params = parsed.data;
  const labels = resolveLabels(params.lang, null);
  const result = params.q.trim() ? await served.search({ ...params, sort: "relevance", offset: 0 }) : null;
  return c.html(
    <Page params={params} labels={labels} hits={result?.hits ?? []} total={result?.total ?? null} problems={[]} />,
  );
});
