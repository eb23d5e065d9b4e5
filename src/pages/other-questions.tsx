/**
 * A list of other questions linking to their record pages, each led by what it asks, with who
 * asked and when it was answered: what the record page shows of the questions given the same
 * answer and of its related questions.
 */
import type { RecordSummary } from "../schema/record-summary";
import { longDate } from "./format";
import { recordTitle } from "./record-title";

export function OtherQuestions({ questions }: { questions: readonly RecordSummary[] }) {
  return (
    <ul class="others">
      {questions.map((question) => (
        <li>
          <a href={`/records/${question.id}`}>{recordTitle(question)}</a>
          <span class="meta">
            {" "}
            · {question.askingMember.name}
            {question.dateAnswered ? `, answered ${longDate(question.dateAnswered)}` : ", not yet answered"}
          </span>
        </li>
      ))}
    </ul>
  );
}
