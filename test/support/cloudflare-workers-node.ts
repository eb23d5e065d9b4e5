/**
 * `cloudflare:workers` for tests that run the Worker's app in Node (the generated OpenAPI client,
 * the OpenAPI lint): the node project aliases the module here. Node has no bindings, and the
 * bundled collection those tests serve never reads one (only a sharded collection fetches assets
 * through `env.ASSETS`), so `env` is empty and a read of a missing binding fails loudly.
 */
export const env: Record<string, unknown> = new Proxy(
  {},
  {
    get(_target, name) {
      throw new Error(`cloudflare:workers under Node has no binding ${String(name)}; run this test in workerd`);
    },
  },
);
