/**
 * The HTTP client every fetch request goes through, polite and persistent: at most `concurrency`
 * requests in flight; at most `requestBudget` sent in a run (retries count); a timeout on each;
 * retries with exponential backoff and jitter on 429, 5xx, timeouts and dropped connections;
 * `Retry-After` honoured, and a 429 pauses every request, not just the one that got it. Whatever
 * it cannot recover from becomes a FetchError naming the request.
 */

import { backoffMs, retryAfterMs } from "./backoff";
import type { ApiSettings } from "./config";
import { FetchError } from "./fetch-error";

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const USER_AGENT = "pqsearch-fetch (a search site for written questions; npm run fetch)";

export interface ClientStats {
  /** Requests sent, retries included. */
  requests: number;
  retries: number;
  /** Milliseconds spent waiting before retries. */
  waitedMs: number;
  /** Why requests were retried: reason → count. */
  retryReasons: Map<string, number>;
}

export interface ClientHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each retry before its wait, for the CLI's log. */
  onRetry?: (request: string, reason: string, waitMs: number) => void;
}

export type JsonAnswer = { status: 200; body: unknown } | { status: 404 };

/** What went wrong with one attempt: retried if `retry`, reported as `reason` either way. */
interface Failure {
  retry: boolean;
  reason: string;
  waitMs?: number | null;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function networkReason(error: unknown, timeoutSeconds: number): string {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return `timed out after ${timeoutSeconds} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || /terminated|other side closed/i.test(String(error)))
    return "connection dropped";
  return `network error (${cause?.message ?? (error as Error).message ?? String(error)})`;
}

function describeBody(text: string): string {
  try {
    const problem = JSON.parse(text) as { title?: unknown; detail?: unknown };
    const parts = [problem.title, problem.detail].filter((part) => typeof part === "string" && part);
    if (parts.length > 0) return parts.join(": ");
  } catch {}
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine ? JSON.stringify(oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine) : "an empty body";
}

export class ApiClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, waitedMs: 0, retryReasons: new Map() };
  private readonly baseUrl: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** Set by a 429: no request starts before this time. */
  private pausedUntil = 0;

  constructor(
    private readonly settings: ApiSettings,
    private readonly hooks: ClientHooks = {},
  ) {
    this.baseUrl = settings.baseUrl.replace(/\/+$/, "");
    this.sleep = hooks.sleep ?? sleepFor;
    this.random = hooks.random ?? Math.random;
  }

  /** The full URL of an API path, as messages name it. */
  urlOf(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** GETs `path` and parses its JSON; a 404 is an answer, not an error (the caller decides). */
  async getJson(path: string): Promise<JsonAnswer> {
    await this.acquire();
    try {
      return await this.withRetries(path);
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.settings.concurrency) {
      this.inFlight++;
      return;
    }
    // The releasing request hands its slot straight over, so inFlight never exceeds the bound.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  private async withRetries(path: string): Promise<JsonAnswer> {
    const request = `GET ${this.urlOf(path)}`;
    const maxWaitMs = this.settings.maxRetryWaitSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await this.sleep(pause);
      const outcome = await this.attempt(path);
      if (!("retry" in outcome)) return outcome;
      if (!outcome.retry) throw new FetchError("unexpected", `${request}: ${outcome.reason}`);
      if (attempt >= this.settings.retries) {
        const tries = `after ${attempt + 1} attempt(s)`;
        if (/^\d/.test(outcome.reason))
          throw new FetchError(
            "unreachable",
            `${request}: the API kept answering ${outcome.reason} ${tries}; try again later`,
          );
        throw new FetchError("unreachable", `${request}: the API could not be reached ${tries} (${outcome.reason})`);
      }
      const backoff = backoffMs(attempt, this.settings.retryBaseSeconds * 1000, maxWaitMs, this.random);
      const asked = outcome.waitMs ?? null;
      if (asked !== null && asked > maxWaitMs)
        throw new FetchError(
          "unreachable",
          `${request}: the API asked to wait ${Math.ceil(asked / 1000)} s before retrying (${outcome.reason}), longer than collection.api.maxRetryWaitSeconds; run the fetch again later`,
        );
      const waitMs = asked ?? backoff;
      if (outcome.reason.startsWith("429")) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
      this.stats.retries++;
      this.stats.waitedMs += waitMs;
      this.stats.retryReasons.set(outcome.reason, (this.stats.retryReasons.get(outcome.reason) ?? 0) + 1);
      this.hooks.onRetry?.(request, outcome.reason, waitMs);
      await this.sleep(waitMs);
    }
  }

  private async attempt(path: string): Promise<JsonAnswer | Failure> {
    if (this.stats.requests >= this.settings.requestBudget)
      throw new FetchError(
        "budget",
        `the request budget of ${this.settings.requestBudget} (collection.api.requestBudget) is used up; what was fetched is saved: run the fetch again to go on`,
      );
    this.stats.requests++;
    let response: Response;
    let text: string;
    try {
      // The timeout covers the body too: a server that stops sending mid-page is a timeout.
      response = await fetch(this.urlOf(path), {
        headers: { accept: "application/json", "user-agent": USER_AGENT },
        signal: AbortSignal.timeout(this.settings.timeoutSeconds * 1000),
      });
      text = await response.text();
    } catch (error) {
      return { retry: true, reason: networkReason(error, this.settings.timeoutSeconds) };
    }
    const status = `${response.status} ${response.statusText}`.trim();
    if (RETRYABLE_STATUSES.has(response.status))
      return { retry: true, reason: status, waitMs: retryAfterMs(response.headers.get("retry-after")) };
    if (response.status === 404) return { status: 404 };
    if (response.status !== 200) return { retry: false, reason: `the API answered ${status}: ${describeBody(text)}` };
    try {
      return { status: 200, body: JSON.parse(text) };
    } catch (error) {
      // A body cut short without an error from the socket (the server closed early) reads as
      // JSON that ends too soon: that is a dropped connection, and worth another try.
      if (/end of JSON input|Unterminated string/i.test((error as Error).message))
        return { retry: true, reason: "connection dropped" };
      return { retry: false, reason: `the API answered something that is not JSON: ${describeBody(text)}` };
    }
  }
}
