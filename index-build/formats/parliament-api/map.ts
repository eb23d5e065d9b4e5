/**
 * Maps the API's question object onto the canonical record (`src/schema/record.ts`). The result
 * still goes through the build's validate → normalise → identify stages like any other record.
 */
import type { RecordInput, TruncatedField } from "../../../src/schema/record";
import type { ApiMember, ApiQuestion } from "./api-question";
import { htmlToParagraphs, htmlToText } from "./html-text";

/** The list endpoint cuts `questionText` to exactly this many characters, with no marker. */
export const LIST_QUESTION_LIMIT = 255;
/** …and `answerText` to this many characters followed by `...`. */
export const LIST_ANSWER_LIMIT = 255;
const ELLIPSIS = "...";

/**
 * What a list response shows for a member it did not expand (`expandMember=false`): their id.
 * The build later swaps in the name if another record in the collection expands the same member.
 */
export function unexpandedMemberName(id: number): string {
  return `Member ${id}`;
}

function member(expanded: ApiMember | null | undefined, id: number) {
  if (!expanded) return { name: unexpandedMemberName(id), party: null, memberFrom: null, memberId: id };
  const orNull = (text: string | null | undefined) => (text?.trim() ? text : null);
  return { name: expanded.name, party: orNull(expanded.party), memberFrom: orNull(expanded.memberFrom), memberId: id };
}

/** Which texts look cut by the list endpoint. A question of exactly 255 characters may be whole. */
export function truncatedFields(question: ApiQuestion): TruncatedField[] {
  const fields: TruncatedField[] = [];
  if (question.questionText.length === LIST_QUESTION_LIMIT) fields.push("questionText");
  const answer = question.answerText;
  if (answer && answer.length === LIST_ANSWER_LIMIT + ELLIPSIS.length && answer.endsWith(ELLIPSIS))
    fields.push("answerText");
  return fields;
}

/** The public page for a question: questions-statements.parliament.uk/written-questions/detail/{date}/{uin}. */
export function questionUrl(question: ApiQuestion): string {
  return `https://questions-statements.parliament.uk/written-questions/detail/${question.dateTabled}/${encodeURIComponent(question.uin)}`;
}

export function recordFromApi(question: ApiQuestion, mayBeTruncated: boolean): RecordInput {
  const answered = question.dateAnswered !== null && question.answerText !== null;
  const truncated = mayBeTruncated ? truncatedFields(question) : [];
  const answeringMemberId = question.answeringMemberId ?? question.answeringMember?.id ?? null;
  const heading = question.heading?.trim();
  return {
    house: question.house,
    askingMember: member(question.askingMember, question.askingMemberId),
    questionText: htmlToParagraphs(question.questionText).join(" "),
    dateTabled: question.dateTabled,
    answer: answered
      ? {
          answeringMember:
            answeringMemberId === null
              ? null
              : { ...member(question.answeringMember, answeringMemberId), house: question.house },
          dateAnswered: question.dateAnswered as string,
          text: htmlToText(question.answerText as string),
        }
      : null,
    uin: question.uin.trim(),
    answeringBody: question.answeringBodyName.trim(),
    ...(heading && { heading }),
    url: questionUrl(question),
    apiId: question.id,
    ...(truncated.length > 0 && { truncated }),
    isWithdrawn: question.isWithdrawn ?? false,
    answerIsHolding: question.answerIsHolding ?? false,
    answerIsCorrection: question.answerIsCorrection ?? false,
    ...(question.groupedQuestions?.length && { groupedQuestions: question.groupedQuestions }),
  };
}
