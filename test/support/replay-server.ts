/**
 * A stand-in for the written-questions API on loopback, for the fetch's tests: it serves saved
 * questions through the API's two endpoints with the API's paging (skip/take, take defaulting to
 * 20), its filters as the OpenAPI description documents them, its member expansion, and the list
 * endpoint's cuts (a question known only in full is listed cut the way the list endpoint cuts). On
 * request it misbehaves as a real server does: 429 with Retry-After, 5xx bursts, no answer at all,
 * a connection dropped mid-page, or a shape nobody documented. It never listens beyond 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A question the server knows: how the list endpoint shows it, and in full if it has that. */
export interface ReplayQuestion {
  id: number;
  /** The list endpoint's copy (texts cut); derived from `single` when absent. */
  list?: Record<string, unknown>;
  /** The single-question endpoint's copy (full HTML texts); that endpoint answers 404 without it. */
  single?: Record<string, unknown>;
}

export type Fault =
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "timeout" }
  | { kind: "drop" }
  | { kind: "body"; body: string };

/** Answers the next `times` requests whose path and query match `match` with `fault`. */
export interface FaultRule {
  match?: RegExp;
  times: number;
  fault: Fault;
}

export interface LoggedRequest {
  n: number;
  url: string;
  at: number;
  fault?: Fault["kind"];
  status: number;
}

// The parameters each endpoint documents (see index-build/fetch/api-query.ts for the source).
const LIST_PARAMETERS = new Set([
  "askingMemberId",
  "answeringMemberId",
  "tabledWhenFrom",
  "tabledWhenTo",
  "answered",
  "answeredWhenFrom",
  "answeredWhenTo",
  "questionStatus",
  "includeWithdrawn",
  "expandMember",
  "correctedWhenFrom",
  "correctedWhenTo",
  "searchTerm",
  "uIN",
  "answeringBodies",
  "members",
  "house",
  "skip",
  "take",
]);
const LIST_CUT = 255;

const day = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : null);
const stripTags = (html: string) => html.replace(/<[^>]*>/g, "");

/** The list endpoint's copy of a question known only in full: HTML stripped, texts cut. */
export function listCopyOf(single: Record<string, unknown>): Record<string, unknown> {
  const question = stripTags(String(single.questionText));
  const answer = typeof single.answerText === "string" ? stripTags(single.answerText) : null;
  return {
    ...single,
    questionText: question.length > LIST_CUT ? question.slice(0, LIST_CUT) : question,
    answerText: answer !== null && answer.length > LIST_CUT ? `${answer.slice(0, LIST_CUT)}...` : answer,
  };
}

function within(value: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (value === null) return false;
  return (from === null || value >= from) && (to === null || value <= to);
}

function matches(question: Record<string, unknown>, full: Record<string, unknown>, params: URLSearchParams): boolean {
  const house = params.get("house") ?? "Bicameral";
  if (house !== "Bicameral" && question.house !== house) return false;
  if (params.get("includeWithdrawn") !== "true" && question.isWithdrawn === true) return false;
  const range = (field: string, name: string) =>
    within(day(question[field]), params.get(`${name}WhenFrom`), params.get(`${name}WhenTo`));
  if (
    !range("dateTabled", "tabled") ||
    !range("dateAnswered", "answered") ||
    !range("dateAnswerCorrected", "corrected")
  )
    return false;
  const bodies = params.getAll("answeringBodies").map(Number);
  if (bodies.length > 0 && !bodies.includes(question.answeringBodyId as number)) return false;
  const asking = params.get("askingMemberId");
  if (asking !== null && question.askingMemberId !== Number(asking)) return false;
  const answering = params.get("answeringMemberId");
  if (answering !== null && question.answeringMemberId !== Number(answering)) return false;
  const members = params.getAll("members").map(Number);
  if (
    members.length > 0 &&
    !members.includes(question.askingMemberId as number) &&
    !members.includes(question.answeringMemberId as number)
  )
    return false;
  const answered = params.get("answered") ?? "Any";
  if (answered === "Answered" && question.dateAnswered === null) return false;
  if (answered === "Unanswered" && question.dateAnswered !== null) return false;
  const term = params.get("searchTerm")?.toLowerCase();
  if (term) {
    const content = [full.questionText, full.answerText, full.heading].map((text) => String(text ?? "").toLowerCase());
    if (!content.some((text) => text.includes(term))) return false;
  }
  return true;
}

function withMembers(value: Record<string, unknown>, expand: boolean): Record<string, unknown> {
  if (expand) return value;
  return { ...value, askingMember: null, answeringMember: null, correctingMember: null };
}

const item = (value: Record<string, unknown>) => ({
  value,
  links: [{ rel: "self", href: `/Questions/${value.id}`, method: "GET" }],
});

export class ReplayServer {
  readonly requests: LoggedRequest[] = [];
  /** Mutable: a test may add or change questions between (or during) fetches. */
  questions: ReplayQuestion[];
  faults: FaultRule[];
  /** Called as each request arrives, before it is answered. */
  onRequest: ((request: LoggedRequest) => void) | undefined;
  /** Holds every answer back this long, so that a client's requests overlap. */
  delayMs = 0;
  /** Requests being answered now, and the most there ever were at once. */
  inFlight = 0;
  mostInFlight = 0;
  private readonly server = createServer((request, response) => this.answer(request, response));
  private readonly sockets = new Set<Socket>();
  private base = "";

  constructor(questions: ReplayQuestion[], faults: FaultRule[] = []) {
    this.questions = questions;
    this.faults = faults;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Listens on a free loopback port. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  get url(): string {
    return this.base;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(url: string): Fault | undefined {
    const rule = this.faults.find((candidate) => candidate.times > 0 && (candidate.match?.test(url) ?? true));
    if (!rule) return undefined;
    rule.times--;
    return rule.fault;
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? "/";
    const logged: LoggedRequest = { n: this.requests.length + 1, url, at: Date.now(), status: 0 };
    this.requests.push(logged);
    this.onRequest?.(logged);
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    response.on("close", () => this.inFlight--);
    if (this.delayMs > 0) setTimeout(() => this.respond(url, response, logged), this.delayMs);
    else this.respond(url, response, logged);
  }

  private respond(url: string, response: ServerResponse, logged: LoggedRequest): void {
    const fault = this.takeFault(url);
    if (fault) {
      logged.fault = fault.kind;
      this.misbehave(fault, url, response, logged);
      return;
    }
    const { status, body } = this.route(new URL(url, "http://replay"));
    logged.status = status;
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": status === 200 ? "application/json; charset=utf-8" : "application/problem+json",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
  }

  private misbehave(fault: Fault, url: string, response: ServerResponse, logged: LoggedRequest): void {
    if (fault.kind === "timeout") return; // never answers; the client gives up
    if (fault.kind === "status") {
      logged.status = fault.status;
      response.writeHead(fault.status, {
        "content-type": "text/plain",
        ...(fault.retryAfter && { "retry-after": fault.retryAfter }),
      });
      response.end(`replay server: injected ${fault.status}`);
      return;
    }
    if (fault.kind === "body") {
      logged.status = 200;
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(fault.body) });
      response.end(fault.body);
      return;
    }
    // A connection dropped mid-page: the headers promise the whole page, half of it arrives.
    const text = JSON.stringify(this.route(new URL(url, "http://replay")).body);
    logged.status = 200;
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => response.socket?.destroy());
  }

  private route(url: URL): { status: number; body: unknown } {
    const problem = (status: number, title: string) => ({ status, body: { type: "about:blank", title, status } });
    const single = /^\/api\/writtenquestions\/questions\/(\d+)$/.exec(url.pathname);
    if (single) {
      const found = this.questions.find((question) => question.id === Number(single[1]));
      if (!found?.single) return problem(404, "Not Found");
      return { status: 200, body: item(withMembers(found.single, url.searchParams.get("expandMember") === "true")) };
    }
    if (url.pathname !== "/api/writtenquestions/questions") return problem(404, "Not Found");
    const unknown = [...url.searchParams.keys()].filter((name) => !LIST_PARAMETERS.has(name));
    if (unknown.length > 0) return problem(400, `unknown parameter(s): ${unknown.join(", ")}`);
    const skip = Number(url.searchParams.get("skip") ?? 0);
    const take = Number(url.searchParams.get("take") ?? 20);
    const expand = url.searchParams.get("expandMember") === "true";
    const listed = this.questions
      .map((question) => ({
        list: question.list ?? listCopyOf(question.single ?? {}),
        full: question.single ?? question.list ?? {},
      }))
      .filter(({ list, full }) => matches(list, full, url.searchParams))
      .map(({ list }) => list)
      // Newest first, as the API's pages read; the fetch must not depend on the order.
      .sort((a, b) => String(b.dateTabled).localeCompare(String(a.dateTabled)) || (b.id as number) - (a.id as number));
    return {
      status: 200,
      body: {
        totalResults: listed.length,
        results: listed.slice(skip, skip + take).map((value) => item(withMembers(value, expand))),
      },
    };
  }
}
