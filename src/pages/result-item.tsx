/**
 * One result in the list, written to be scanned: the record's heading where it has one, else
 * the question itself without its opening formula; then the date, who asked (once) and the
 * House; then where the answer matched.
 */
import type { QuestionRecord } from "../schema/record";
import type { Hit } from "../schema/search";
import { longDate } from "./format";
import { Highlighted } from "./highlighted";
import { QuestionSnippet } from "./question-snippet";

/** Hits carry the record's heading once the engine adds it; until then it comes from the record. */
type ListedHit = Hit & { heading?: string | null };

function memberLine(member: Hit["askingMember"]): string {
  const details = [member.party, member.memberFrom].filter(Boolean).join(", ");
  return details ? `${member.name} (${details})` : member.name;
}

export function ResultItem({ hit, record }: { hit: ListedHit; record: QuestionRecord | undefined }) {
  const heading = hit.heading ?? record?.heading;
  const question = <QuestionSnippet highlight={hit.highlights.questionText} questionText={hit.questionText} />;
  return (
    <li>
      <h3>
        <a href={`/records/${hit.id}`}>{heading ?? question}</a>
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
      {heading && <p class="snippet">{question}</p>}
      {hit.highlights.answerText && (
        <p class="snippet">
          <strong>Answer: </strong>
          <Highlighted html={hit.highlights.answerText} />
        </p>
      )}
    </li>
  );
}
