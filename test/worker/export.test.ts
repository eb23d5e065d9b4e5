/** `GET /v1/export`: every match of a search, streamed whole as CSV or NDJSON, and its errors. */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Problem } from "../../src/schema/problem";
import { QuestionRecord } from "../../src/schema/record";
import { RecordsResponse, SearchResponse } from "../../src/schema/search";
import { csvRecords, readCsv } from "../support/read-csv";

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://pq.test${path}`, init));

async function ndjson(path: string): Promise<QuestionRecord[]> {
  const response = await get(path);
  expect(response.status).toBe(200);
  // Decoded here: workerd warns that .text() may not suit an NDJSON body, which is UTF-8 text.
  const text = new TextDecoder().decode(await response.arrayBuffer());
  if (text) expect(text.endsWith("\n")).toBe(true);
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => QuestionRecord.parse(JSON.parse(line)));
}

async function searchIds(query: string): Promise<string[]> {
  const body = SearchResponse.parse(await (await get(`/v1/search?${query}&limit=50`)).json());
  expect(body.total).toBeLessThanOrEqual(50);
  return body.hits.map((hit) => hit.id);
}

describe("GET /v1/export", () => {
  it("streams every record of the collection as NDJSON, each whole and once, as /v1/records gives them", async () => {
    const exported = await ndjson("/v1/export?format=ndjson&sort=oldest");
    const listed = RecordsResponse.parse(await (await get("/v1/records?limit=100")).json());
    expect(exported).toHaveLength(listed.total);
    expect(new Set(exported.map((record) => record.id)).size).toBe(listed.total);
    const byId = new Map(listed.records.map((record) => [record.id, record]));
    for (const record of exported) expect(record).toEqual(byId.get(record.id));
  });

  it("exports the matches of a search with its filters, in the search's order", async () => {
    for (const query of [
      "q=iran&sort=newest",
      "q=massacre&house=Commons",
      "party=Conservative&answered=true",
      "q=genocide",
    ]) {
      const exported = await ndjson(`/v1/export?format=ndjson&${query}`);
      expect(
        exported.map((record) => record.id),
        query,
      ).toEqual(await searchIds(query));
    }
  });

  it("answers CSV with a header row, one row per match, CRLF line ends and absolute record links", async () => {
    const response = await get("/v1/export?format=csv&q=iran");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="pqsearch-export.csv"');
    const ids = await searchIds("q=iran");
    expect(response.headers.get("X-Total-Count")).toBe(String(ids.length));
    const bytes = new Uint8Array(await response.arrayBuffer());
    // UTF-8's byte-order mark first, so that Excel reads the file as UTF-8 (text() would drop it).
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header] = readCsv(text);
    expect(header?.slice(0, 6)).toEqual(["id", "recordUrl", "house", "uin", "dateTabled", "dateAnswered"]);
    const rows = csvRecords(text);
    expect(rows.map((row) => row.get("id"))).toEqual(ids);
    for (const row of rows) expect(row.get("recordUrl")).toBe(`https://pq.test/records/${row.get("id")}`);
  });

  it("puts each record's own values in its row, multi-line answers included", async () => {
    const records = await ndjson("/v1/export?format=ndjson");
    const rows = csvRecords(await (await get("/v1/export?format=csv")).text());
    expect(rows.map((row) => row.get("id"))).toEqual(records.map((record) => record.id));
    records.forEach((record, at) => {
      const row = rows[at] as Map<string, string>;
      expect(row.get("askingMember")).toBe(record.askingMember.name);
      expect(row.get("questionText")).toBe(record.questionText);
      expect(row.get("answerText")).toBe(record.answer?.text ?? "");
      expect(row.get("dateAnswered")).toBe(record.answer?.dateAnswered ?? "");
    });
    expect(records.some((record) => record.answer?.text.includes("\n"))).toBe(true);
  });

  it("exports a header row alone when nothing matches", async () => {
    const response = await get("/v1/export?format=csv&from=2099-01-01");
    expect(response.headers.get("X-Total-Count")).toBe("0");
    expect(readCsv(await response.text())).toHaveLength(1);
    expect(await ndjson("/v1/export?format=ndjson&from=2099-01-01")).toEqual([]);
  });

  it("answers 304 to a current ETag, like every answer", async () => {
    const first = await get("/v1/export?format=csv");
    const etag = first.headers.get("ETag") as string;
    expect(etag).toMatch(/^"/);
    await first.body?.cancel();
    const again = await get("/v1/export?format=csv", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it.each([
    ["format=xlsx", "format", /expected csv or ndjson, found "xlsx"/],
    ["", "format", /expected csv or ndjson/],
    ["format=csv&house=commons", "house", /expected Commons or Lords, found "commons"/],
    ["format=csv&sort=best", "sort", /expected relevance, newest or oldest, found "best"/],
    ["format=csv&limit=10", "limit", /unknown parameter/],
    ["format=csv&from=2021-02-30", "from", /real calendar date/],
  ])("refuses %s with a 400 naming %s", async (query, name, reason) => {
    const response = await get(`/v1/export?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    const body = Problem.parse(await response.json());
    expect(body.invalidParams?.map((param) => param.name)).toContain(name);
    expect(body.invalidParams?.find((param) => param.name === name)?.reason).toMatch(reason);
  });
});
