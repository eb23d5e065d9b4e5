/**
 * Setup file for the browser project: when a test fails, prints what `wrangler dev` said while it
 * ran; when the server reported a 5xx or an error during a test that passed, prints that too. The
 * server runs in vitest's main process (global-setup.ts), so its output is read from its log file.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { beforeEach, inject } from "vitest";
import { serverTrouble } from "./server-trouble";

const LOG = inject("serverLog");

/** The log from byte `offset` on. */
function logSince(offset: number): string {
  return readFileSync(LOG).subarray(offset).toString("utf8");
}

beforeEach(({ task, onTestFailed, onTestFinished }) => {
  if (!existsSync(LOG)) return; // no server was started (no Chromium: see needs-chromium.ts)
  const start = statSync(LOG).size;
  onTestFailed(() => {
    console.error(`wrangler dev's output during "${task.name}" (all of it: ${LOG}):\n${logSince(start) || "(none)"}`);
  });
  onTestFinished(() => {
    const trouble = serverTrouble(logSince(start));
    if (task.result?.state !== "fail" && trouble.length > 0)
      console.error(`wrangler dev reported trouble during "${task.name}", which passed:\n${trouble.join("\n")}`);
  });
});
