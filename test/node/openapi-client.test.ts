/**
 * A client generated from the OpenAPI document (openapi-typescript types, openapi-fetch) cannot
 * build an out-of-range request: the types refuse a limit that is not a number, and the
 * parameters' JSON Schemas in the document, checked before the request is sent, refuse a number
 * out of bounds (that half runs against the Worker: test/worker/openapi-client.test.ts). The type
 * check runs tsc on a file written next to the generated types.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servedOpenApiDocument } from "../support/openapi-document";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = resolve(ROOT, "test-artifacts/openapi-client");

// openapi-typescript builds its output with TypeScript 5's compiler API, which the project's
// TypeScript 7 no longer ships: point its imports of `typescript` at the typescript5 package.
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === "typescript" && context.parentURL?.includes("/node_modules/openapi-typescript/"))
      return next("typescript5", context);
    return next(specifier, context);
  },
});

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Record<string, unknown>;
}
type Document = { paths: Record<string, { get: { parameters?: Parameter[] } }> };

let document: Document;
beforeAll(() => {
  document = servedOpenApiDocument() as Document;
});

// Written beside the generated `paths` and type-checked with the project's tsc: each
// expect-error directive must meet an error, or tsc fails. (Spelt through a constant: tsc would
// otherwise take the directives in this template for directives of this file.)
const EXPECT_ERROR = ["//", "@ts-expect-error"].join(" ");
const TYPECHECK = `import createClient from "openapi-fetch";
import type { paths } from "./api";

const client = createClient<paths>({ baseUrl: "https://pqsearch.invalid" });

export async function requests() {
  await client.GET("/v1/search", { params: { query: { q: "iran", limit: 10, offset: 0, from: "2021-09-15" } } });
  await client.GET("/v1/records/{id}", { params: { path: { id: "c7jocdcev5ac" } } });
  ${EXPECT_ERROR} limit is an integer, not text: the document once said string.
  await client.GET("/v1/search", { params: { query: { limit: "500" } } });
  ${EXPECT_ERROR} offset is an integer too.
  await client.GET("/v1/records", { params: { query: { offset: "ten" } } });
  ${EXPECT_ERROR} sort is one of relevance, newest or oldest.
  await client.GET("/v1/search", { params: { query: { sort: "best" } } });
  ${EXPECT_ERROR} an unknown parameter.
  await client.GET("/v1/search", { params: { query: { colour: "blue" } } });
  ${EXPECT_ERROR} /v1/records/{id} needs its id.
  await client.GET("/v1/records/{id}", { params: { path: {} } });
}
`;

describe("a client generated from the OpenAPI document", () => {
  it("refuses, at compile time, parameters of the wrong type", { timeout: 120_000 }, async () => {
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    mkdirSync(OUT, { recursive: true });
    writeFileSync(resolve(OUT, "api.d.ts"), astToString(await openapiTS(document as never)));
    writeFileSync(resolve(OUT, "typecheck.ts"), TYPECHECK);
    writeFileSync(
      resolve(OUT, "tsconfig.json"),
      JSON.stringify({
        // Only what the file needs (fetch's types from the DOM lib), so tsc stays quick.
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          lib: ["ES2022", "DOM"],
          module: "ESNext",
          moduleResolution: "Bundler",
          target: "ES2022",
        },
        files: ["typecheck.ts"],
      }),
    );
    const tsc = spawnSync(resolve(ROOT, "node_modules/.bin/tsc"), ["-p", resolve(OUT, "tsconfig.json")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });
});
