/**
 * A partner's website for the browser tests: serves examples/ from its own loopback port (so a
 * different origin from the service), with the service's origin swapped in for `npm start`'s.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, resolve } from "node:path";

export interface PartnerServer {
  url: string;
  stop(): Promise<void>;
}

const EXAMPLES = resolve(import.meta.dirname, "../../examples");
/** The service origin written in the examples: `npm start`'s. */
const EXAMPLE_SERVICE_ORIGIN = "http://127.0.0.1:8787";
const TYPES = new Map([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
]);
const FILES = new Set(["partner.html", "partner.css"]);

export async function startPartnerServer(serviceOrigin: string): Promise<PartnerServer> {
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? "/", "http://partner").pathname.slice(1) || "partner.html";
    if (name === "favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    if (!FILES.has(name)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end(`no ${name} here`);
      return;
    }
    const text = (await readFile(resolve(EXAMPLES, name), "utf8")).replaceAll(EXAMPLE_SERVICE_ORIGIN, serviceOrigin);
    response.writeHead(200, { "Content-Type": TYPES.get(extname(name)) ?? "text/plain", "Cache-Control": "no-store" });
    response.end(text);
  });
  // Port 0: the OS picks a free port, so parallel test runs never collide.
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
