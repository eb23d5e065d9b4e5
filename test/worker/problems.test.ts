/**
 * The error family: every problem the Worker answers is application/problem+json whose type,
 * title and status come from one table (src/schema/problem.ts).
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import app from "../../src/index";
import { PROBLEM_TYPES, Problem, type ProblemName, problemType } from "../../src/schema/problem";

const get = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`https://pq.test${path}`, init));

async function expectProblem(response: Response, name: ProblemName) {
  const { status, title } = PROBLEM_TYPES[name];
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const body = Problem.parse(await response.json());
  expect(body).toMatchObject({ type: problemType(name), title, status });
  return body;
}

beforeAll(() => get("/v1/meta"), 60_000);
afterEach(() => vi.restoreAllMocks());

describe("problems", () => {
  it("use one type convention, urn:pqsearch:problem:<name>, for every kind", () => {
    for (const name of Object.keys(PROBLEM_TYPES))
      expect(problemType(name as ProblemName)).toMatch(/^urn:pqsearch:problem:[a-z-]+$/);
  });

  it("answer invalid parameters, an unknown record or path and a wrong method from the table", async () => {
    const invalid = await expectProblem(await get("/v1/search?limit=0"), "invalid-parameters");
    expect(invalid.instance).toBe("/v1/search");
    expect(invalid.invalidParams?.[0]?.name).toBe("limit");
    await expectProblem(await get("/v1/records/aaaaaaaaaaaa"), "not-found");
    const path = await expectProblem(await get("/v2/nothing"), "not-found");
    expect(path.detail).toBe("Nothing at /v2/nothing; see /openapi.json for the API.");
    const method = await get("/v1/records", { method: "DELETE" });
    expect(method.headers.get("Allow")).toBe("GET, HEAD");
    const wrong = await expectProblem(method, "method-not-allowed");
    expect(wrong.detail).toBe("DELETE is not allowed here; use GET, HEAD.");
  });

  it("answer the rate limit from the table, with Retry-After", async () => {
    const ip = { headers: { "CF-Connecting-IP": "203.0.113.50" } };
    for (let i = 0; i < 20; i++) await get("/v1/meta", ip);
    const limited = await get("/v1/meta", ip);
    expect(limited.headers.get("Retry-After")).toBe("60");
    await expectProblem(limited, "rate-limited");
  });

  it("answer an unexpected failure with a generic 500 that is logged but says nothing of its cause", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // A misconfigured PUBLIC_URL fails every answer that needs the public origin.
    const response = await app.fetch(new Request("https://pq.test/openapi.json"), { ...env, PUBLIC_URL: "not a url" });
    const body = await expectProblem(response, "internal-error");
    expect(body.detail).toBe("The server failed to answer; please try again later.");
    expect(JSON.stringify(body)).not.toMatch(/PUBLIC_URL|not a url|\.ts:\d|\bat \S+ \(/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/PUBLIC_URL must be an http\(s\) origin/);
  });
});
