/**
 * Compiles the request schemas (zod/mini, src/schema) into plain JavaScript validators, written
 * by `npm run build` to src/generated/validators.js: the Worker checks a valid request with them
 * and constructs no zod schema at start-up (nor imports zod); only an invalid request loads the
 * schema, whose issues word the 400. Each validator returns what the schema's parse would (its
 * output, defaults filled in) or INVALID, key for key as zod 4 does it (optional and defaulted
 * keys: zod's `handlePropertyResult`); test/node/validators.test.ts checks that on generated
 * requests. What the compiler does not know, it refuses: the build fails naming it.
 */
import type * as z from "zod/mini";
import * as rules from "../src/schema/rules";

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: Schema[] };

// How OBJECT_HELPER treats a key (zod's handlePropertyResult, key by key).
/** Absent, the key is skipped: its schema is optional in and out. */
const SKIP_ABSENT = 1;
/** Absent, a failure of its schema drops the key instead of refusing the object. */
const FORGIVE_ABSENT = 2;
/** Absent, the key refuses the object. */
const REQUIRED = 4;
/** An undefined result is kept as a key even when the key was absent (a default stood in for it). */
const KEEP_UNDEFINED = 8;

/** Parses an object by its key table; `strict` refuses keys the table does not name. */
const OBJECT_HELPER = `function object(v, keys, strict) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return INVALID;
  const out = {};
  for (const [k, parse, flags] of keys) {
    const given = k in v;
    if (flags & ${SKIP_ABSENT} && !given) continue;
    const r = parse(v[k]);
    if (r === INVALID) {
      if (flags & ${FORGIVE_ABSENT} && !given) continue;
      return INVALID;
    }
    if (flags & ${REQUIRED} && !given) return INVALID;
    if (r !== undefined) out[k] = r;
    else if (flags & ${KEEP_UNDEFINED} || given) out[k] = undefined;
  }
  if (strict) for (const k in v) if (!keys.some((entry) => entry[0] === k)) return INVALID;
  return out;
}`;

const RULE_NAMES = new Map<unknown, string>(Object.entries(rules).map(([name, fn]) => [fn, name]));

class Compiler {
  private readonly functions: string[] = [];
  private readonly compiled = new Map<Schema, string>();
  /** Function names by body: schemas that parse alike (every repeatable parameter) share one. */
  private readonly byBody = new Map<string, string>();
  /** The objects' key tables, by text: objects with the same keys and validators share one. */
  readonly tables = new Map<string, string>();
  readonly usedRules = new Set<string>();

  /** The name of the generated function that parses values as `schema` does. */
  compile(schema: Schema): string {
    const known = this.compiled.get(schema);
    if (known) return known;
    const def = schema._zod.def as Def;
    const body = [...this.parse(def), ...this.checks(def), "return v;"].join("\n  ");
    let name = this.byBody.get(body);
    if (!name) {
      name = `v${this.byBody.size}`;
      this.byBody.set(body, name);
      this.functions.push(`function ${name}(v) {\n  ${body}\n}`);
    }
    this.compiled.set(schema, name);
    return name;
  }

  source(): string {
    const tables = [...this.tables].map(([table, name]) => `const ${name} = ${table};`);
    return [...this.functions, ...tables].join("\n");
  }

  private rule(fn: unknown, what: string): string {
    const name = RULE_NAMES.get(fn);
    if (!name)
      throw new Error(`pqsearch validators: a ${what} calls a function that src/schema/rules.ts does not export`);
    this.usedRules.add(name);
    return name;
  }

  private parse(def: Def): string[] {
    const inner = (key: string) => this.compile(def[key] as Schema);
    switch (def.type) {
      case "string":
        return ['if (typeof v !== "string") return INVALID;'];
      case "number": {
        const lines = ['if (typeof v !== "number" || !Number.isFinite(v)) return INVALID;'];
        if (def.check === "number_format") {
          if (def.format !== "safeint") throw new Error(`pqsearch validators: number format ${def.format}`);
          lines.push("if (!Number.isSafeInteger(v)) return INVALID;");
        }
        return lines;
      }
      case "boolean":
        return ['if (typeof v !== "boolean") return INVALID;'];
      case "enum": {
        const values = Object.values(def.entries as Record<string, string | number>);
        return [`if (${values.map((value) => `v !== ${JSON.stringify(value)}`).join(" && ")}) return INVALID;`];
      }
      case "transform":
        return [`v = ${this.rule(def.transform, "transform")}(v);`];
      case "pipe":
        return [
          `v = ${inner("in")}(v);`,
          "if (v === INVALID) return INVALID;",
          `v = ${inner("out")}(v);`,
          "if (v === INVALID) return INVALID;",
        ];
      case "optional": {
        if (def.checks?.length) throw new Error("pqsearch validators: checks on an optional schema");
        const innerType = def.innerType as Schema;
        const absent =
          innerType._zod.optin === "defaulted"
            ? `if (v === undefined) { const r = ${inner("innerType")}(v); return r === INVALID ? undefined : r; }`
            : "if (v === undefined) return undefined;";
        return [absent, `v = ${inner("innerType")}(v);`, "if (v === INVALID) return INVALID;"];
      }
      case "default": {
        const fallback = literal(def.defaultValue);
        return [
          `if (v === undefined) v = ${fallback};`,
          `else { v = ${inner("innerType")}(v); if (v === INVALID) return INVALID; if (v === undefined) v = ${fallback}; }`,
        ];
      }
      case "array": {
        const element = inner("element");
        return [
          "if (!Array.isArray(v)) return INVALID;",
          "const out = [];",
          `for (let i = 0; i < v.length; i++) { const r = ${element}(v[i]); if (r === INVALID) return INVALID; out.push(r); }`,
          "v = out;",
        ];
      }
      case "object":
        return this.object(def);
      default:
        throw new Error(`pqsearch validators: cannot compile a ${def.type} schema`);
    }
  }

  /**
   * An object's keys, as zod's `handlePropertyResult` keeps or drops them, and its unknown keys:
   * a table of key, validator and the flags of OBJECT_HELPER, read by that one helper, so that
   * each key of each request costs a table entry rather than its own lines of code.
   */
  private object(def: Def): string[] {
    const shape = (def.shape ?? {}) as Record<string, Schema>;
    const entries = Object.entries(shape).map(([key, field]) => {
      const { optin, optout } = field._zod;
      let flags = 0;
      if (optin === "optional" && optout === "optional") flags |= SKIP_ABSENT;
      // An absent key whose schema fails is dropped, not refused, when it may be absent and may come out absent.
      if (optin !== undefined && optout === "optional") flags |= FORGIVE_ABSENT;
      if (optin === undefined) flags |= REQUIRED;
      // An undefined result is kept as a key when the key was given, or when a default stood in for it.
      if (optin === "defaulted" && optout !== "optional") flags |= KEEP_UNDEFINED;
      return `[${JSON.stringify(key)}, ${this.compile(field)}, ${flags}]`;
    });
    const catchall = def.catchall as Schema | undefined;
    if (catchall && catchall._zod.def.type !== "never")
      throw new Error("pqsearch validators: an object with a catchall schema");
    const table = `[${entries.join(", ")}]`;
    let name = this.tables.get(table);
    if (!name) {
      name = `K${this.tables.size}`;
      this.tables.set(table, name);
    }
    return [`v = object(v, ${name}, ${catchall ? "true" : "false"});`, "if (v === INVALID) return INVALID;"];
  }

  /** A schema's own checks, in order, on its parsed value. */
  private checks(def: Def): string[] {
    const lines: string[] = [];
    for (const check of def.checks ?? []) {
      const c = check._zod.def as Def & { check: string };
      switch (c.check) {
        case "overwrite":
          lines.push(`v = ${this.rule(c.tx, "check that rewrites a value")}(v);`);
          break;
        case "min_length":
          lines.push(`if (v.length < ${c.minimum}) return INVALID;`);
          break;
        case "max_length":
          lines.push(`if (v.length > ${c.maximum}) return INVALID;`);
          break;
        case "greater_than":
          lines.push(`if (v ${c.inclusive ? "<" : "<="} ${c.value}) return INVALID;`);
          break;
        case "less_than":
          lines.push(`if (v ${c.inclusive ? ">" : ">="} ${c.value}) return INVALID;`);
          break;
        case "string_format": {
          const pattern = c.pattern as RegExp;
          if (c.format !== "regex" || pattern.flags !== "")
            throw new Error(`pqsearch validators: string format ${c.format}`);
          lines.push(`if (!${pattern}.test(v)) return INVALID;`);
          break;
        }
        case "custom":
          if (typeof c.fn !== "function" || c.when)
            throw new Error("pqsearch validators: a custom check that is not a z.refine of a named rule");
          lines.push(`if (!${this.rule(c.fn, "refinement")}(v)) return INVALID;`);
          break;
        case "meta":
        case "describe":
          break;
        default:
          throw new Error(`pqsearch validators: cannot compile a ${c.check} check`);
      }
    }
    return lines;
  }
}

function literal(value: unknown): string {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return JSON.stringify(value);
  throw new Error(`pqsearch validators: a default of ${JSON.stringify(value)}; only a string, number, boolean or null`);
}

/** The module: `validators`, one per entry of `schemas` under the same name, and `INVALID`. */
export function emitValidatorsModule(schemas: Record<string, Schema>): string {
  const compiler = new Compiler();
  const entries = Object.entries(schemas).map(([name, schema]) => `  ${name}: ${compiler.compile(schema)},`);
  const imports = [...compiler.usedRules].sort().join(", ");
  return `// Generated by index-build (npm run build) from src/schema. Do not edit; do not commit.
import { ${imports} } from "../schema/rules";

/** What a validator returns for a value its schema refuses. */
export const INVALID = Symbol("invalid");

${OBJECT_HELPER}

${compiler.source()}

export const validators = {
${entries.join("\n")}
};
`;
}
