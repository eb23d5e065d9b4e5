import { describe, expect, it } from "vitest";
import { lintOpenApi } from "../support/lint-openapi";

// Both linters start in a second or two; generous for a busy shared machine.
const LINT_TIMEOUT = 120_000;

describe("the OpenAPI document the Worker serves", () => {
  it(
    "passes Redocly's recommended rules and Spectral's spectral:oas with no error and no warning",
    async () => {
      const runs = await lintOpenApi();
      for (const { tool, status, output } of runs) expect(status, `${tool}:\n${output}`).toBe(0);
      const [redocly, spectral] = runs;
      expect(redocly?.output).toContain("Your API description is valid");
      expect(spectral?.output).toContain("No results with a severity of 'warn' or higher found!");
    },
    LINT_TIMEOUT,
  );
});
