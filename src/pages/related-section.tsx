/** On a record page, the questions most like this one (related.ts at build time). */
import type { RelatedQuestion } from "../schema/related";
import { OtherQuestions } from "./other-questions";

export function RelatedSection({ related }: { related: readonly RelatedQuestion[] }) {
  if (related.length === 0) return null;
  return (
    <section class="prose related no-print" aria-labelledby="related-title">
      <h2 id="related-title">Related questions</h2>
      <OtherQuestions questions={related} />
    </section>
  );
}
