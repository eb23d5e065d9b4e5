/**
 * The OpenAPI document exactly as the Worker serves it, asked of the app in Node (the build must
 * have run: the app imports src/generated). For the lint command and the generated-client test.
 * Node has no `cloudflare:workers`: under vitest the node project aliases it, and run directly
 * (`npm run lint:openapi`) a resolve hook points it at the same empty-bindings stub.
 */
import { registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

const STUB = pathToFileURL(new URL("./cloudflare-workers-node.ts", import.meta.url).pathname).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === "cloudflare:workers" ? { url: STUB, shortCircuit: true } : nextResolve(specifier, context),
});

/** `vars` stand in for wrangler.toml's; by default no PUBLIC_URL, so the server URL is "/". */
export async function servedOpenApiDocument(vars: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const { default: app } = await import("../../src/index");
  const response = await app.request("https://pqsearch.invalid/openapi.json", {}, vars);
  if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
  return response.json();
}
