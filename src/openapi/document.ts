/**
 * The OpenAPI 3.1 document of the JSON API, made from the operations' zod schemas by zod's own
 * JSON Schema converter (`z.toJSONSchema`): OpenAPI 3.1 schemas are JSON Schema 2020-12. Every
 * schema registered with an id is a component, referenced where it is used; parameters are the
 * properties of a route's query or path schema, read as the client sends them (`io: "input"`).
 * Run by the build, which writes the document into src/generated/assets/openapi.json with its build id and
 * server URL left as slots for the Worker (slots.ts).
 */
import * as z from "zod/mini";
import { OPERATIONS, type Operation } from "./operations";
import { SERVER_URL_SLOT, VERSION_SLOT } from "./slots";

type Json = Record<string, unknown>;

const COMPONENTS = "#/components/schemas/";

/** The operations' tags, in the order a reader meets them. */
export const TAGS = [
  { name: "search", description: "Full-text search and search-as-you-type." },
  { name: "records", description: "Whole records: one by id, or a filtered listing." },
  { name: "collection", description: "What the collection holds and what its filters accept." },
  { name: "research", description: "Answer groups (the same answer to many questions), related questions, citations." },
];

const DESCRIPTION = [
  "Full-text search over UK parliamentary written questions and answers.",
  "The API is public and read-only: no key, account or cookie, so no operation has a security requirement.",
  "Each client IP may send only so many requests a minute; past that, answers are 429 with `Retry-After`.",
  "Errors are RFC 9457 problem details (`application/problem+json`) whose `type` is `urn:pqsearch:problem:<name>`.",
].join(" ");

/**
 * What the converter writes that the document should not say: `param` is our metadata for the
 * parameter object, not a JSON Schema keyword; a whole number's safe-integer bounds say nothing a
 * client needs; and an answer's object may gain properties, so only a strict object (which
 * refuses unknown keys) closes itself with `additionalProperties: false`. A tuple whose places all
 * hold the same schema (a [start, end) range) is an array of that schema with a fixed length: the
 * same values, written as Spectral's array-items rule wants (`items` a schema, not `false`).
 */
function tidy({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Json }): void {
  delete jsonSchema.param;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  const def = zodSchema._zod.def as { type: string; catchall?: z.core.$ZodType };
  if (def.type === "object" && jsonSchema.additionalProperties === false && def.catchall?._zod.def.type !== "never")
    delete jsonSchema.additionalProperties;
  const places = jsonSchema.prefixItems as Json[] | undefined;
  if (def.type === "tuple" && jsonSchema.items === false && places?.length) {
    const [first, ...rest] = places.map((place) => JSON.stringify(place));
    if (rest.every((place) => place === first)) {
      delete jsonSchema.prefixItems;
      jsonSchema.items = places[0];
    }
  }
}

/** Every schema registered with an id, as a component; those no operation reaches are dropped later. */
function componentSchemas(): Map<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    uri: (id) => `${COMPONENTS}${id}`,
    override: tidy as never,
    // Schemas registered by other code in the same process (the build's own) may hold transforms.
    unrepresentable: "any",
  });
  const components = new Map<string, Json>();
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _uri, ...component } = schema as Json;
    components.set(id, component);
  }
  return components;
}

/** A schema written in place; what it nests that is a component becomes a reference to it. */
function inline(schema: z.core.$ZodType, io: "input" | "output"): Json {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", io, override: tidy as never }) as Json;
  const defs = (converted.$defs ?? {}) as Record<string, Json>;
  for (const id of Object.keys(defs))
    if (!z.globalRegistry._idmap.has(id)) throw new Error(`pqsearch openapi: ${id} is not a registered schema`);
  // A root with an id of its own is converted as a reference to its definition.
  const rootId = z.globalRegistry.get(schema)?.id;
  const { $schema: _dialect, $defs: _defs, ...json } = rootId && defs[rootId] ? defs[rootId] : converted;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Json;
}

/** A response body: a reference when the schema is a component, else written in place. */
function body(schema: z.core.$ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `${COMPONENTS}${id}` } : inline(schema, "output");
}

/**
 * `json` with every component it references written out in place, so that a parameter's schema
 * is whole on its own: a client can check a value against it without the rest of the document.
 */
function dereferenced(json: unknown, components: Map<string, Json>): unknown {
  if (Array.isArray(json)) return json.map((item) => dereferenced(item, components));
  if (!json || typeof json !== "object") return json;
  const { $ref, ...rest } = json as Json;
  const out: Json = {};
  if (typeof $ref === "string" && $ref.startsWith(COMPONENTS)) {
    const component = components.get($ref.slice(COMPONENTS.length));
    if (!component) throw new Error(`pqsearch openapi: nothing defines ${$ref}`);
    Object.assign(out, dereferenced(component, components));
  } else if ($ref !== undefined) out.$ref = $ref;
  for (const [key, value] of Object.entries(rest)) out[key] = dereferenced(value, components);
  return out;
}

/** One parameter per property of a route's query or path schema, as OpenAPI's parameter objects. */
function parameters(schema: z.core.$ZodType, where: "query" | "path", components: Map<string, Json>): Json[] {
  const object = inline(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  const shape = (schema as z.ZodMiniObject).shape;
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const meta = z.globalRegistry.get(shape[name] as z.core.$ZodType) ?? {};
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(typeof meta.description === "string" ? { description: meta.description } : {}),
      ...((meta.param as Json | undefined) ?? {}),
      schema: dereferenced(property, components),
    };
  });
}

function operationObject(operation: Operation, components: Map<string, Json>): Json {
  const { query, params } = operation.request ?? {};
  const parameterList = [
    ...(params ? parameters(params, "path", components) : []),
    ...(query ? parameters(query, "query", components) : []),
  ];
  const responses: Record<string, Json> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    const { content, ...rest } = response as { content?: Record<string, Json & { schema: z.core.$ZodType }> };
    responses[status] = content
      ? {
          ...rest,
          content: Object.fromEntries(
            Object.entries(content).map(([type, media]) => [type, { ...media, schema: body(media.schema) }]),
          ),
        }
      : rest;
  }
  return {
    operationId: operation.operationId,
    tags: operation.tags,
    security: operation.security,
    summary: operation.summary,
    description: operation.description,
    ...(parameterList.length ? { parameters: parameterList } : {}),
    responses,
  };
}

/** The components the paths reference, directly or through each other, in the order first met. */
function reachable(paths: Json, components: Map<string, Json>): Record<string, Json> {
  const kept = new Map<string, Json>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value)) {
        if (key === "$ref" && typeof item === "string" && item.startsWith(COMPONENTS)) {
          const id = item.slice(COMPONENTS.length);
          const component = components.get(id);
          if (!component) throw new Error(`pqsearch openapi: nothing defines ${item}`);
          if (!kept.has(id)) {
            kept.set(id, component);
            visit(component);
          }
        } else visit(item);
      }
  };
  visit(paths);
  return Object.fromEntries(kept);
}

/** The document, its version and server URL still slots. */
export function openApiDocument(): Json {
  const components = componentSchemas();
  const paths: Json = {};
  for (const operation of OPERATIONS)
    paths[operation.path] = { [operation.method]: operationObject(operation, components) };
  return {
    openapi: "3.1.0",
    info: {
      title: "pqsearch",
      version: VERSION_SLOT,
      description: DESCRIPTION,
      license: { name: "MIT", url: "https://spdx.org/licenses/MIT.html" },
      contact: { name: "pqsearch maintainers" },
    },
    // Relative when no public origin is configured: it resolves against wherever this was fetched.
    servers: [{ url: SERVER_URL_SLOT, description: "This service." }],
    tags: TAGS,
    paths,
    components: { schemas: reachable(paths, components) },
  };
}
