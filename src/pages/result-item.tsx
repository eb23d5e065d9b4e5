/**
 * One result in the list, written to be scanned: the record's heading where it has one, else
 * the question itself without its opening formula; then the date, who asked (once) and the
 * House; then where the answer matched.
 */
import type { Hit } from "../schema/search";
import { longDate } from "./format";
import { Highlighted } from "./highlighted";
import { QuestionSnippet } from "./question-snippet";

function memberLine(member: Hit["askingMember"]): string {
  const details = [member.party, member.memberFrom].filter(Boolean).join(", ");
  return details ? `${member.name} (${details})` : member.name;
}

export function ResultItem({ hit }: { hit: Hit }) {
  const question = <QuestionSnippet marked={hit.marked.questionText} />;
  return (
    <li>
      <h3>
        <a href={`/records/${hit.id}`}>{hit.heading ?? question}</a>
      </h3>
      <p class="meta">
        {hit.answered && hit.dateAnswered ? (
          <>
            Answered <time datetime={hit.dateAnswered}>{longDate(hit.dateAnswered)}</time>
          </>
        ) : (
          <span class="badge">Awaiting an answer</span>
        )}{" "}
        · Asked by {memberLine(hit.askingMember)} · House of {hit.house}
      </p>
      {hit.heading && <p class="snippet">{question}</p>}
      {hit.marked.answerText && (
        <p class="snippet">
          <strong>Answer: </strong>
          <Highlighted marked={hit.marked.answerText} />
        </p>
      )}
    </li>
  );
}
