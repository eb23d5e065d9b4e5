/**
 * The Atom feed of a search, rendered from the engine as the feed route does: it stays valid and
 * its `updated` moves when a newer answer enters the collection (a rebuild with one more record);
 * and the checks the feed tests rely on do find what RFC 4287 forbids.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type CompiledCollection, openCollection } from "../../src/engine";
import { atomFeed, xmlText } from "../../src/pages/atom-feed";
import { FEED_ENTRIES } from "../../src/schema/limits";
import { atomProblems, readFeed } from "../support/atom-feed-checks";
import { build, loadModule, tempProject } from "./build-helpers";

const ORIGIN = "https://pq.example";

const newer = {
  house: "Lords",
  askingMember: { name: "Lord Newcomer", party: "Crossbench", memberFrom: "Life peer" },
  heading: "Iran: Political Prisoners",
  questionText: "To ask His Majesty's Government what representations they have made to Iran about the 1988 massacre.",
  dateTabled: "2030-01-02",
  answer: { answeringMember: null, dateAnswered: "2030-01-09", text: "We raise the 1988 massacre with Iran." },
};

async function feedOf(compiled: CompiledCollection, q: string): Promise<string> {
  const collection = openCollection(compiled);
  const selection = await collection.select({ q, sort: "newest" });
  return atomFeed({
    title: `“${q}”`,
    publisher: "pqsearch test",
    selfUrl: `${ORIGIN}/feed.atom?q=${q}`,
    pageUrl: `${ORIGIN}/?q=${q}`,
    recordUrl: (id) => `${ORIGIN}/records/${id}`,
    records: await selection.records(0, FEED_ENTRIES),
    fallbackDay: "2000-01-01",
  });
}

describe("a search's feed as the collection grows", () => {
  let before: CompiledCollection;
  let after: CompiledCollection;
  beforeAll(async () => {
    before = await loadModule((await build(tempProject({}, true))).source);
    after = await loadModule((await build(tempProject({ "newer.json": JSON.stringify([newer]) }, true))).source);
  });

  it("moves its updated to the newer answer's date, and lists that answer first", async () => {
    const old = readFeed(await feedOf(before, "massacre"));
    const grown = await feedOf(after, "massacre");
    expect(atomProblems(grown)).toEqual([]);
    const feed = readFeed(grown);
    expect(old.updated?.toISOString()).toBe("2021-09-21T00:00:00.000Z");
    expect(feed.updated?.toISOString()).toBe("2030-01-09T00:00:00.000Z");
    expect(feed.items[0]?.title).toBe("Iran: Political Prisoners");
    expect(feed.items[0]?.published?.toISOString()).toBe("2030-01-02T00:00:00.000Z");
    expect(feed.items.slice(1).map((item) => item.id)).toEqual(old.items.map((item) => item.id));
  });

  it("keeps its updated when the new record is outside the search", async () => {
    const old = readFeed(await feedOf(before, "genocide"));
    const feed = readFeed(await feedOf(after, "genocide"));
    expect(feed.updated?.toISOString()).toBe(old.updated?.toISOString());
    expect(feed.items.map((item) => item.id)).toEqual(old.items.map((item) => item.id));
  });
});

describe("the feed's text", () => {
  it("escapes markup and drops characters XML 1.0 cannot hold", () => {
    expect(xmlText(`<b>"A" & 'B'</b>`)).toBe("&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;");
    expect(xmlText("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(xmlText("tab\tline\nemoji 🎉")).toBe("tab\tline\nemoji 🎉");
  });
});

describe("the RFC 4287 checks", () => {
  const entry = `<entry><id>${ORIGIN}/records/a</id><title>A</title><updated>2021-01-01T00:00:00Z</updated><link href="${ORIGIN}/records/a"/></entry>`;
  const feed = (inner: string) =>
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${ORIGIN}/f</id><title>T</title><updated>2021-01-01T00:00:00Z</updated><author><name>P</name></author>${inner}</feed>`;

  it("accept a minimal valid feed", () => {
    expect(atomProblems(feed(entry))).toEqual([]);
  });

  it.each([
    ["markup that is not XML", feed(entry).replace("</feed>", "")],
    ["an entry without an id", feed(entry.replace(/<id>.*?<\/id>/, ""))],
    ["an entry with a relative link", feed(entry.replace(`href="${ORIGIN}`, 'href="'))],
    ["a date that is not RFC 3339", feed(entry.replace("2021-01-01T00:00:00Z", "2021-01-01"))],
    ["a feed with two titles", feed(`<title>again</title>${entry}`)],
    ["a feed outside the Atom namespace", feed(entry).replace(' xmlns="http://www.w3.org/2005/Atom"', "")],
  ])("find %s", (_, xml) => {
    expect(atomProblems(xml)).not.toEqual([]);
  });
});
