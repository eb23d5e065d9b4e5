import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openCollection } from "../../src/engine";
import { command } from "../support/cli";
import { loadModule, tempProject } from "./build-helpers";
import { blackman, cleverly, memberBlock } from "./seed-layout";

// Hang guard, not a timing assertion: a build that has not exited by then is killed and fails the test.
const HANG_GUARD_MS = 120_000;

function seedRecord(i: number, extra = ""): string {
  return [
    ...memberBlock(blackman),
    `To ask the Secretary of State question ${i} about Iran${extra}.`,
    ...memberBlock(cleverly),
    "Answered on 15 September 2021",
    `${"The British Government opposes the use of the death penalty in all circumstances. ".repeat(12)}Marker${i}.`,
  ].join("\n");
}

/** A seed document of at least `bytes` bytes. */
function bigSeed(bytes: number): string {
  const records: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const record = seedRecord(i);
    records.push(record);
    size += record.length + 1;
  }
  return records.join("\n");
}

function cli(root: string, env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync(...command("index-build/cli.ts", args), {
    cwd: root,
    encoding: "utf8",
    timeout: HANG_GUARD_MS,
    killSignal: "SIGKILL",
    env: { ...process.env, ...env },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const output = (root: string) => join(root, "src/generated/collection.js");

async function searchable(root: string, q: string) {
  const engine = openCollection(await loadModule(readFileSync(output(root), "utf8")));
  return (await engine.search({ q, sort: "relevance", limit: 10, offset: 0, answered: undefined })).total;
}

describe("building awkward seeds", () => {
  it("builds a record holding a 12,000-character word, and still finds the record by its other words", async () => {
    const root = tempProject({ "long.txt": seedRecord(1, ` ${"x".repeat(12_000)}`) });
    const result = cli(root);
    expect(result.signal).toBeNull();
    expect(result.status, result.stderr).toBe(0);
    expect(await searchable(root, "marker1 iran")).toBe(1);
  });

  it("builds a 5 MB seed file completely", async () => {
    const seed = bigSeed(5 * 1024 * 1024);
    const records = seed.split("To ask").length - 1;
    const root = tempProject({ "big.txt": seed });
    const result = cli(root);
    expect(result.signal).toBeNull();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`seeds/big.txt: ${records} records read`);
    expect(await searchable(root, `marker${records - 1}`)).toBe(1);
  });
});

describe("a build that fails", () => {
  // One project and one good build; each case adds its bad input, runs the CLI, then takes it away.
  let root: string;
  let before: Buffer;
  beforeAll(() => {
    root = tempProject({}, true);
    expect(cli(root).status).toBe(0);
    before = readFileSync(output(root));
  }, HANG_GUARD_MS);

  function expectCleanFailure(result: ReturnType<typeof cli>, message: RegExp) {
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^build failed: \d+ problem\(s\); previous output left as it was$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(output(root)).equals(before)).toBe(true);
  }

  const deepApiQuestion = `[{"id": 1, "askingMemberId": 2, "attachments": ${"[".repeat(10_000)}${"]".repeat(10_000)}}]`;
  const failures: Array<[string, string, string | Buffer, RegExp]> = [
    [
      "binary garbage",
      "zzz_bad.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), randomBytes(64 * 1024)]),
      /expected UTF-8 text/,
    ],
    [
      "binary that is valid UTF-8",
      "zzz_bad.txt",
      Buffer.from(`\u0000\u0001\u0002${"\u0000".repeat(100)}`),
      /expected text, found the control character U\+0000 \(NUL\) \(is this a binary file\?\)/,
    ],
    ["an empty file", "zzz_bad.txt", "", /expected at least one record/],
    ["a file of blank lines", "zzz_bad.txt", "\n \n\t\n", /expected at least one record/],
    // Issue 17: a 10,000-deep object in the API's shape crashed with a RangeError and a stack trace.
    [
      "a 10,000-deep API question",
      "zzz_bad.json",
      deepApiQuestion,
      /\[0\]\.attachments.*: expected JSON nested at most 64 levels/,
    ],
    [
      "a lone surrogate",
      "zzz_bad.jsonl",
      JSON.stringify({
        house: "Lords",
        askingMember: { name: "Lord Example", party: null, memberFrom: null },
        questionText: "To ask about \ud800.",
        answer: null,
      }),
      /questionText: expected text, found a lone surrogate U\+D800/,
    ],
  ];
  for (const [what, name, contents, message] of failures) {
    it(`fails on ${what} naming the file, and leaves the previous output as it was`, () => {
      const bad = join(root, "seeds", name);
      writeFileSync(bad, contents);
      try {
        expectCleanFailure(cli(root), new RegExp(`^seeds/${name.replace(".", "\\.")}:\\d+: .*${message.source}`, "m"));
      } finally {
        rmSync(bad);
      }
    });
  }

  // Issue 14: a bad config value exited with a stack trace.
  it("fails on a bad PQSEARCH_* value naming the variable, with no stack trace", () => {
    expectCleanFailure(
      cli(root, { PQSEARCH_PLAN: "pro" }),
      /^PQSEARCH_PLAN: expected one of free, paid, found "pro"$/m,
    );
  });

  it("fails on a bad value in pqsearch.config.json naming its line, with no stack trace", () => {
    const config = join(root, "pqsearch.config.json");
    writeFileSync(config, '{\n  "sharding": "auto",\n  "assetFiles": -3\n}\n');
    try {
      expectCleanFailure(
        cli(root),
        /^pqsearch\.config\.json:3: assetFiles: expected a whole number greater than 0, found -3$/m,
      );
    } finally {
      rmSync(config);
    }
  });

  it("fails on a seeds directory that is not there, with no stack trace", () => {
    expectCleanFailure(
      cli(root, {}, ["--seeds", "missing"]),
      /^missing: expected a directory of seed files, found nothing there$/m,
    );
  });

  it("answers an unknown option with the usage, with no stack trace", () => {
    const result = cli(root, {}, ["--seed", "seeds"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--seed'[\s\S]*usage: npm run build -- \[--seeds <dir>\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

/**
 * Runs the build held at `point` (PQSEARCH_FAULT_PAUSE) and SIGKILLs it there: its whole process
 * group, as a terminal's kill or an OOM would (under tsx the build is a child process).
 */
function killAt(root: string, point: string): Promise<{ killed: boolean }> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn(...command("index-build/cli.ts"), {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PQSEARCH_FAULT_PAUSE: point },
      detached: true,
    });
    let killed = false;
    let log = "";
    const killGroup = () => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      return true;
    };
    const guard = setTimeout(killGroup, HANG_GUARD_MS);
    child.stdout?.on("data", (chunk) => {
      log += chunk;
      if (!killed && log.includes(`paused at ${point}\n`)) {
        killed = killGroup();
      }
    });
    child.on("error", fail);
    child.on("exit", () => {
      clearTimeout(guard);
      done({ killed });
    });
  });
}

describe("a build killed midway", () => {
  // One project for all kills: a good build of the seed, then a 2 MB seed added that never lands.
  let root: string;
  let before: Buffer;
  beforeAll(() => {
    root = tempProject({}, true);
    expect(cli(root).status).toBe(0);
    before = readFileSync(output(root));
    writeFileSync(join(root, "seeds", "big.txt"), bigSeed(2 * 1024 * 1024));
  }, HANG_GUARD_MS);

  const points: Array<[string, string]> = [
    ["read", "after reading the seeds"],
    ["parse", "after parsing"],
    ["compile", "after compiling the indexes"],
    ["emit", "in the write stage, before the temporary file is written"],
    ["rename", "in the write stage, with the temporary file written but not renamed"],
  ];
  for (const [point, when] of points) {
    it(`leaves the previous output whole and working when SIGKILLed ${when}`, async () => {
      const { killed } = await killAt(root, point);
      expect(killed).toBe(true);
      expect(readFileSync(output(root)).equals(before)).toBe(true);
      expect(await searchable(root, "genocide")).toBeGreaterThan(0);
    });
  }

  it("clears a killed build's temporary file on the next build, and then replaces the output", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    const abandoned = join(root, "src/generated", `.collection.js.${dead}.tmp`);
    writeFileSync(abandoned, "partial");
    expect(cli(root).status).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
    expect(readdirSync(join(root, "src/generated")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(readFileSync(output(root)).equals(before)).toBe(false);
    expect(await searchable(root, "marker0")).toBe(1);
  });
});
