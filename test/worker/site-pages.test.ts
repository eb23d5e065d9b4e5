/**
 * What makes the public pages scannable and citable and gives the site an identity: short
 * titles, result headings, record details, the about page, icons, robots.txt, the sitemap and
 * the embed frame's metadata. Rendered by the Worker inside workerd, as deployed.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import app from "../../src/index";
import { AboutPage } from "../../src/pages/about-page";
import { RecordPage } from "../../src/pages/record-page";
import { ResultItem } from "../../src/pages/result-item";
import type { QuestionRecord } from "../../src/schema/record";
import type { Hit } from "../../src/schema/search";

const HTML = { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
// Deployed as https://pq.test: absolute links (citations, canonical, the sitemap) need PUBLIC_URL.
const get = (path: string, headers: Record<string, string> = HTML) =>
  app.fetch(new Request(`https://pq.test${path}`, { headers }), { ...env, PUBLIC_URL: "https://pq.test" });
const text = async (path: string) => (await get(path)).text();

/** The seed's records, all from the Commons and Lords questions on the 1988 massacre. */
const SEED_RECORDS = 18;
const SITE = { title: "Test collection", origin: "https://pq.test", published: "2026-11-28" };

/** The text of each `<li>` of the results list, tags removed. */
function resultTexts(html: string): string[] {
  const list = html.match(/<ol class="results"[^>]*>(.*?)<\/ol>/s)?.[1] ?? "";
  return [...list.matchAll(/<li>(.*?)<\/li>/gs)].map((match) => (match[1] ?? "").replace(/<[^>]+>/g, ""));
}

function resultHeadings(html: string): string[] {
  return [...html.matchAll(/<h3><a href="\/records\/[^"]+">(.*?)<\/a><\/h3>/gs)].map((match) =>
    (match[1] ?? "").replace(/<[^>]+>/g, ""),
  );
}

beforeAll(() => get("/"), 60_000);

describe("the home page", () => {
  it("is headed by the collection's short title, not by the source's first sentence", async () => {
    const html = await text("/");
    const h1 = html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1] ?? "";
    expect(h1).toBe("Parliamentary questions on Iran’s 1988 massacre");
    expect(h1.split(/\s+/).length).toBeLessThanOrEqual(8);
    // The source's own words stay as it wrote them, as the introduction.
    expect(html).toMatch(
      /<div class="intro"><p>Several UK Parliamentarians posed 20 parliamentary questions to the British Foreign Secretary/,
    );
    expect(html).toContain('<span>Parliamentary questions on Iran’s 1988 massacre</span></a><nav aria-label="Site">');
    expect(html).toContain("<title>Parliamentary questions on Iran’s 1988 massacre: search 18 questions");
  });
});

describe("results", () => {
  it("are headed by what each question asks, without the opening formula or a member's name", async () => {
    const headings = resultHeadings(await text("/?q=iran"));
    expect(headings.length).toBe(10);
    for (const heading of headings) {
      expect(heading).not.toMatch(/^To ask|Question from/);
      expect(heading).toMatch(/^[A-Z(]/);
    }
    expect(new Set(headings).size).toBe(headings.length);
  });

  it("name the asking member once and give the date answered", async () => {
    const html = await text("/?q=iran");
    for (const item of resultTexts(html)) {
      const member = item.match(/Asked by ([^(]+) \(/)?.[1] ?? "";
      expect(member).not.toBe("");
      expect(item.split(member).length - 1).toBe(1);
    }
    expect(html).toContain(
      'Answered <time datetime="2021-09-21">21 September 2021</time> · Asked by Dr. Matthew Offord',
    );
  });

  it("lead with the record's heading where it has one, and then skip the formula in the question", async () => {
    const question =
      "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps he is taking.";
    const foreign = question.indexOf("Foreign");
    const steps = question.indexOf("steps");
    const hit: Hit = {
      id: "wq-1",
      house: "Commons",
      askingMember: { name: "Bob Blackman", party: "Conservative", memberFrom: "Harrow East" },
      answered: true,
      dateAnswered: "2021-09-15",
      questionText:
        "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps he is taking.",
      answerGroup: null,
      matchedAll: true,
      highlights: {
        questionText:
          "To ask the Secretary of State for <mark>Foreign</mark>, Commonwealth and Development Affairs, what <mark>steps</mark> he is taking.",
        answerText: null,
      },
      heading: "Iran: Political Prisoners",
      marked: {
        questionText: {
          text: question,
          marks: [
            [foreign, foreign + 7],
            [steps, steps + 5],
          ],
        },
        answerText: null,
      },
    };
    const html = String(await ResultItem({ hit }).toString());
    expect(html).toContain('<h3><a href="/records/wq-1">Iran: Political Prisoners</a></h3>');
    expect(html).toContain('<p class="snippet">What <mark>steps</mark> he is taking.</p>');
    expect(html).not.toContain("To ask");
  });

  it("offer from and to date boxes, and show a date range's chips in UK style", async () => {
    const html = await text("/?q=iran&from=2021-09-16&to=2021-09-21");
    expect(html).toContain('<input type="date" id="from" name="from" value="2021-09-16"/>');
    expect(html).toContain('<input type="date" id="to" name="to" value="2021-09-21"/>');
    expect(html).toContain("Answered from 16 September 2021");
    expect(html).toContain("Answered up to 21 September 2021");
    expect(html).not.toContain('type="hidden" name="from"');
    expect(html).toContain('<details class="options" open="">');
  });

  it("take date boxes left blank as no date", async () => {
    const blank = await get("/?q=iran&from=&to=");
    expect(blank.status).toBe(200);
    const html = await blank.text();
    expect(html.match(/<h2 id="results-title"[^>]*>(.*?)<\/h2>/)?.[1]).toBe(
      (await text("/?q=iran")).match(/<h2 id="results-title"[^>]*>(.*?)<\/h2>/)?.[1],
    );
  });
});

const apiRecord: QuestionRecord = {
  id: "wq-1282662",
  apiId: 1282662,
  house: "Commons",
  askingMember: { name: "Jim Shannon", party: "DUP", memberFrom: "Strangford" },
  questionText:
    "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what steps she is taking.",
  dateTabled: null,
  answered: true,
  answer: {
    answeringMember: { name: "Amanda Milling", party: "Conservative", memberFrom: "Cannock Chase", house: "Commons" },
    dateAnswered: "2021-02-01",
    text: "The UK is committed to human rights.",
  },
  uin: "146937",
  answeringBody: "Foreign, Commonwealth and Development Office",
  heading: "Iran: Human Rights",
  url: "https://questions-statements.parliament.uk/written-questions/detail/2021-01-26/146937",
  sources: [{ file: "seeds/api.json", line: 3 }],
};

describe("record pages", () => {
  it("show who asked, who answered, the dates and a way back, with no uninformative 'Not recorded'", async () => {
    const html = await text("/records/c7jocdcev5ac");
    expect(html).toContain("<dt>Asked by</dt><dd>Bob Blackman");
    expect(html).toContain("<dt>Answered by</dt><dd>James Cleverly");
    expect(html).toContain('<dt>Answered</dt><dd><time datetime="2021-09-15">15 September 2021</time></dd>');
    expect(html).not.toContain("Not recorded");
    expect(html).not.toContain("<dt>Tabled</dt>");
    expect(html).toContain('<a href="/" data-back-to-results="true">← Search all questions</a>');
    expect(html).toContain('<h1 id="record-title">If he will make representations to the UN on launching an inquiry');
  });

  it("keep where the build read a record inside a details element", async () => {
    const html = await text("/records/c7jocdcev5ac");
    const details = html.match(/<details class="provenance">(.*?)<\/details>/s)?.[1] ?? "";
    expect(details).toContain("Read from <code>seeds/000_43bc1e8ddf995492.txt</code>, line 8");
    expect(html.replace(details, "")).not.toContain("seeds/000_");
  });

  it("print the permanent link once, as a citation", async () => {
    const html = await text("/records/c7jocdcev5ac");
    const body = html.slice(html.indexOf("<body>"));
    expect(body.split(">https://pq.test/records/c7jocdcev5ac<").length - 1).toBe(1);
    expect(body).toContain(
      "Bob Blackman, written question [If he will make representations to the UN on launching an inquiry into the (a) 1988 executions of…], " +
        'House of Commons, answered by James Cleverly 15 September 2021. <a class="bare" href="https://pq.test/records/c7jocdcev5ac">',
    );
    expect(body).not.toContain("Permanent link:");
  });

  it("give an official record its UIN, heading, answering body and link to Parliament's page", async () => {
    const html = String(
      await RecordPage({ site: SITE, record: apiRecord, buildId: "b", suggestPath: null }).toString(),
    );
    expect(html).toContain('<h1 id="record-title">Iran: Human Rights</h1>');
    expect(html).toContain("<dt>UIN</dt><dd>146937</dd>");
    expect(html).toContain("<dt>Answering body</dt><dd>Foreign, Commonwealth and Development Office</dd>");
    expect(html).toContain(
      `<a href="${apiRecord.url}" rel="external noopener">This question on the UK Parliament website</a>`,
    );
    // From Parliament's data a date tabled is expected, so its absence is worth saying.
    expect(html).toContain("<dt>Tabled</dt><dd>Not recorded</dd>");
    expect(html).toContain(
      "Jim Shannon, written question 146937 [Iran: Human Rights], House of Commons, answered by Amanda Milling 1 February 2021.",
    );
  });
});

describe("the about page", () => {
  it("says what the collection holds, where it comes from, when it was built and its licence", async () => {
    const response = await get("/about");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>About this collection</h1>");
    expect(html).toContain(`${SEED_RECORDS} written questions: 13 from the House of Commons and 5 from the House`);
    expect(html).toContain("12 have an answer, given in 2021; 6 are awaiting one.");
    expect(html).toContain("<blockquote><p>Several UK Parliamentarians posed 20 parliamentary questions");
    expect(html).toMatch(/build id, <code>[0-9a-f]{16}<\/code>|build id is <code>[0-9a-f]{16}<\/code>/);
    expect(html).toContain(
      'href="https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/" rel="license">Open Parliament Licence v3.0</a>',
    );
    expect(html).toContain('<link rel="canonical" href="https://pq.test/about"/>');
  });

  it("states the day this version was published, from the deployment's version metadata", async () => {
    const html = String(
      await AboutPage({
        site: SITE,
        meta: {
          title: "t",
          description: "",
          records: 0,
          buildId: "0123456789abcdef",
          fields: [],
          facets: emptyFacets(),
        },
      }).toString(),
    );
    expect(html).toContain('built and published on <time datetime="2026-11-28">28 November 2026</time>');
  });

  it("is linked from every page's header and footer", async () => {
    for (const path of ["/", "/?q=iran", "/records/c7jocdcev5ac", "/nowhere"]) {
      const html = await text(path);
      expect(html).toContain('<nav aria-label="Site"><a href="/">Search</a><a href="/about">About</a></nav>');
      expect(html).toContain("Contains Parliamentary information licensed under the");
    }
  });
});

function emptyFacets() {
  return { house: {}, party: {}, member: {}, answered: {}, year: {}, body: {}, heading: {} };
}

describe("files every site is asked for", () => {
  it("serves a real icon, as ICO and SVG, and names both in every page", async () => {
    const ico = await get("/favicon.ico", { Accept: "image/*" });
    expect(ico.status).toBe(200);
    expect(ico.headers.get("Content-Type")).toBe("image/x-icon");
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(bytes[6]).toBe(32);
    expect([...bytes.slice(22, 26)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await get("/favicon.svg", { Accept: "image/*" });
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const html = await text("/");
    expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });

  it("answers robots.txt, keeping crawlers off the JSON API and pointing them to the sitemap", async () => {
    const response = await get("/robots.txt", { Accept: "text/plain" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toMatch(/^User-agent: \*$/m);
    expect(body).toMatch(/^Disallow: \/v1\/$/m);
    expect(body).toMatch(/^Sitemap: https:\/\/pq\.test\/sitemap\.xml$/m);
  });

  it("publishes no sitemap without PUBLIC_URL, rather than one under whatever Host a request names", async () => {
    const unset = (path: string) => app.fetch(new Request(`https://evil.example${path}`), { ...env, PUBLIC_URL: "" });
    const robots = await (await unset("/robots.txt")).text();
    expect(robots).toMatch(/^Disallow: \/v1\/$/m);
    expect(robots).not.toMatch(/Sitemap|evil\.example/);
    expect((await unset("/sitemap.xml")).status).toBe(404);
    expect((await unset("/sitemap-pages.xml")).status).toBe(404);
  });

  it("lists the home page, the about page and every record page in sitemap.xml, under the public origin", async () => {
    const response = await get("/sitemap.xml", { Accept: "application/xml" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs.slice(0, 2)).toEqual(["https://pq.test/", "https://pq.test/about"]);
    const records = locs.filter((loc) => loc?.startsWith("https://pq.test/records/"));
    expect(records).toHaveLength(SEED_RECORDS);
    expect(records).toContain("https://pq.test/records/c7jocdcev5ac");
    expect((await get("/sitemap-records-1.xml", { Accept: "application/xml" })).status).toBe(404);
  });
});

describe("the /embed frame", () => {
  it("has a description, a heading and UK dates", async () => {
    const html = await text("/embed?q=iran");
    expect(html).toContain(
      '<meta name="description" content="Search parliamentary questions: Parliamentary questions on Iran’s 1988 massacre."/>',
    );
    expect(html).toContain('<h1 class="sr">Parliamentary questions on Iran’s 1988 massacre</h1>');
    expect(html).toContain('<time datetime="2021-09-21">21 Sept 2021</time>');
    expect(html).not.toMatch(/Sep \d+, 2021/);
  });
});
