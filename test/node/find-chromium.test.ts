import { describe, expect, it } from "vitest";
import { type ChromiumLookup, findChromium, NO_CHROMIUM } from "../browser/find-chromium";

const PLAYWRIGHT = "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

function lookup(present: string[], overrides: Partial<ChromiumLookup> = {}): ChromiumLookup {
  const files = new Set(present);
  return {
    env: {},
    platform: "linux",
    playwrightPath: () => PLAYWRIGHT,
    exists: (path) => files.has(path),
    ...overrides,
  };
}

describe("finding a Chromium for the browser tests", () => {
  it("takes CHROMIUM_PATH over every other browser", () => {
    const found = findChromium(
      lookup(["/opt/my/chrome", PLAYWRIGHT, "/usr/bin/chromium"], { env: { CHROMIUM_PATH: "/opt/my/chrome" } }),
    );
    expect(found).toBe("/opt/my/chrome");
  });

  it("reports a CHROMIUM_PATH that does not exist rather than driving another browser", () => {
    const found = findChromium(lookup(["/usr/bin/chromium"], { env: { CHROMIUM_PATH: "/opt/gone" } }));
    expect(found).toEqual(new Error("CHROMIUM_PATH is /opt/gone, which does not exist."));
  });

  it("prefers Playwright's own download to the system's browser", () => {
    expect(findChromium(lookup([PLAYWRIGHT, "/usr/bin/chromium"]))).toBe(PLAYWRIGHT);
  });

  it("falls back to the system's Chromium or Chrome at its standard place", () => {
    expect(findChromium(lookup(["/usr/bin/chromium-browser", "/usr/bin/google-chrome"]))).toBe(
      "/usr/bin/chromium-browser",
    );
    const mac = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findChromium(lookup([mac], { platform: "darwin" }))).toBe(mac);
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const windows = { platform: "win32" as const, env: { "PROGRAMFILES(X86)": "C:\\Program Files (x86)" } };
    expect(findChromium(lookup([edge], windows))).toBe(edge);
  });

  it("still looks on the system when Playwright knows no download for the platform", () => {
    const unsupported = () => {
      throw new Error("ERROR: Playwright does not support chromium on this platform");
    };
    expect(findChromium(lookup(["/usr/bin/chromium"], { playwrightPath: unsupported }))).toBe("/usr/bin/chromium");
  });

  it("says in one line how to get a browser on Debian, macOS and Windows when there is none", () => {
    expect(findChromium(lookup([]))).toEqual(new Error(NO_CHROMIUM));
    expect(NO_CHROMIUM).not.toContain("\n");
    expect(NO_CHROMIUM).toMatch(/Debian.*apt-get install chromium.*macOS.*brew.*Windows/);
  });
});
