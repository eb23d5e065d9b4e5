/**
 * Latency of a running server, seen from outside over loopback, two ways: sequential (one
 * keep-alive connection, one request at a time, so no queueing: each figure is one request's
 * round trip) and under load (autocannon, several connections). Both keep every response's own
 * time rather than autocannon's whole-millisecond histogram, so 1–3 ms answers stay readable.
 */
import { Agent, get } from "node:http";
import autocannon from "autocannon";
import { nowMs, percentile, round } from "./measure";

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not 2xx (a 429 from the rate limiter, say); their times are left out. */
  errors: number;
}

export interface SequentialFigures {
  /** Rotating over the search paths. */
  search: LatencySummary;
  /** /v1/meta: the same route, middleware and response path, but no search. */
  meta: LatencySummary;
}

export interface LoadFigures extends LatencySummary {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
}

function summarise(times: number[], errors: number): LatencySummary {
  times.sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(times, 50), 2),
    p99Ms: round(percentile(times, 99), 2),
    requests: times.length + errors,
    errors,
  };
}

/** One GET on `agent`'s single connection; resolves with its status once the body has arrived. */
function getOnce(agent: Agent, url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.once("end", () => done(response.statusCode ?? 0));
      response.once("error", fail);
    }).once("error", fail);
  });
}

async function timeSequentially(agent: Agent, urls: string[], requests: number): Promise<LatencySummary> {
  const times: number[] = [];
  let errors = 0;
  for (let run = 0; run < requests; run++) {
    const started = nowMs();
    const status = await getOnce(agent, urls[run % urls.length] as string);
    const ms = nowMs() - started;
    if (status >= 200 && status < 300) times.push(ms);
    else errors++;
  }
  return summarise(times, errors);
}

/**
 * `requests` warm requests each for the search paths and for /v1/meta, after `warmUp` rounds of
 * every one of them: warm means the isolate has answered each query before (its postings and its
 * hits' records read), which ten requests over twenty-one paths left true of only half.
 */
export async function measureSequential(
  origin: string,
  searchPaths: string[],
  requests = 200,
  warmUp = 2,
): Promise<SequentialFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const searches = searchPaths.map((path) => `${origin}${path}`);
    const meta = [`${origin}/v1/meta`];
    await timeSequentially(agent, [...searches, ...meta], warmUp * (searches.length + meta.length));
    return {
      search: await timeSequentially(agent, searches, requests),
      meta: await timeSequentially(agent, meta, requests),
    };
  } finally {
    agent.destroy();
  }
}

/** autocannon over the search paths; p50/p99 from every 2xx response's own time. */
export async function measureLoad(
  origin: string,
  searchPaths: string[],
  seconds: number,
  connections = 8,
): Promise<LoadFigures> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        requests: searchPaths.map((path) => ({ method: "GET", path })),
      },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
      else errors++;
    });
  });
  return {
    ...summarise(times, errors),
    errors: errors + result.errors,
    connections,
    seconds,
    requestsPerSecond: round(result.requests.average, 0),
  };
}
