/**
 * `/records/{id}`: one question and its answer in full, with what a reader needs to cite it
 * (who asked, who answered, dates, UIN, the official page where known, a ready citation and the
 * permanent link, printed once), a way back to the results, and how the build read it.
 */

import { citationFields } from "../citations/citation";
import { highwireTags } from "../citations/highwire";
import type { AnswerGroup } from "../schema/answer-groups";
import type { AnsweringMember, Member } from "../schema/member";
import type { QuestionRecord } from "../schema/record";
import type { RelatedQuestion } from "../schema/related";
import { AnswerGroupSection } from "./answer-group-section";
import { CitationSection } from "./citation-section";
import { longDate, paragraphs, truncate } from "./format";
import { Layout } from "./layout";
import { withoutOpening } from "./question-opening";
import { recordTitle } from "./record-title";
import { RelatedSection } from "./related-section";
import { SearchForm } from "./search-form";
import { EMPTY_STATE } from "./search-state";
import type { Site } from "./site";

export interface RecordPageProps {
  site: Site;
  record: QuestionRecord;
  buildId: string;
  suggestPath: string | null;
  /** The other records given the same answer, when it has any. */
  answerGroup?: AnswerGroup | null;
  related?: readonly RelatedQuestion[];
}

function MemberLine({ member }: { member: Member | AnsweringMember }) {
  const details = [member.party, member.memberFrom, "house" in member ? `House of ${member.house}` : null].filter(
    Boolean,
  );
  return (
    <>
      {member.name}
      {details.length > 0 && <span class="meta"> ({details.join(", ")})</span>}
    </>
  );
}

/** The schema's `z.url()` accepts `javascript:` and `data:` URLs; a page links only to the web. */
function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

function isParliamentUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "parliament.uk" || host.endsWith(".parliament.uk");
}

export { recordTitle } from "./record-title";

/**
 * A missing date tabled says something only about a record from Parliament's own data (it has a
 * UIN or an API id), where one is expected; the seed documents never give one.
 */
function tabledIsInformative(record: QuestionRecord): boolean {
  return record.dateTabled !== null || record.uin !== undefined || record.apiId !== undefined;
}

function When({ date }: { date: string }) {
  return <time datetime={date}>{longDate(date)}</time>;
}

/** What the source says about the question's state, beyond answered or not. */
function notes(record: QuestionRecord): string[] {
  const found: string[] = [];
  if (record.isWithdrawn) found.push("The member withdrew this question.");
  if (record.answerIsHolding) found.push("This is a holding answer: a full answer is to follow.");
  if (record.answerIsCorrection) found.push("This answer corrects an earlier one.");
  if (record.truncated) found.push("The source cut this record's text short; the full text is at the official link.");
  return found;
}

export function RecordPage({ site, record, buildId, suggestPath, answerGroup, related = [] }: RecordPageProps) {
  const permanent = `${site.origin}/records/${record.id}`;
  const title = recordTitle(record);
  const description = truncate(`${record.askingMember.name} asked: ${withoutOpening(record.questionText)}`, 200);
  const official = isWebUrl(record.url) ? record.url : null;
  const answer = record.answer;
  const cited = citationFields(record, permanent);
  return (
    <Layout
      site={site}
      title={`${title}${answer ? `, answered ${longDate(answer.dateAnswered)}` : ""} · ${site.title}`}
      description={description}
      canonical={permanent}
      openGraph={{ type: "article", title, description }}
      head={highwireTags(cited).map(([name, content]) => <meta name={name} content={content} />)}
    >
      <p class="back no-print">
        <a href="/" data-back-to-results>
          ← Search all questions
        </a>
      </p>
      <article class="record" aria-labelledby="record-title">
        <p class="kicker">Written question · House of {record.house}</p>
        <h1 id="record-title">{title}</h1>
        <dl>
          <dt>Asked by</dt>
          <dd>
            <MemberLine member={record.askingMember} />
          </dd>
          {record.answeringBody && (
            <>
              <dt>Answering body</dt>
              <dd>{record.answeringBody}</dd>
            </>
          )}
          {answer?.answeringMember && (
            <>
              <dt>Answered by</dt>
              <dd>
                <MemberLine member={answer.answeringMember} />
              </dd>
            </>
          )}
          {tabledIsInformative(record) && (
            <>
              <dt>Tabled</dt>
              <dd>{record.dateTabled ? <When date={record.dateTabled} /> : "Not recorded"}</dd>
            </>
          )}
          <dt>Answered</dt>
          <dd>{answer ? <When date={answer.dateAnswered} /> : "Awaiting an answer"}</dd>
          {record.uin && (
            <>
              <dt>UIN</dt>
              <dd>{record.uin}</dd>
            </>
          )}
          {official && (
            <>
              <dt>Official record</dt>
              <dd>
                <a href={official} rel="external noopener">
                  {isParliamentUrl(official)
                    ? "This question on the UK Parliament website"
                    : "This question at its source"}
                </a>
              </dd>
            </>
          )}
        </dl>
        {notes(record).map((note) => (
          <p class="note">{note}</p>
        ))}
        <section class="prose" aria-labelledby="question-title">
          <h2 id="question-title">Question</h2>
          {paragraphs(record.questionText).map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </section>
        <section class="prose" aria-labelledby="answer-title">
          <h2 id="answer-title">Answer</h2>
          {answer ? (
            <>
              <p class="meta">
                {answer.answeringMember ? `Answered by ${answer.answeringMember.name} on ` : "Answered on "}
                <When date={answer.dateAnswered} />
              </p>
              {paragraphs(answer.text).map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </>
          ) : (
            <p>This question has not been answered yet.</p>
          )}
        </section>
        {answerGroup && <AnswerGroupSection group={answerGroup} recordId={record.id} />}
        <CitationSection id={record.id} fields={cited} />
        <RelatedSection related={related} />
        <details class="provenance">
          <summary>How this page was made</summary>
          <ul>
            {record.sources.map((source) => (
              <li>
                Read from <code>{source.file}</code>, line {source.line}
              </li>
            ))}
            <li>
              Record id <code>{record.id}</code>, build <code>{buildId}</code>
              {site.published && (
                <>
                  , published <When date={site.published} />
                </>
              )}
            </li>
          </ul>
        </details>
      </article>
      <SearchForm state={EMPTY_STATE} suggestPath={suggestPath} />
    </Layout>
  );
}
