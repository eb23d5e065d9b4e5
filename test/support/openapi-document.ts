/**
 * The OpenAPI document exactly as the Worker serves it, asked of the app in Node (the build must
 * have run: the app imports src/generated). For the lint command and the generated-client test.
 */
import app from "../../src/index";

/** `vars` stand in for wrangler.toml's; by default no PUBLIC_URL, so the server URL is "/". */
export async function servedOpenApiDocument(vars: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await app.request("https://pqsearch.invalid/openapi.json", {}, vars);
  if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
  return response.json();
}
