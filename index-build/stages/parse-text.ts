/**
 * Stage 2a, parse the text layout. A record is a member block (name, party, seat, House line)
 * followed by a line starting `To ask`; then optionally an answering member's block, then
 * `Answered on <d Month yyyy>` (the date may sit on the next line) and the answer's paragraphs up
 * to the next member block. Blocks are recognised by their whole shape, never by a line's prefix,
 * so a paragraph that starts with a party or House name stays a paragraph.
 */
import { MONTHS } from "../../src/schema/long-date";
import { BuildError, quote } from "../errors";
import type { LocatedInput, ParsedSeed } from "./located";
import type { SeedFile } from "./read";

interface Line {
  text: string;
  /** 1-based line number in the file. */
  number: number;
}

const HOUSE_LINE = /^House of (Commons|Lords)$/;
const QUESTION_START = /^To ask\b/;
const ANSWERED_ON = /^Answered on\b\s*(.*)$/;
const LONG_DATE = new RegExp(`^(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})$`);

const MEMBER_KEYS = ["name", "party", "memberFrom"] as const;
const MEMBER_BLOCK_SHAPE =
  "a member block: name, party, seat, then 'House of Commons' or 'House of Lords' on its own line";

function memberBlockAt(lines: Line[], at: number, followedBy: RegExp): boolean {
  const house = lines[at + 3];
  const next = lines[at + 4];
  return house !== undefined && next !== undefined && HOUSE_LINE.test(house.text) && followedBy.test(next.text);
}

function memberAt(lines: Line[], at: number) {
  const [name, party, seat, house] = lines.slice(at, at + 4) as [Line, Line, Line, Line];
  return {
    member: { name: name.text, party: party.text, memberFrom: seat.text },
    house: (HOUSE_LINE.exec(house.text) as RegExpExecArray)[1] as "Commons" | "Lords",
  };
}

/** `15 September 2021` → `2021-09-15`; the calendar check itself is the schema's job. */
function isoDate(line: Line, file: string): string {
  const match = LONG_DATE.exec(line.text);
  if (!match) {
    throw new BuildError(
      { file, line: line.number },
      `expected the answer date as 'd Month yyyy' (e.g. 15 September 2021), found ${quote(line.text)}`,
    );
  }
  const [, day, month, year] = match as unknown as [string, string, string, string];
  return `${year}-${String(MONTHS.indexOf(month as (typeof MONTHS)[number]) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export function parseTextSeed(file: SeedFile): ParsedSeed {
  const lines: Line[] = [];
  file.text.split("\n").forEach((raw, i) => {
    const text = raw.trim();
    if (text) lines.push({ text, number: i + 1 });
  });
  const isQuestionBlock = (at: number) => memberBlockAt(lines, at, QUESTION_START);
  const isAnswerBlock = (at: number) => memberBlockAt(lines, at, ANSWERED_ON);

  let at = 0;
  const preamble: Line[] = [];
  while (at < lines.length && !isQuestionBlock(at)) preamble.push(lines[at++] as Line);
  if (at === lines.length) {
    const line = lines.length ? (lines[0] as Line).number : 1;
    throw new BuildError(
      { file: file.path, line },
      `expected at least one record (${MEMBER_BLOCK_SHAPE}, followed by a question starting 'To ask'), found none`,
    );
  }

  const records: LocatedInput[] = [];
  while (at < lines.length) {
    const start = lines[at] as Line;
    if (!isQuestionBlock(at)) {
      throw new BuildError(
        { file: file.path, line: start.number },
        `expected ${MEMBER_BLOCK_SHAPE}, followed by a question starting 'To ask'; found ${quote(start.text)}`,
      );
    }
    const fieldLines = new Map<string, number>();
    const asking = memberAt(lines, at);
    MEMBER_KEYS.forEach((key, i) => {
      fieldLines.set(`askingMember.${key}`, start.number + i);
    });
    const question = lines[at + 4] as Line;
    fieldLines.set("questionText", question.number);
    at += 5;

    let answeringMember: ReturnType<typeof memberAt> | null = null;
    if (isAnswerBlock(at)) {
      answeringMember = memberAt(lines, at);
      MEMBER_KEYS.forEach((key, i) => {
        fieldLines.set(`answer.answeringMember.${key}`, (lines[at + i] as Line).number);
      });
      at += 4;
    }

    let answer: unknown = null;
    const answeredOn = lines[at] && ANSWERED_ON.exec((lines[at] as Line).text);
    if (answeredOn) {
      const heading = lines[at] as Line;
      let dateLine: Line = { text: answeredOn[1] as string, number: heading.number };
      at += 1;
      if (!dateLine.text) {
        const next = lines[at];
        if (!next)
          throw new BuildError(
            { file: file.path, line: heading.number },
            "expected a date after 'Answered on', found the end of the file",
          );
        dateLine = next;
        at += 1;
      }
      fieldLines.set("answer.dateAnswered", dateLine.number);
      const dateAnswered = isoDate(dateLine, file.path);
      const paragraphs: Line[] = [];
      while (at < lines.length && !isQuestionBlock(at)) paragraphs.push(lines[at++] as Line);
      if (paragraphs.length === 0) {
        throw new BuildError(
          { file: file.path, line: dateLine.number },
          "expected the answer's text after its date, found the next record or the end of the file",
        );
      }
      fieldLines.set("answer.text", (paragraphs[0] as Line).number);
      answer = {
        answeringMember: answeringMember && { ...answeringMember.member, house: answeringMember.house },
        dateAnswered,
        text: paragraphs.map((line) => line.text).join("\n\n"),
      };
    } else if (at < lines.length && !isQuestionBlock(at)) {
      const found = lines[at] as Line;
      throw new BuildError(
        { file: file.path, line: found.number },
        `expected an answer (an answering member's block or 'Answered on <date>') or the next record, found ${quote(found.text)}`,
      );
    }

    records.push({
      value: {
        house: asking.house,
        askingMember: asking.member,
        questionText: question.text,
        dateTabled: null,
        answer,
      },
      location: { file: file.path, line: start.number },
      lineOf: (path) => fieldLines.get(path.join(".")),
    });
  }

  const [title, ...rest] = preamble;
  return {
    records,
    ...(title && {
      description: {
        title: title.text,
        description: rest.map((line) => line.text).join("\n\n"),
        location: { file: file.path, line: title.number },
      },
    }),
  };
}
