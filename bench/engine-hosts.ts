/** Starting engine hosts (engine-host.ts) and asking them for timings, one request at a time. */
import { type ChildProcess, fork } from "node:child_process";
import { resolve } from "node:path";
import type { HostInit, HostReply, HostRequest } from "./engine-host";

const HOST = resolve(import.meta.dirname, "engine-host.ts");

/** A request as a side makes it; the host numbers it. */
type Unnumbered<T> = T extends unknown ? Omit<T, "id"> : never;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class EngineHost {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (reply: HostReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("error" in reply) waiting?.reject(new Error(`pqsearch bench: engine host: ${reply.error}`));
      else waiting?.resolve(reply.result);
    });
    child.on("exit", (code) => {
      for (const waiting of this.pending.values())
        waiting.reject(new Error(`pqsearch bench: engine host exited (${code})`));
      this.pending.clear();
    });
  }

  /** A host with its engine open; by default the same Node flags as the bench (tsx, `--expose-gc`). */
  static async start(init: HostInit, execArgv: string[] = process.execArgv): Promise<EngineHost> {
    const child = fork(HOST, [], { execArgv, serialization: "advanced" });
    const host = new EngineHost(child);
    await new Promise((resolve, reject) => {
      host.pending.set(0, { resolve, reject });
      child.send(init);
    });
    return host;
  }

  request<T>(request: Unnumbered<HostRequest>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...request, id });
    });
  }

  close(): void {
    this.child.kill();
  }
}
