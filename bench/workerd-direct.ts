/**
 * The Worker's own HTTP cost: the dry-run bundle served by `workerd serve` on loopback, with no
 * wrangler proxy hop and no rate limiter in front (bench/workerd-serve.ts). The same search paths
 * as the wrangler dev figures, one connection at a time and under load; for a sharded collection
 * ASSETS is the built asset directory on disk.
 */
import { join } from "node:path";
import { type LoadFigures, measureLoad, measureSequential, type SequentialFigures } from "./http-latency";
import { startWorkerd } from "./workerd-serve";

export interface WorkerdDirect {
  sequential: SequentialFigures;
  load: LoadFigures;
}

/** `bundleDir` holds the dry-run's index.js; `assetsDir` is bound as ASSETS when given. */
export async function measureWorkerdDirect(
  bundleDir: string,
  searchPaths: string[],
  seconds: number,
  assetsDir?: string,
): Promise<WorkerdDirect> {
  const server = await startWorkerd(join(bundleDir, "index.js"), { assetsDir });
  try {
    const sequential = await measureSequential(server.url, searchPaths);
    return { sequential, load: await measureLoad(server.url, searchPaths, seconds) };
  } finally {
    server.stop();
  }
}
