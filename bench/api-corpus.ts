/**
 * `npm run bench:import`: build time, output size and search latency with the real API records
 * added to the seed. The corpora are read from ../shared/corpora into a throw-away seeds
 * directory (never into seeds/). Figures are medians; the machine may be shared, so compare
 * ratios within one run rather than numbers across runs.
 */
import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCollection } from "../index-build/pipeline";
import { openCollection } from "../src/engine";
import { SearchParams } from "../src/schema/query";

const ROOT = resolve(import.meta.dirname, "..");
const CORPORA = join(ROOT, "../shared/corpora");
const API_FILES = [
  "clquestions_api_tabled_2021-02-01.json",
  "clquestions_api_answered_2021-02-01.json",
  "aws_mock_api_questions_2024-01-05.json",
  "aws_mock_api_question_1679416.json",
];
const QUERIES = [
  { q: "covid vaccine" },
  { q: "nhs" },
  { q: "apprenticeships" },
  { q: "genocide" },
  { q: "carers protective equipment" },
  { q: "ministry" },
  { q: "" },
  { q: "schools", body: "Department for Education" },
  { q: "", tabledFrom: "2021-02-01", tabledTo: "2021-02-01" },
  { q: "", uin: "146937" },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function seedsDir(withCorpora: boolean): string {
  const root = mkdtempSync(join(tmpdir(), "pqsearch-bench-"));
  mkdirSync(join(root, "seeds"));
  cpSync(join(ROOT, "seeds/000_43bc1e8ddf995492.txt"), join(root, "seeds/000_43bc1e8ddf995492.txt"));
  if (withCorpora) for (const name of API_FILES) cpSync(join(CORPORA, name), join(root, "seeds", name));
  return root;
}

async function measure(label: string, withCorpora: boolean) {
  const root = seedsDir(withCorpora);
  const buildTimes: number[] = [];
  let output: Awaited<ReturnType<typeof buildCollection>> | undefined;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    output = await buildCollection({ seedsDir: join(root, "seeds"), projectRoot: root });
    buildTimes.push(performance.now() - started);
  }
  const { report, source } = output as NonNullable<typeof output>;
  const url = `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`;
  const collection = (await import(url)).default;
  const hydrateStarted = performance.now();
  const engine = openCollection(collection);
  const hydrateMs = performance.now() - hydrateStarted;
  const requests = QUERIES.map((query) => SearchParams.parse(query));
  for (const request of requests) await engine.search(request); // warm up
  const perQuery: number[] = [];
  for (const request of requests) {
    const times: number[] = [];
    for (let run = 0; run < 30; run++) {
      const started = performance.now();
      await engine.search(request);
      times.push(performance.now() - started);
    }
    perQuery.push(median(times));
  }
  console.log(`${label}: ${report.records} records`);
  console.log(`  build (in-process, median of 3): ${ms(median(buildTimes))}`);
  console.log(
    `  module: ${(report.rawBytes / 1024).toFixed(1)} KiB raw, ${(report.gzipBytes / 1024).toFixed(1)} KiB gzip`,
  );
  console.log(`  hydrate: ${ms(hydrateMs)}`);
  console.log(
    `  search, median of 30 per query: median ${ms(median(perQuery))}, slowest query ${ms(Math.max(...perQuery))}`,
  );
  QUERIES.forEach((query, i) => {
    console.log(`    ${JSON.stringify(query)}: ${ms(perQuery[i] as number)}`);
  });
}

await measure("seed only", false);
await measure("seed + API corpora", true);
