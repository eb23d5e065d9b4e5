/**
 * Reads an Atom feed the two ways a test needs: strictly, checking what RFC 4287 requires of
 * every feed and entry (well-formed XML, the Atom namespace, exactly one id, title and updated,
 * an author, absolute ids, RFC 3339 dates, a link or content per entry), and as a feed reader
 * does, with @rowanmanning/feed-parser, a well-kept parser that many readers use.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";

type Node = Record<string, unknown>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Node[];
const text = (value: unknown): string =>
  typeof value === "object" && value !== null ? String((value as Node)["#text"] ?? "") : String(value ?? "");

/** The problems RFC 4287 would find with `xml` (empty when there are none). */
export function atomProblems(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`];
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as Node;
  const feed = parsed.feed as Node | undefined;
  if (!feed) return ["the root element is not <feed>"];
  const problems: string[] = [];
  if (feed["@xmlns"] !== "http://www.w3.org/2005/Atom") problems.push("<feed> is not in the Atom namespace");
  const entries = list(feed.entry);
  const check = (node: Node, where: string) => {
    for (const name of ["id", "title", "updated"]) {
      const count = list(node[name]).length;
      if (count !== 1) problems.push(`${where} has ${count} <${name}>, expected exactly one`);
    }
    if (!URL.canParse(text(node.id))) problems.push(`${where}'s <id> is not an absolute IRI: ${text(node.id)}`);
    for (const name of ["updated", "published"])
      for (const date of list(node[name]))
        if (!RFC3339.test(text(date))) problems.push(`${where}'s <${name}> is not an RFC 3339 date: ${text(date)}`);
    for (const author of list(node.author))
      if (!text(author.name)) problems.push(`${where} has an <author> without a <name>`);
    for (const link of list(node.link))
      if (!URL.canParse(String(link["@href"]))) problems.push(`${where} has a relative link: ${link["@href"]}`);
  };
  check(feed, "the feed");
  if (list(feed.author).length === 0 && entries.some((entry) => list(entry.author).length === 0))
    problems.push("the feed has no <author> and not every entry has one");
  entries.forEach((entry, at) => {
    const where = `entry ${at + 1}`;
    check(entry, where);
    const alternate = list(entry.link).some((link) => (link["@rel"] ?? "alternate") === "alternate");
    if (!alternate && entry.content === undefined) problems.push(`${where} has neither an alternate link nor content`);
  });
  return problems;
}

/** The feed as a reader sees it. */
export function readFeed(xml: string): ReturnType<typeof parseFeed> {
  return parseFeed(xml);
}
