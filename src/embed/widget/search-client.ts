/**
 * Asks the service for results, one request at a time. Typing while a request is in flight does
 * not start another: the newest query waits and is sent when the answer comes back, and an answer
 * for a query that has since changed is never shown. So a slow service or a slow machine costs a
 * request per pause in typing, not per keystroke. Each failure is told apart (the service failing,
 * rate limiting with its Retry-After, the browser offline, the connection dropped), because each
 * asks the visitor for something different.
 */
import type { SearchResponse } from "../../schema/search";

export type Outcome =
  | { kind: "results"; body: SearchResponse }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "unavailable"; status: number }
  | { kind: "offline" }
  | { kind: "dropped" };

/** Past this, a request counts as dropped: the visitor is better told than left waiting. */
const TIMEOUT_MS = 15_000;
/** Answers kept for going back over words already typed (backspacing, retyping). */
const CACHED = 24;
const DEFAULT_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 300;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), kept within sensible bounds. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const value = header?.trim() ?? "";
  let seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - now) / 1000);
  if (!Number.isFinite(seconds)) seconds = DEFAULT_RETRY_SECONDS;
  return Math.min(MAX_RETRY_SECONDS, Math.max(1, seconds));
}

/**
 * Written against what browsers and Workers' types share (a Node test imports this file under
 * the Workers types, which lack `credentials` and `navigator.onLine`).
 */
const NO_CREDENTIALS = { credentials: "omit" } as const;
const offline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

async function fetchOutcome(url: string, signal: AbortSignal): Promise<Outcome> {
  let response: Response;
  try {
    const init: RequestInit = { ...NO_CREDENTIALS, signal, headers: { Accept: "application/json" } };
    response = await fetch(url, init);
  } catch {
    return offline() ? { kind: "offline" } : { kind: "dropped" };
  }
  if (response.status === 429) {
    return { kind: "rate-limited", retryAfterSeconds: retryAfterSeconds(response.headers.get("Retry-After")) };
  }
  if (!response.ok) return { kind: "unavailable", status: response.status };
  try {
    const body = (await response.json()) as SearchResponse;
    if (!Array.isArray(body?.hits) || typeof body.total !== "number") return { kind: "unavailable", status: 200 };
    return { kind: "results", body };
  } catch {
    // The body stopped arriving (or was not JSON): for the visitor, the connection dropped.
    return offline() ? { kind: "offline" } : { kind: "dropped" };
  }
}

export interface SearchClientEvents {
  /** The answer for `url`, which is still the one wanted. */
  answer(url: string, outcome: Outcome): void;
  /** A request started (true) or every request is over (false). */
  busy(busy: boolean): void;
}

interface InFlight {
  url: string;
  controller: AbortController;
  cancelled: boolean;
}

export class SearchClient {
  /** The URL whose answer the visitor wants now; null after `cancel`. */
  private latest: string | null = null;
  /** The newest URL asked for while another request was out: sent when it returns. */
  private pending: string | null = null;
  private inFlight: InFlight | null = null;
  private readonly cache = new Map<string, Outcome>();

  constructor(private readonly events: SearchClientEvents) {}

  /** Wants the answer for `url`; `fresh` skips the cache (a retry). */
  request(url: string, fresh = false): void {
    this.latest = url;
    const cached = fresh ? undefined : this.cache.get(url);
    if (cached) {
      // Whatever is out keeps going (aborting would not save the server the work); its answer is dropped.
      this.pending = null;
      this.events.busy(false);
      this.events.answer(url, cached);
    } else if (this.inFlight) {
      this.pending = this.inFlight.url === url && !fresh ? null : url;
    } else {
      void this.send(url);
    }
  }

  /** Forgets what was wanted and stops the request in flight, if any. */
  cancel(): void {
    this.latest = null;
    this.pending = null;
    if (!this.inFlight) return;
    this.inFlight.cancelled = true;
    this.inFlight.controller.abort();
    this.inFlight = null;
    this.events.busy(false);
  }

  private async send(url: string): Promise<void> {
    const entry: InFlight = { url, controller: new AbortController(), cancelled: false };
    this.inFlight = entry;
    this.events.busy(true);
    const timer = setTimeout(() => entry.controller.abort(), TIMEOUT_MS);
    const outcome = await fetchOutcome(url, entry.controller.signal);
    clearTimeout(timer);
    if (outcome.kind === "results") this.remember(url, outcome);
    if (entry.cancelled) return;
    this.inFlight = null;
    const next = this.pending;
    this.pending = null;
    if (url === this.latest) {
      this.events.busy(false);
      this.events.answer(url, outcome);
    } else if (next !== null && next === this.latest) {
      // The query changed while this one was out: its answer is stale. Ask for the newest instead.
      void this.send(next);
    } else {
      this.events.busy(false);
    }
  }

  private remember(url: string, outcome: Outcome): void {
    this.cache.delete(url);
    this.cache.set(url, outcome);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value as string);
  }
}
