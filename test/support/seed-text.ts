/**
 * Writes records in the seed text layout (member block, `To ask…`, optional answering block,
 * `Answered on`, paragraphs): the inverse of index-build's text parser, for round-trip tests.
 */
export interface TextMember {
  name: string;
  party: string;
  memberFrom: string;
}

export interface TextRecord {
  house: "Commons" | "Lords";
  askingMember: TextMember;
  /** Starts with `To ask`. */
  questionText: string;
  answer: null | {
    answeringMember: (TextMember & { house: "Commons" | "Lords" }) | null;
    /** YYYY-MM-DD */
    dateAnswered: string;
    paragraphs: string[];
    /** Layout variant: the date on the line after `Answered on`. */
    dateOnNextLine?: boolean;
  };
}

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** `2021-09-05` → `5 September 2021`, as the source documents print it. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function memberLines(member: TextMember, house: "Commons" | "Lords"): string[] {
  return [member.name, member.party, member.memberFrom, `House of ${house}`];
}

export function recordLines(record: TextRecord): string[] {
  const lines = [...memberLines(record.askingMember, record.house), record.questionText];
  const { answer } = record;
  if (answer) {
    if (answer.answeringMember) lines.push(...memberLines(answer.answeringMember, answer.answeringMember.house));
    const date = longDate(answer.dateAnswered);
    lines.push(...(answer.dateOnNextLine ? ["Answered on", date] : [`Answered on ${date}`]), ...answer.paragraphs);
  }
  return lines;
}

/** A whole seed document: preamble lines (title first), then each record. */
export function seedText(preamble: string[], records: TextRecord[]): string {
  return [...preamble, ...records.flatMap(recordLines)].join("\n");
}
