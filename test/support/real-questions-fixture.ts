/**
 * Writes test/fixtures/real-questions/ from the full corpora (../shared/corpora, or
 * PQSEARCH_CORPORA): a few dozen real API records chosen so that the API's own filtered responses
 * can be checked against them without the corpora. The choice is a rule, not a hand-pick:
 *
 * - every record of the four filtered responses (answering body 11 = Ministry of Defence, tabled
 *   or answered on 2021-02-01; asking member 4651 tabled, answering member 4485 answered that day),
 *   taken from the two list files, so each filter's whole answer is in the fixture;
 * - every record the two list files share (the copies the build merges);
 * - the first Lords question, unanswered question, holding answer and correction of each list file
 *   not already chosen, so those shapes appear too.
 *
 * Records keep the list files' order and are copied verbatim; only totalResults is the sample's.
 *
 *   tsx test/support/real-questions-fixture.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPORA } from "./corpora";

const OUT = join(import.meta.dirname, "../fixtures/real-questions");

interface ApiValue {
  id: number;
  house: string;
  dateAnswered: string | null;
  answerIsHolding: boolean;
  answerIsCorrection: boolean;
}
interface ApiResult {
  value: ApiValue;
}
interface FilteredResponse {
  request_url: string;
  retrieved_utc: string;
  response: { totalResults: number; results: ApiResult[] };
}

const read = (name: string) => JSON.parse(readFileSync(join(CORPORA, name), "utf8"));
const lists = {
  tabled: "clquestions_api_tabled_2021-02-01.json",
  answered: "clquestions_api_answered_2021-02-01.json",
} as const;
const tabled: ApiResult[] = read(lists.tabled).results;
const answered: ApiResult[] = read(lists.answered).results;
const filtered: FilteredResponse[] = read("clquestions_api_filtered_responses_2021-02-01.json").responses;

const wanted = new Set(filtered.flatMap((entry) => entry.response.results.map((result) => result.value.id)));
const inTabled = new Set(tabled.map((result) => result.value.id));
for (const result of answered) if (inTabled.has(result.value.id)) wanted.add(result.value.id);

const shapes: Array<(value: ApiValue) => boolean> = [
  (value) => value.house === "Lords",
  (value) => value.dateAnswered === null,
  (value) => value.answerIsHolding,
  (value) => value.answerIsCorrection,
];
for (const results of [tabled, answered])
  for (const shape of shapes) {
    const example = results.find((result) => shape(result.value) && !wanted.has(result.value.id));
    if (example && !results.some((result) => wanted.has(result.value.id) && shape(result.value)))
      wanted.add(example.value.id);
  }

for (const [key, name] of Object.entries(lists)) {
  const results = (key === "tabled" ? tabled : answered).filter((result) => wanted.has(result.value.id));
  const sample = name.replace(/\.json$/, "_sample.json");
  writeFileSync(join(OUT, sample), `${JSON.stringify({ totalResults: results.length, results }, null, 2)}\n`);
  console.log(`${sample}: ${results.length} records`);
}
// The filters' answers as ids: the records themselves are in the samples above.
const answers = filtered.map((entry) => ({
  request_url: entry.request_url,
  retrieved_utc: entry.retrieved_utc,
  totalResults: entry.response.totalResults,
  ids: entry.response.results.map((result) => result.value.id),
}));
writeFileSync(join(OUT, "clquestions_api_filtered_ids_2021-02-01.json"), `${JSON.stringify(answers, null, 2)}\n`);
writeFileSync(
  join(OUT, "aws_mock_api_question_1679416.json"),
  readFileSync(join(CORPORA, "aws_mock_api_question_1679416.json")),
);
