/**
 * The fetch against every API response saved in the shared corpora (1,003 real questions), served
 * by the replay server: it must give the records that importing the same files gives today.
 * Skipped, with the reason, where the corpora are absent (a public clone).
 */
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFetch } from "../../index-build/fetch/run";
import { buildCollection } from "../../index-build/pipeline";
import { CORPORA, CORPORA_API_FILES, corporaMissing, corporaPool, fetchProject } from "../support/replay-pools";
import { listCopyOf, ReplayServer } from "../support/replay-server";

const SOURCE = { name: "corpora", query: { tabledWhenFrom: "2020-01-01" } };
const API = { pageSize: 100, timeoutSeconds: 5, retryBaseSeconds: 0.01, maxRetryWaitSeconds: 5 };
const SEED = "seeds/parliament-corpora.json";

describe.skipIf(corporaMissing !== null)(
  `fetching the saved corpora${corporaMissing ? ` (skipped: ${corporaMissing})` : ""}`,
  () => {
    let server: ReplayServer;
    let root: string;
    beforeAll(async () => {
      server = new ReplayServer(corporaPool());
      await server.start();
      root = fetchProject({ sources: [SOURCE], api: API });
      await runFetch({ projectRoot: root, baseUrl: server.url });
    });
    afterAll(() => server.close());

    it("asks for every page once and for the full text of every question the list cut", () => {
      const cut = server.questions.filter((question) => {
        const list = question.list ?? listCopyOf(question.single ?? {});
        return String(list.questionText).length === 255 || /^.{255}\.\.\.$/s.test(String(list.answerText ?? ""));
      });
      const pages = server.requests.filter((request) => request.url.includes("skip="));
      expect(server.questions).toHaveLength(1003);
      expect(pages).toHaveLength(Math.ceil(1003 / 100));
      expect(server.requests).toHaveLength(pages.length + cut.length);
    });

    it("yields the records importing the same saved files gives, full texts included", async () => {
      const byHand = fetchProject({ sources: [SOURCE] });
      for (const name of CORPORA_API_FILES) cpSync(join(CORPORA, name), join(byHand, "seeds", name));
      const imported = await buildCollection({ seedsDir: join(byHand, "seeds"), projectRoot: byHand });
      const fetched = await buildCollection({ seedsDir: join(root, "seeds"), projectRoot: root });
      const strip = (records: typeof fetched.collection.records) =>
        records.map(({ sources: _sources, ...record }) => record).sort((a, b) => (a.apiId ?? 0) - (b.apiId ?? 0));
      expect(fetched.collection.records).toHaveLength(1003);
      expect(strip(fetched.collection.records)).toEqual(strip(imported.collection.records));
      const full = fetched.collection.records.find((record) => record.apiId === 1679416);
      expect(full?.truncated).toBeUndefined();
      expect(full?.answer?.text).toMatch(/^The department is supporting sectors/);
    });

    it("changes no byte when fetched whole again", async () => {
      const before = readFileSync(join(root, SEED), "utf8");
      const run = await runFetch({ projectRoot: root, baseUrl: server.url, full: true });
      expect(readFileSync(join(root, SEED), "utf8")).toBe(before);
      expect(run.outcomes[0]?.changes).toEqual([]);
    });

    it("comes out byte-identical through a 429, a 5xx burst, a timeout and a dropped connection", async () => {
      const faulty = new ReplayServer(corporaPool(), [
        { match: /skip=200&/, times: 1, fault: { kind: "status", status: 429, retryAfter: "1" } },
        { match: /skip=500&/, times: 1, fault: { kind: "drop" } },
        { match: /questions\/1282662/, times: 1, fault: { kind: "timeout" } },
        { match: /questions\/\d+/, times: 4, fault: { kind: "status", status: 500 } },
      ]);
      await faulty.start();
      try {
        const again = fetchProject({ sources: [SOURCE], api: { ...API, timeoutSeconds: 1 } });
        const run = await runFetch({ projectRoot: again, baseUrl: faulty.url });
        // Seven injected faults, each retried; on a busy machine an ordinary request can pass the
        // 1 s timeout too, and is retried like any other.
        expect(run.stats.retries).toBeGreaterThanOrEqual(7);
        expect(readFileSync(join(again, SEED), "utf8")).toBe(readFileSync(join(root, SEED), "utf8"));
      } finally {
        await faulty.close();
      }
    });
  },
);
