import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { internals } from "../../src/engine";
import { Highlighted } from "../../src/pages/highlighted";
import { RecordPage } from "../../src/pages/record-page";
import type { QuestionRecord } from "../../src/schema/record";

const HTML = { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
const get = (path: string, headers: Record<string, string> = HTML) =>
  exports.default.fetch(new Request(`https://pq.test${path}`, { headers }));

/** Every tag in `html` other than <mark>, </mark> and the wrapper given. */
const tagsOtherThanMark = (html: string) => html.match(/<(?!\/?mark>)[^>]*>/g) ?? [];

// The first request loads and hydrates the Worker; on a busy machine that alone can pass 5 s.
beforeAll(() => get("/"), 60_000);

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'too' genocide`;

describe("the search page at /", () => {
  it("shows the collection's short title and the source's introduction as an HTML page with a strict CSP", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en-GB">/);
    expect(html).toContain(`<h1 class="collection-title">Parliamentary questions on Iran’s 1988 massacre</h1>`);
    expect(html).toContain("<p>Several UK Parliamentarians posed 20 parliamentary questions");
    expect(html).toContain("In the summer of 1988");
    expect(html).not.toMatch(/<script>|<style|style=/);
  });

  it("answers a repeat request carrying its ETag with 304", async () => {
    const first = await get("/?q=iran");
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    const second = await get("/?q=iran", { ...HTML, "If-None-Match": etag as string });
    expect(second.status).toBe(304);
  });

  it("lists matches with the matching words marked", async () => {
    const html = await (await get("/?q=genocide")).text();
    expect(html).toContain("1 question matches “genocide”");
    expect(html).toContain("<mark>genocide</mark>");
    expect(html).toContain('href="/records/');
  });

  it("offers facet links with counts that narrow the results", async () => {
    const all = await (await get("/")).text();
    expect(all).toMatch(/<a href="\/\?party=Labour">Labour<span class="count"> \(2\)<\/span><\/a>/);
    const labour = await (await get("/?party=Labour")).text();
    expect(labour).toContain("2 questions with these filters");
    expect(labour).toContain('aria-current="true"');
    // The party list still offers the other parties, with the count each would add.
    expect(labour).toMatch(/<a href="\/\?party=Labour&amp;party=Conservative">Conservative<span class="count"> \(14\)/);
  });

  it("keeps the chosen sort in the form and orders by it", async () => {
    const html = await (await get("/?sort=oldest")).text();
    expect(html).toContain('<option value="oldest" selected="">');
    const dates = [...html.matchAll(/Answered <time datetime="([\d-]+)"/g)].map((match) => match[1]);
    expect(dates).toEqual([...dates].sort());
  });

  it("pages through results ten at a time", async () => {
    const first = await (await get("/")).text();
    expect(first).toContain("Page 1 of 2");
    expect(first).toContain('href="/?offset=10" rel="next"');
    const second = await (await get("/?offset=10")).text();
    expect(second).toContain('<ol class="results" start="11">');
    expect(second.match(/<li><h3>/g)).toHaveLength(8);
  });

  it("suggests what to try when nothing matches", async () => {
    const response = await get("/?q=zzzqqq&house=Lords");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("0 questions match “zzzqqq”");
    expect(html).toContain('href="/?q=zzzqqq">search for “zzzqqq” without filters');
    expect(html).toContain("browse all 18 questions");
  });

  it("escapes a hostile query everywhere it is echoed", async () => {
    const html = await (await get(`/?q=${encodeURIComponent(HOSTILE)}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("answers invalid parameters with a 400 page naming each one", async () => {
    const response = await get("/?sort=sideways&offset=-1");
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("<code>sort</code>: expected relevance, newest or oldest");
    expect(html).toContain("<code>offset</code>");
  });

  it("ignores query parameters it does not know, such as trackers", async () => {
    expect((await get("/?q=iran&utm_source=newsletter")).status).toBe(200);
  });
});

describe("record pages at /records/{id}", () => {
  it("shows the whole record with members, dates, source, JSON link and a canonical link", async () => {
    const response = await get("/records/c7jocdcev5ac");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Bob Blackman");
    expect(html).toContain("Conservative, Harrow East");
    expect(html).toContain("James Cleverly");
    expect(html).toContain('<time datetime="2021-09-15">15 September 2021</time>');
    expect(html).toMatch(/<details class="provenance">.*seeds\/000_43bc1e8ddf995492.txt<\/code>, line 8/);
    expect(html).toContain('href="/v1/records/c7jocdcev5ac"');
    // No PUBLIC_URL in the test configuration and not localhost: relative (test/worker/public-origin.test.ts).
    expect(html).toContain('<link rel="canonical" href="/records/c7jocdcev5ac"/>');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain("We urge Iran to allow the Special Rapporteur");
  });

  it("answers an unknown id with a real 404 page", async () => {
    const response = await get("/records/doesnotexist");
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("<h1>Page not found</h1>");
    expect(html).toContain("No question has the id “doesnotexist”.");
  });

  it("answers a malformed id with the 404 page, escaped", async () => {
    const response = await get(`/records/${encodeURIComponent("<b>x</b>")}`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("<b>x</b>");
  });

  it("renders hostile record text as text and links only to web URLs", async () => {
    const record: QuestionRecord = {
      id: "hostile",
      house: "Commons",
      askingMember: { name: HOSTILE, party: "<i>Party</i>", memberFrom: null },
      questionText: HOSTILE,
      dateTabled: null,
      answered: true,
      answer: { answeringMember: null, dateAnswered: "2021-01-02", text: `${HOSTILE}\n\n</p><p>second` },
      heading: "</title><script>alert(2)</script>",
      url: "javascript:alert(3)",
      sources: [{ file: "seeds/<evil>.json", line: 1 }],
    };
    const site = { title: "Test collection", origin: "https://pq.test", published: null };
    const html = await RecordPage({ site, record, buildId: "b", suggestPath: null }).toString();
    expect(html).not.toMatch(/<script>alert|<img |<i>|<evil>|<\/p><p>second|javascript:/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
  });
});

describe("highlights", () => {
  it("can only ever produce <mark> elements, whatever the record text holds", async () => {
    const analyser = new internals.TextAnalyser();
    const marked = new internals.Highlighter(analyser).whole(
      HOSTILE,
      analyser.analyse(HOSTILE),
      (stem) => stem === "genocid" || stem === "script",
    );
    const html = String(await Highlighted({ marked }).toString());
    expect(html).toContain("<mark>genocide</mark>");
    expect(html).toContain("&lt;<mark>script</mark>&gt;");
    expect(tagsOtherThanMark(html)).toEqual([]);
  });

  it("keeps markup in the marked text as text, inside a mark or not", async () => {
    const text = `<script>alert(1)</script>a & b`;
    const html = String(await Highlighted({ marked: { text, marks: [[25, 26]] } }).toString());
    expect(html).toBe("&lt;script&gt;alert(1)&lt;/script&gt;<mark>a</mark> &amp; b");
  });
});

describe("not-found and other routes", () => {
  it("answers an unknown path requested as HTML with the 404 page", async () => {
    const response = await get("/no/such/page");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("There is no page at /no/such/page.");
  });

  it("keeps problem+json 404s for programs and for the API's paths", async () => {
    const program = await get("/no/such/page", { Accept: "application/json" });
    expect(program.status).toBe(404);
    expect(program.headers.get("Content-Type")).toBe("application/problem+json");
    const api = await get("/v1/records/doesnotexist");
    expect(api.status).toBe(404);
    expect(api.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("serves the stylesheet and script the pages name, cached for a year", async () => {
    const html = await (await get("/")).text();
    const css = html.match(/href="(\/assets\/site\.[0-9a-f]{8}\.css)"/)?.[1];
    const js = html.match(/src="(\/assets\/site\.[0-9a-f]{8}\.js)"/)?.[1];
    expect(css && js).toBeTruthy();
    const style = await get(css as string, { Accept: "text/css" });
    expect(style.status).toBe(200);
    expect(style.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(style.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await style.text()).toContain("mark{");
    const script = await get(js as string, { Accept: "*/*" });
    expect(script.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect((await get("/assets/site.00000000.css", { Accept: "text/css" })).status).toBe(404);
  });

  it("moves the API's discovery document to /v1", async () => {
    const response = await get("/v1", { Accept: "application/json" });
    expect(response.status).toBe(200);
    const body = await response.json<{ api: { openapi: string } }>();
    expect(body.api.openapi).toBe("/openapi.json");
  });
});
