/**
 * The research routes inside workerd, on the bundled seed: answer groups, search collapsed by
 * answer, related questions and citations, each with its success and its error answers, and what
 * the record page shows of them.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AnswerGroup, AnswerGroupsResponse } from "../../src/schema/answer-groups";
import { CslItem } from "../../src/schema/csl-item";
import { Problem } from "../../src/schema/problem";
import { QuestionRecord } from "../../src/schema/record";
import { RelatedResponse } from "../../src/schema/related";
import { SearchResponse } from "../../src/schema/search";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));
const json = async (path: string) => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return response.json();
};

async function problem(path: string, status: number) {
  const response = await get(path);
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return Problem.parse(await response.json());
}

/** The seed's two groups (see test/node/answer-groups.test.ts for how they were read from the seed). */
const CLEVERLY_15_SEPTEMBER = ["c7jocdcev5ac", "dxi7qlri22k6", "dwhd2sy5oqro", "7ipzdkrdb3bx", "ipcdhbjou3po"];
const TO_DAVID_JONES = ["utm64fsjh562", "owlcbreo732k", "nsl47vpx3ob5", "kavbbfzeofnn", "org6eymanxqg"];
/** Dr Offord's question on legal action in UK courts: an answer of its own and no question alike enough. */
const ALONE = "wqdxm3jfnzjs";

describe("GET /v1/answer-groups", () => {
  it("lists the seed's two groups, largest first, each with every question it holds", async () => {
    const body = AnswerGroupsResponse.parse(await json("/v1/answer-groups"));
    expect(body.total).toBe(2);
    expect(body.groups.map((group) => group.questions.map((question) => question.id))).toEqual([
      CLEVERLY_15_SEPTEMBER,
      TO_DAVID_JONES,
    ]);
    expect(body.groups.map((group) => [group.size, group.holding])).toEqual([
      [5, false],
      [5, false],
    ]);
    expect(body.groups[0]?.answer).toMatch(/^The British Government opposes the use of the death penalty/);
  });

  it("pages with limit and offset", async () => {
    const body = AnswerGroupsResponse.parse(await json("/v1/answer-groups?limit=1&offset=1"));
    expect([body.total, body.limit, body.offset]).toEqual([2, 1, 1]);
    expect(body.groups.map((group) => group.questions[0]?.id)).toEqual([TO_DAVID_JONES[0]]);
  });

  it("refuses a page larger than 20 groups and an unknown parameter, naming each", async () => {
    const tooMany = await problem("/v1/answer-groups?limit=500", 400);
    expect(tooMany.invalidParams).toEqual([
      { name: "limit", reason: 'expected a whole number from 1 to 20, found "500"' },
    ]);
    const unknown = await problem("/v1/answer-groups?size=5", 400);
    expect(unknown.invalidParams?.[0]?.name).toBe("size");
  });
});

describe("GET /v1/answer-groups/{id}", () => {
  it("gives the group a record names, which holds that record", async () => {
    const record = QuestionRecord.parse(await json(`/v1/records/${TO_DAVID_JONES[3]}`));
    expect(record.answerGroup?.size).toBe(5);
    const group = AnswerGroup.parse(await json(`/v1/answer-groups/${record.answerGroup?.id}`));
    expect(group.questions.map((question) => question.id)).toEqual(TO_DAVID_JONES);
  });

  it("answers 404 for an id no group has and 400 for one that is not an id", async () => {
    expect((await problem("/v1/answer-groups/000000000000", 404)).detail).toBe(
      'No answer group has id "000000000000".',
    );
    expect((await problem("/v1/answer-groups/nope", 400)).invalidParams?.[0]?.name).toBe("id");
  });

  it("is absent from a record given an answer of its own", async () => {
    const record = QuestionRecord.parse(await json(`/v1/records/${ALONE}`));
    expect(record.answerGroup).toBeUndefined();
  });
});

describe("GET /v1/search?collapse=answer", () => {
  it("returns one hit per answer group, with the group's size, and counts facets over every match", async () => {
    const all = SearchResponse.parse(await json("/v1/search?q=iran&limit=50"));
    const collapsed = SearchResponse.parse(await json("/v1/search?q=iran&limit=50&collapse=answer"));
    const grouped = all.hits.filter((hit) => hit.answerGroup !== null);
    expect(grouped.length).toBe(10);
    expect(collapsed.total).toBe(all.total - 8);
    const groups = collapsed.hits.flatMap((hit) => (hit.answerGroup ? [hit.answerGroup.id] : []));
    expect(groups).toHaveLength(2);
    expect(new Set(groups).size).toBe(2);
    for (const hit of collapsed.hits) if (hit.answerGroup) expect(hit.answerGroup.size).toBe(5);
    expect(collapsed.facets).toEqual(all.facets);
    // Each group is stood for by its best-ranked member: the first of its members in the full ranking.
    for (const id of groups) {
      const first = all.hits.find((hit) => hit.answerGroup?.id === id);
      expect(collapsed.hits.find((hit) => hit.answerGroup?.id === id)?.id).toBe(first?.id);
    }
  });

  it("collapses a browse (no words) too, newest first", async () => {
    const body = SearchResponse.parse(await json("/v1/search?collapse=answer&sort=newest&limit=50"));
    expect(body.total).toBe(18 - 8);
    expect(body.facets.house).toEqual(SearchResponse.parse(await json("/v1/search?limit=1")).facets.house);
  });

  it("refuses any other collapse", async () => {
    const refused = await problem("/v1/search?q=iran&collapse=question", 400);
    expect(refused.invalidParams).toEqual([{ name: "collapse", reason: 'expected answer, found "question"' }]);
  });
});

describe("GET /v1/records/{id}/related", () => {
  it("gives up to five other records, most alike first", async () => {
    const body = RelatedResponse.parse(await json(`/v1/records/${TO_DAVID_JONES[0]}/related`));
    expect(body.id).toBe(TO_DAVID_JONES[0]);
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.length).toBeLessThanOrEqual(5);
    expect(body.related.map((each) => each.id)).not.toContain(TO_DAVID_JONES[0]);
    const similarities = body.related.map((each) => each.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    // Both ask what follows from the UN Secretary-General's report on human rights in Iran.
    expect(body.related[0]?.id).toBe(TO_DAVID_JONES[1]);
  });

  it("is empty where no question is alike enough", async () => {
    expect(RelatedResponse.parse(await json(`/v1/records/${ALONE}/related`)).related).toEqual([]);
  });

  it("answers 404 for an unknown record and 400 for a malformed id", async () => {
    expect((await problem("/v1/records/aaaaaaaaaaaa/related", 404)).detail).toBe('No record has id "aaaaaaaaaaaa".');
    expect((await problem("/v1/records/not%20an%20id/related", 400)).invalidParams?.[0]?.name).toBe("id");
  });
});

describe("a record's citation downloads", () => {
  it("give RIS as an attachment, one GOVDOC reference with the member, House, dates and link", async () => {
    const response = await get("/v1/records/c7jocdcev5ac/citation.ris");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="c7jocdcev5ac.ris"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("TY  - GOVDOC");
    expect(lines).toContain("AU  - Bob Blackman");
    expect(lines).toContain("PB  - House of Commons");
    expect(lines).toContain("DA  - 2021/09/15");
    expect(lines.filter((line) => line.startsWith("UR  - "))).toEqual(["UR  - /records/c7jocdcev5ac"]);
    expect(lines.at(-2)).toBe("ER  - ");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });

  it("give CSL-JSON, one document item", async () => {
    const response = await get("/v1/records/c7jocdcev5ac/citation.json");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    const [item, ...more] = (await response.json()) as unknown[];
    expect(more).toEqual([]);
    const parsed = CslItem.parse(item);
    expect(parsed.author).toEqual([{ literal: "Bob Blackman" }]);
    expect(parsed.issued).toEqual({ "date-parts": [[2021, 9, 15]] });
    expect(parsed.title).toMatch(
      /^Written question: If he will make representations to the UN on launching an inquiry/,
    );
  });

  it("answer 404 for an unknown record", async () => {
    await problem("/v1/records/aaaaaaaaaaaa/citation.ris", 404);
    await problem("/v1/records/aaaaaaaaaaaa/citation.json", 404);
  });
});

describe("the record page", () => {
  const page = async (id: string) => (await get(`/records/${id}`, { headers: { Accept: "text/html" } })).text();

  it("says how many other questions were given the same answer and links to each", async () => {
    const html = await page(CLEVERLY_15_SEPTEMBER[0] as string);
    expect(html).toContain('<h2 id="same-answer-title">This answer was also given to 4 other questions</h2>');
    const section = html.slice(html.indexOf('id="same-answer-title"'), html.indexOf('id="cite-title"'));
    const links = [...section.matchAll(/href="\/records\/([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual(CLEVERLY_15_SEPTEMBER.slice(1));
  });

  it("says nothing of the kind for an answer given once, and lists no related questions when none is alike", async () => {
    const html = await page(ALONE);
    expect(html).not.toContain("same-answer-title");
    expect(html).not.toContain("related-title");
  });

  it("lists its related questions", async () => {
    const html = await page(TO_DAVID_JONES[0] as string);
    const section = html.slice(html.indexOf('id="related-title"'));
    expect(section).toContain(`href="/records/${TO_DAVID_JONES[1]}"`);
  });

  it("carries Highwire citation tags for reference managers, and links its downloads", async () => {
    const html = await page("c7jocdcev5ac");
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toContain('<meta name="citation_author" content="Bob Blackman"/>');
    expect(head).toContain('<meta name="citation_publication_date" content="2021/09/15"/>');
    expect(head).toContain('<meta name="citation_publisher" content="House of Commons"/>');
    expect(head).toMatch(/<meta name="citation_title" content="Written question: [^"]+"\/>/);
    expect(html).toContain('href="/v1/records/c7jocdcev5ac/citation.ris"');
    expect(html).toContain('href="/v1/records/c7jocdcev5ac/citation.json"');
  });
});
