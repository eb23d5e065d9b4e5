/**
 * `/records/{id}`: one question and its answer in full, who asked and who answered, dates, where
 * the build read it, its JSON, and its permanent address.
 */

import type { AnsweringMember, Member } from "../schema/member";
import type { QuestionRecord } from "../schema/record";
import { longDate, paragraphs, truncate } from "./format";
import { Layout, SITE_NAME } from "./layout";
import { SearchForm } from "./search-form";
import { EMPTY_STATE } from "./search-state";

export interface RecordPageProps {
  record: QuestionRecord;
  origin: string;
  suggestPath: string | null;
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

export function recordTitle(record: QuestionRecord): string {
  return record.heading ?? `Written question from ${record.askingMember.name}`;
}

function DateOrDash({ date }: { date: string | null | undefined }) {
  return date ? <time datetime={date}>{longDate(date)}</time> : <>Not recorded</>;
}

export function RecordPage({ record, origin, suggestPath }: RecordPageProps) {
  const permanent = `${origin}/records/${record.id}`;
  const title = recordTitle(record);
  const description = truncate(`${record.askingMember.name} asked: ${record.questionText}`, 200);
  return (
    <Layout
      title={`${title}${record.answer ? `, answered ${longDate(record.answer.dateAnswered)}` : ""} · ${SITE_NAME}`}
      description={description}
      canonical={permanent}
      openGraph={{ type: "article", title, description }}
    >
      <SearchForm state={EMPTY_STATE} suggestPath={suggestPath} />
      <article class="record" aria-labelledby="record-title">
        <h1 id="record-title">{title}</h1>
        <dl>
          <dt>Asked by</dt>
          <dd>
            <MemberLine member={record.askingMember} />
          </dd>
          <dt>House</dt>
          <dd>House of {record.house}</dd>
          <dt>Tabled</dt>
          <dd>
            <DateOrDash date={record.dateTabled} />
          </dd>
          <dt>Status</dt>
          <dd>
            {record.answer ? (
              <>
                Answered <DateOrDash date={record.answer.dateAnswered} />
              </>
            ) : (
              "Awaiting an answer"
            )}
          </dd>
          {record.uin && (
            <>
              <dt>UIN</dt>
              <dd>{record.uin}</dd>
            </>
          )}
          {record.answeringBody && (
            <>
              <dt>Answering body</dt>
              <dd>{record.answeringBody}</dd>
            </>
          )}
        </dl>
        <section class="prose" aria-labelledby="question-title">
          <h2 id="question-title">Question</h2>
          {paragraphs(record.questionText).map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </section>
        <section class="prose" aria-labelledby="answer-title">
          <h2 id="answer-title">Answer</h2>
          {record.answer ? (
            <>
              <p class="meta">
                {record.answer.answeringMember ? (
                  <>
                    Answered by <MemberLine member={record.answer.answeringMember} /> on{" "}
                  </>
                ) : (
                  "Answered on "
                )}
                <DateOrDash date={record.answer.dateAnswered} />
              </p>
              {paragraphs(record.answer.text).map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </>
          ) : (
            <p>This question has not been answered yet.</p>
          )}
        </section>
        <section class="prose" aria-labelledby="source-title">
          <h2 id="source-title">Source and links</h2>
          <ul>
            {record.sources.map((source) => (
              <li>
                Read from <code>{source.file}</code>, line {source.line}
              </li>
            ))}
            {isWebUrl(record.url) && (
              <li>
                <a href={record.url} rel="external noopener">
                  The question at its original source
                </a>
              </li>
            )}
            <li>
              <a href={`/v1/records/${record.id}`} type="application/json">
                This record as JSON
              </a>
            </li>
            <li class="permalink">
              Permanent link: <a href={permanent}>{permanent}</a>
            </li>
          </ul>
        </section>
      </article>
    </Layout>
  );
}
