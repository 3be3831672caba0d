#!/usr/bin/env node
// Finds the browsers the project drives:
// - findChromium(): a full Chrome or Chromium, for Lighthouse and screenshots (Lighthouse measures in full Chrome's
//   headless mode, which renders as the browser readers use).
// - findTestChromium(): what the browser tests run in. Chromium's headless shell when there is one: it is the same
//   Blink without the browser's window machinery, and the e2e suite ran in 215 s in it against 297-321 s in full
//   Chromium on the 2-core CI machine. Otherwise the full browser.
// Both honour $CHROMIUM_PATH; findHeadlessShell() looks only for the shell. Run as a script it prints the tests'
// browser, or with `--full` the full one, or with `--headless-shell` the shell; with `--check` it prints nothing and
// exits non-zero, saying what to install, if none is found.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The first existing file among Playwright's downloads in folders starting with `prefix`, at one of `relatives`. */
function playwrightDownload(prefix, relatives) {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(cache)) return null;
  for (const folder of readdirSync(cache).filter((name) => name.startsWith(prefix)).sort().reverse()) {
    for (const relative of relatives) {
      const candidate = join(cache, folder, relative);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const systemPaths = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ];
  const system = systemPaths.find((path) => existsSync(path));
  if (system) return system;
  // "chromium-" and not "chromium_headless_shell-": Playwright keeps its headless shell in a folder of its own.
  return playwrightDownload("chromium-", ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"]);
}

/** Chromium's headless shell (Debian's package chromium-headless-shell, or Playwright's own download), or null. */
export function findHeadlessShell() {
  if (existsSync("/usr/bin/chromium-headless-shell")) return "/usr/bin/chromium-headless-shell";
  return playwrightDownload("chromium_headless_shell-", ["chrome-linux/headless_shell", "chrome-headless-shell-linux64/chrome-headless-shell", "chrome-mac/headless_shell"]);
}

/** What the browser tests run in: $CHROMIUM_PATH if set (findChromium returns it), else the headless shell, else a full Chromium. */
export function findTestChromium() {
  if (process.env.CHROMIUM_PATH) return findChromium();
  return findHeadlessShell() ?? findChromium();
}

export const chromiumHelp = `No Chromium found for the browser tests. Do one of these, then run the tests again:
  - Debian/Ubuntu:  sudo apt-get install -y chromium chromium-headless-shell
  - macOS:          brew install --cask chromium
  - Playwright's:   npx playwright install chromium   (needs access to Playwright's download host)
  - or point CHROMIUM_PATH at an existing Chrome or Chromium binary.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const shell = process.argv.includes("--headless-shell");
  const path = shell ? findHeadlessShell() : process.argv.includes("--full") ? findChromium() : findTestChromium();
  if (!path) {
    console.error(shell ? "No Chromium headless shell found (Debian/Ubuntu: sudo apt-get install -y chromium-headless-shell)." : chromiumHelp);
    process.exit(1);
  }
  if (!process.argv.includes("--check")) console.log(path);
}
