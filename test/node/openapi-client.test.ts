/**
 * A client generated from the OpenAPI document (openapi-typescript types, openapi-fetch) cannot
 * build an out-of-range request: the types refuse a limit that is not a number, and the
 * parameters' JSON Schemas in the document, checked before the request is sent, refuse a number
 * out of bounds. The type check runs tsc on a file written next to the generated types.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { resolve } from "node:path";
import createClient, { type Middleware } from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import app from "../../src/index";
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
beforeAll(async () => {
  document = (await servedOpenApiDocument()) as Document;
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

  it("refuses, before sending, a limit outside the bounds the document gives", async () => {
    // Each operation's query parameters, as zod schemas made from the document's JSON Schemas.
    const validators = new Map<string, Map<string, z.ZodType>>();
    for (const [path, item] of Object.entries(document.paths)) {
      const query = new Map<string, z.ZodType>();
      for (const param of item.get.parameters ?? [])
        if (param.in === "query") query.set(param.name, z.fromJSONSchema(param.schema as never));
      validators.set(path, query);
    }
    const sent: string[] = [];
    const client = createClient<Record<string, never>>({
      baseUrl: "https://pq.test",
      fetch: async (request: Request) => {
        sent.push(request.url);
        return app.fetch(request, { CACHE_MAX_AGE: "300" });
      },
    });
    const checkQuery: Middleware = {
      onRequest({ schemaPath, params }) {
        for (const [name, value] of Object.entries(params.query ?? {})) {
          const schema = validators.get(schemaPath)?.get(name);
          if (!schema) throw new Error(`${schemaPath} takes no parameter ${name}`);
          const checked = schema.safeParse(value);
          if (!checked.success) throw new Error(`${name}: ${checked.error.issues[0]?.message}`);
        }
      },
    };
    client.use(checkQuery);
    // biome-ignore lint/suspicious/noExplicitAny: the typed calls are checked above; here the values are the point.
    const get = client.GET as (path: string, init: unknown) => Promise<{ response: Response; data?: any }>;

    const answered = await get("/v1/search", { params: { query: { q: "iran", limit: 5 } } });
    expect(answered.response.status).toBe(200);
    expect(answered.data.hits).toHaveLength(5);
    for (const limit of [1, 50])
      expect((await get("/v1/search", { params: { query: { limit } } })).response.ok).toBe(true);
    for (const limit of [0, 51, 500, 2.5]) {
      await expect(get("/v1/search", { params: { query: { limit } } }), String(limit)).rejects.toThrow(/^limit: /);
    }
    await expect(get("/v1/records", { params: { query: { limit: 101 } } })).rejects.toThrow(/^limit: /);
    await expect(get("/v1/suggest", { params: { query: { q: "inq", limit: 21 } } })).rejects.toThrow(/^limit: /);
    await expect(get("/v1/search", { params: { query: { offset: 1000 } } })).rejects.toThrow(/^offset: /);
    await expect(get("/v1/search", { params: { query: { from: "15/09/2021" } } })).rejects.toThrow(/^from: /);
    expect(sent).toHaveLength(3);
  });
});
