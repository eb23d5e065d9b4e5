/**
 * Which keys an API question may carry. Unlike the canonical shape, which is strict (a user types
 * it, so an unknown key is a typo), the API shape is written by Parliament's API, which adds
 * fields over time (`attachments` and `groupedQuestionsDates` are recent): a fresh download must
 * still build. So a key the API is known to send is accepted; an unknown one is ignored but named
 * in the build report; and two kinds of key are errors, because their value would otherwise be
 * lost unseen: a key that differs from a known field only in case or separators (`askingmemberid`,
 * `Answer_Text`: a hand edit gone wrong), and a key JavaScript gives a meaning (`__proto__`,
 * `constructor`, `prototype`), which no API response carries.
 */

/** The question object's fields, from the API's responses (2021 and 2024 samples in ../shared/corpora). */
const QUESTION_FIELDS = [
  "id",
  "askingMemberId",
  "askingMember",
  "house",
  "memberHasInterest",
  "dateTabled",
  "dateForAnswer",
  "uin",
  "questionText",
  "answeringBodyId",
  "answeringBodyName",
  "isWithdrawn",
  "isNamedDay",
  "groupedQuestions",
  "answerIsHolding",
  "answerIsCorrection",
  "answeringMemberId",
  "answeringMember",
  "correctingMemberId",
  "correctingMember",
  "dateAnswered",
  "answerText",
  "originalAnswerText",
  "comparableAnswerText",
  "dateAnswerCorrected",
  "dateHoldingAnswer",
  "attachmentCount",
  "heading",
  "attachments",
  "groupedQuestionsDates",
];

/** An expanded member (`expandMember=true`). */
const MEMBER_FIELDS = [
  "id",
  "listAs",
  "name",
  "party",
  "partyColour",
  "partyAbbreviation",
  "memberFrom",
  "thumbnailUrl",
];
const MEMBER_OBJECTS = ["askingMember", "answeringMember", "correctingMember"];
const SPECIAL_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const fold = (key: string) => key.toLowerCase().replace(/[\s_-]/g, "");

interface KnownFields {
  exact: Set<string>;
  /** Folded spelling → the field's real name. */
  folded: Map<string, string>;
}

const known = (fields: string[]): KnownFields => ({
  exact: new Set(fields),
  folded: new Map(fields.map((field) => [fold(field), field])),
});
const QUESTION = known(QUESTION_FIELDS);
const MEMBER = known(MEMBER_FIELDS);

export interface KeyCheck {
  /** Keys that fail the question: path below the question, and what is wrong. */
  errors: Array<{ path: string[]; detail: string }>;
  /** Keys the API may have added since: path below the question. */
  ignored: string[][];
}

function checkObject(value: Record<string, unknown>, fields: KnownFields, at: string[], check: KeyCheck): void {
  for (const key of Object.keys(value)) {
    if (fields.exact.has(key)) continue;
    const path = [...at, key];
    const meant = fields.folded.get(fold(key));
    if (SPECIAL_KEYS.has(key))
      check.errors.push({
        path,
        detail: `expected one of the API's fields, found ${JSON.stringify(key)}, a key no API response carries`,
      });
    else if (meant)
      check.errors.push({
        path,
        detail: `expected the API's field ${JSON.stringify(meant)}, found ${JSON.stringify(key)} (the API's field names are case-sensitive)`,
      });
    else check.ignored.push(path);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Checks the keys of one question object and of its expanded members. */
export function checkApiKeys(question: unknown): KeyCheck {
  const check: KeyCheck = { errors: [], ignored: [] };
  if (!isObject(question)) return check;
  checkObject(question, QUESTION, [], check);
  for (const name of MEMBER_OBJECTS) {
    const member = Object.hasOwn(question, name) ? question[name] : undefined;
    if (isObject(member)) checkObject(member, MEMBER, [name], check);
  }
  return check;
}
