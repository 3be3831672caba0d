#!/usr/bin/env node
// Finds a Chromium for Playwright: $CHROMIUM_PATH, then system installs, then Playwright's own download.
// `--check` exits non-zero with instructions when none is found; otherwise prints the path.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

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
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), ".cache", "ms-playwright");
  if (existsSync(cache)) {
    for (const folder of readdirSync(cache).filter((name) => name.startsWith("chromium")).sort().reverse()) {
      for (const relative of ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"]) {
        const candidate = join(cache, folder, relative);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return null;
}

export const chromiumHelp = `No Chromium found for the browser tests. Do one of these, then run the tests again:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - macOS:          brew install --cask chromium
  - Playwright's:   npx playwright install chromium   (needs access to Playwright's download host)
  - or point CHROMIUM_PATH at an existing Chrome or Chromium binary.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findChromium();
  if (!path) {
    console.error(chromiumHelp);
    process.exit(1);
  }
  if (!process.argv.includes("--check")) console.log(path);
}
