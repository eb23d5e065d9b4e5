/**
 * `npm run eval:real`: a sanity check on real records. Converts the 982 UK Parliament API records
 * under ../shared/corpora (clquestions_*, see its SOURCES.md) to the canonical record shape in a
 * temporary seeds directory, builds them, prints the top three questions for a few queries
 * (typos, synonyms, phrases and prefixes included) and times ranking and suggestions. Unjudged:
 * it shows behaviour and cost at ~1k records, not a score. The corpora are never copied into the repo.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCollection } from "../index-build/pipeline";
import { openCollection } from "../src/engine";
import { PROJECT_ROOT } from "./evaluate";

interface ApiMember {
  name?: string;
  party?: string | null;
  memberFrom?: string | null;
}
interface ApiValue {
  id: number;
  house: string;
  askingMember?: ApiMember | null;
  answeringMember?: ApiMember | null;
  questionText?: string;
  answerText?: string | null;
  dateTabled: string;
  dateAnswered?: string | null;
  uin?: string;
}

const corpora = resolve(PROJECT_ROOT, "../shared/corpora");
const seen = new Set<number>();
const records: unknown[] = [];
for (const file of ["clquestions_api_tabled_2021-02-01.json", "clquestions_api_answered_2021-02-01.json"]) {
  const { results } = JSON.parse(readFileSync(join(corpora, file), "utf8")) as { results: Array<{ value: ApiValue }> };
  for (const { value } of results) {
    const asker = value.askingMember;
    if (seen.has(value.id) || !asker?.name || !value.questionText?.trim()) continue;
    seen.add(value.id);
    const answerer = value.answeringMember;
    records.push({
      house: value.house,
      askingMember: { name: asker.name.trim(), party: asker.party ?? null, memberFrom: asker.memberFrom ?? null },
      questionText: value.questionText.trim(),
      dateTabled: value.dateTabled.slice(0, 10),
      answer:
        value.answerText?.trim() && value.dateAnswered
          ? {
              answeringMember: answerer?.name
                ? {
                    name: answerer.name,
                    party: answerer.party ?? null,
                    memberFrom: answerer.memberFrom ?? null,
                    house: value.house,
                  }
                : null,
              dateAnswered: value.dateAnswered.slice(0, 10),
              text: value.answerText.trim(),
            }
          : null,
      ...(value.uin ? { uin: value.uin } : {}),
    });
  }
}
const root = mkdtempSync(join(tmpdir(), "pqsearch-real-"));
writeFileSync(join(root, "records.json"), JSON.stringify(records));
const { collection } = await buildCollection({ seedsDir: root, projectRoot: PROJECT_ROOT });
const started = performance.now();
const engine = openCollection(collection);
console.log(
  `${collection.records.length} records, ${collection.vocabulary.words.length} words; hydration ${(performance.now() - started).toFixed(1)} ms`,
);

const queries = [
  "covid vaccine",
  "coronavirus vacine",
  "NHS",
  "National Health Service",
  "flooding",
  "universal credit",
  '"free school meals"',
  "carers",
  "Lord Alton",
  "vaccinaton",
  "educat",
  "the",
];
const search = (q: string, limit: number) =>
  engine.search({ answered: undefined, q, sort: "relevance", limit, offset: 0 });
for (const q of queries) {
  const result = await search(q, 3);
  console.log(`\n${q} (${result.total})`);
  for (const hit of result.hits) console.log(`  ${hit.questionText.slice(0, 110)}`);
}

const percentile = (values: number[], p: number) =>
  ([...values].sort((a, b) => a - b)[Math.floor(values.length * p)] as number).toFixed(1);
const rank: number[] = [];
const suggest: number[] = [];
for (let round = 0; round < 60; round++) {
  for (const q of queries) {
    const before = performance.now();
    await search(q, 0);
    if (round >= 10) rank.push((performance.now() - before) * 1000);
  }
  for (const q of ["c", "co", "cov", "vacc", "Lord A", "human ri"]) {
    const before = performance.now();
    await engine.suggest({ q, limit: 8 });
    if (round >= 10) suggest.push((performance.now() - before) * 1000);
  }
}
console.log(`\nrank (limit 0): p50 ${percentile(rank, 0.5)} µs, p99 ${percentile(rank, 0.99)} µs`);
console.log(`suggest: p50 ${percentile(suggest, 0.5)} µs, p99 ${percentile(suggest, 0.99)} µs`);
