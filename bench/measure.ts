/** Timing and memory helpers for the benchmark: medians and percentiles of repeated runs. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] as number;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Runs `work` `runs` times (after a collection) and returns the median milliseconds and the last result. */
export function timeMedian<T>(runs: number, work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const started = nowMs();
    result = work();
    times.push(nowMs() - started);
  }
  return { ms: median(times), result: result as T };
}

/** Needs `node --expose-gc` (npm run bench passes it); without it, memory figures are rougher. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/**
 * Clears the young generation (a scavenge: about a millisecond), so garbage one engine left does
 * not fall due inside another's timed calls. Needs `node --expose-gc`; a no-op without it.
 */
export function collectYoungGarbage(): void {
  const gc = (globalThis as { gc?: (options?: { type: "minor" | "major"; execution: "sync" }) => void }).gc;
  gc?.({ type: "minor", execution: "sync" });
}

export function heapUsedMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Heap a value keeps alive: heap after making it (and holding it) less heap before. */
export function retainedMiB<T>(make: () => T): { mib: number; value: T } {
  const before = heapUsedMiB();
  const value = make();
  const after = heapUsedMiB();
  return { mib: after - before, value };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
