/**
 * The query string, read once at the edge by one rule. Before any route sees it, it is decoded as
 * the WHATWG URL standard decodes forms (`URLSearchParams`: `+` is a space, a malformed escape
 * such as `%FF` becomes U+FFFD), every name and value is put in Unicode NFC (so a decomposed
 * `e` + U+0301 is the same text as `é`), and the request continues with the query re-encoded from
 * that. The API's validators, the pages and /embed then all read the same, well-formed text.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";

/** The canonical form of a query string (without its `?`). */
export function canonicalQuery(search: string): string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of new URLSearchParams(search)) pairs.push([name.normalize("NFC"), value.normalize("NFC")]);
  return new URLSearchParams(pairs).toString();
}

export function canonicalQueryString(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.search) {
      const canonical = canonicalQuery(url.search);
      if (canonical !== url.search.slice(1)) {
        url.search = canonical;
        // Routing is already done and reads the path only; only the query changes.
        c.req.raw = new Request(url, c.req.raw);
      }
    }
    return next();
  };
}

/**
 * The query string as zod sees it: repeated names become lists; names come from users, so they
 * go in a null-prototype object (`__proto__` is an ordinary name). With `dropEmpty` (the HTML
 * form, which sends `from=&to=` for date boxes left blank), empty values other than `q` mean
 * "not given".
 */
export function queryObject(url: URL, options: { dropEmpty?: boolean } = {}): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const name of new Set(url.searchParams.keys())) {
    let values = url.searchParams.getAll(name);
    if (options.dropEmpty) values = values.filter((value) => value !== "" || name === "q");
    if (values.length === 0) continue;
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}
