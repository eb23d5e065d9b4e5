/**
 * On a record page, the other questions given the same answer (its answer group), so a reader
 * sees at once that the answer was not written for this question alone.
 */
import type { AnswerGroup } from "../schema/answer-groups";
import { OtherQuestions } from "./other-questions";

export function AnswerGroupSection({ group, recordId }: { group: AnswerGroup; recordId: string }) {
  const others = group.questions.filter((question) => question.id !== recordId);
  const count = others.length;
  return (
    <section class="prose same-answer" aria-labelledby="same-answer-title">
      <h2 id="same-answer-title">
        This answer was also given to {count} other question{count === 1 ? "" : "s"}
      </h2>
      <p class="meta">
        {group.holding
          ? "A holding answer: it promises a full answer, and is grouped only with other holding answers."
          : "Word for word, or nearly (the same figures, a few words changed)."}
      </p>
      <OtherQuestions questions={others} />
    </section>
  );
}
