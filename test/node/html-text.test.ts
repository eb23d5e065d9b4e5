import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToParagraphs } from "../../index-build/formats/parliament-api/html-text";
import { PROJECT_ROOT } from "./build-helpers";

describe("turning answer HTML into paragraphs", () => {
  it("makes each block a paragraph and drops NBSP-only spacer paragraphs", () => {
    expect(htmlToParagraphs("<p>One.</p><p>\u00a0</p><p>&nbsp;</p><p> </p><div>Two.</div>Three<br>Four")).toEqual([
      "One.",
      "Two.",
      "Three",
      "Four",
    ]);
  });

  it("decodes named, decimal and hex entities and leaves unknown ones alone", () => {
    expect(decodeEntities("&pound;5 &amp; &#8217;s &#x2019; &rsquo; &madeup; &#0;")).toBe("£5 & ’s ’ ’ &madeup; &#0;");
  });

  it("decodes entities only once, so an escaped tag stays text", () => {
    expect(htmlToParagraphs("<p>&amp;lt;p&amp;gt; and &lt;b&gt;</p>")).toEqual(["&lt;p&gt; and <b>"]);
  });

  it("keeps a link's address beside its words unless the words already show it", () => {
    expect(
      htmlToParagraphs(
        '<p>See <a href="https://www.gov.uk/x" target="_blank">the guidance</a> or <a href="https://a.uk/b">https://a.uk/b</a>.</p>',
      ),
    ).toEqual(["See the guidance (https://www.gov.uk/x) or https://a.uk/b."]);
    expect(
      htmlToParagraphs('<p>Mail <a href="mailto:pq@x.uk">pq@x.uk</a>, <a href="javascript:alert(1)">this</a>.</p>'),
    ).toEqual(["Mail pq@x.uk, this."]);
  });

  it("bullets unordered list items and numbers ordered ones", () => {
    expect(
      htmlToParagraphs("<p>Either:</p><ul><li>tea</li><li>coffee</li></ul><ol><li>first</li><li>second</li></ol>"),
    ).toEqual(["Either:", "• tea", "• coffee", "1. first", "2. second"]);
  });

  it("drops scripts, styles and comments with their content, and table cells read in a row", () => {
    expect(
      htmlToParagraphs(
        "<style>p{}</style><!-- note --><table><tr><td>Year</td><td>2020</td></tr></table><script>x()</script>",
      ),
    ).toEqual(["Year 2020"]);
  });

  it("leaves plain text with angle brackets alone and drops a tag cut off at the end", () => {
    expect(htmlToParagraphs('Under 5 < 10 and 3 <5% of cases, see <a href="https://gov')).toEqual([
      "Under 5 < 10 and 3 <5% of cases, see",
    ]);
  });

  it("keeps every word of the real single-question answer and none of its markup", () => {
    const saved = JSON.parse(
      readFileSync(join(PROJECT_ROOT, "test/fixtures/real-questions/aws_mock_api_question_1679416.json"), "utf8"),
    );
    const html: string = saved.value.answerText;
    const text = htmlToParagraphs(html).join("\n\n");
    expect(text).not.toMatch(/<|>|&[a-z#0-9]+;|\u00a0/i);
    expect(text).not.toMatch(/target|_blank|href/);
    const wordsOf = (value: string) => value.match(/[\p{L}\p{N}£%]+/gu) ?? [];
    const htmlWords = wordsOf(html.replace(/<[^>]*>/g, " "));
    expect(wordsOf(text)).toEqual(htmlWords);
    expect(text.split("\n\n")).toHaveLength(4);
  });
});
