/**
 * Which Chromium the browser tests drive, found the way a developer has one: CHROMIUM_PATH, then
 * Playwright's own download (`npx playwright-core install chromium`), then a system browser at its
 * standard place on Linux, macOS or Windows (Chrome and Edge are Chromium too).
 */
import { existsSync } from "node:fs";
import { win32 } from "node:path";
import { chromium } from "playwright-core";

/** What the lookup reads from the machine; tests pass their own. */
export interface ChromiumLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Where Playwright keeps the Chromium it downloads (playwright-core's `chromium.executablePath()`). */
  playwrightPath: () => string | undefined;
  exists: (path: string) => boolean;
}

/** One line a developer can act on, whatever their system. */
export const NO_CHROMIUM =
  "No Chromium found for the browser tests. Install one: Debian/Ubuntu `sudo apt-get install chromium`; " +
  "macOS `brew install --cask chromium` (or Google Chrome); Windows: Chrome or Edge (standard install); " +
  "any system `npx playwright-core install chromium`; or set CHROMIUM_PATH to a Chromium-based browser.";

function systemPaths({ env, platform }: ChromiumLookup): string[] {
  if (platform === "darwin")
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((root) => root !== undefined);
    return [
      ...roots.map((root) => win32.join(root, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((root) => win32.join(root, "Chromium", "Application", "chrome.exe")),
      ...roots.map((root) => win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe")),
    ];
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
}

/**
 * The browser's executable, or an Error whose message says what to do: CHROMIUM_PATH naming a
 * missing file is a mistake to report, not a reason to quietly drive some other browser.
 */
export function findChromium(lookup: ChromiumLookup): string | Error {
  const chosen = lookup.env.CHROMIUM_PATH;
  if (chosen) return lookup.exists(chosen) ? chosen : new Error(`CHROMIUM_PATH is ${chosen}, which does not exist.`);
  let playwright: string | undefined;
  try {
    playwright = lookup.playwrightPath();
  } catch {
    // playwright-core knows no download for this platform
  }
  const candidates = [...(playwright ? [playwright] : []), ...systemPaths(lookup)];
  return candidates.find((path) => lookup.exists(path)) ?? new Error(NO_CHROMIUM);
}

/** The lookup on this machine. */
export function machineLookup(): ChromiumLookup {
  return {
    env: process.env,
    platform: process.platform,
    playwrightPath: () => chromium.executablePath(),
    exists: existsSync,
  };
}
