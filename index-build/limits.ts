/**
 * Cloudflare Workers script-size limits (compressed upload), per plan. They are configuration:
 * override with PQSEARCH_SCRIPT_LIMIT_FREE / PQSEARCH_SCRIPT_LIMIT_PAID (bytes) when Cloudflare
 * changes them. Source: developers.cloudflare.com/workers/platform/limits/ (checked 2026-11-28).
 */
export interface ScriptLimits {
  freeGzipBytes: number;
  paidGzipBytes: number;
}

const MIB = 1024 * 1024;

function bytesFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`pqsearch: ${name} must be a whole number of bytes, found ${JSON.stringify(raw)}`);
  return value;
}

export function scriptLimits(): ScriptLimits {
  return {
    freeGzipBytes: bytesFromEnv("PQSEARCH_SCRIPT_LIMIT_FREE", 3 * MIB),
    paidGzipBytes: bytesFromEnv("PQSEARCH_SCRIPT_LIMIT_PAID", 10 * MIB),
  };
}
