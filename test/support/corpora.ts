/**
 * The full real corpora (see their SOURCES.md) live outside the repo: ../shared/corpora beside it,
 * or wherever PQSEARCH_CORPORA points. A public clone has none, so tests that read them go in
 * describeWithCorpora() and are skipped, with one line saying why, when they are absent.
 * Tests that must always run use the small attributed subset in test/fixtures/real-questions/.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe } from "vitest";

export const CORPORA = resolve(process.env.PQSEARCH_CORPORA ?? join(import.meta.dirname, "../../../shared/corpora"));
export const corporaPresent = existsSync(join(CORPORA, "SOURCES.md"));

let announced = false;

/**
 * describe() for tests that need the full corpora. When they are absent the tests are listed as
 * skipped and one line (once per file) says why. The body still runs to collect the tests, so
 * it must read the corpora in hooks or tests, never directly.
 */
export function describeWithCorpora(name: string, body: () => void): void {
  if (corporaPresent) {
    describe(name, body);
    return;
  }
  if (!announced)
    console.warn(
      `skipped: these tests need the full corpora at ${CORPORA}, which are absent (see README, "Set up and test")`,
    );
  announced = true;
  describe.skip(name, body);
}
