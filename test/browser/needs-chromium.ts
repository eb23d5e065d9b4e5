/**
 * Setup file for the browser project: with no Chromium to drive (find-chromium.ts), every file
 * fails at once with the one line saying how to get one, instead of with a launch stack trace.
 */
import { beforeAll, inject } from "vitest";

beforeAll(() => {
  const problem = inject("chromiumProblem");
  if (problem) throw Object.assign(new Error(problem), { stack: problem });
});
