import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { chromiumHelp, findTestChromium } from "./scripts/find-chromium.mjs";

// The headless shell where there is one (scripts/find-chromium.mjs says why), else a full Chromium.
const executablePath = findTestChromium();
if (!executablePath) throw new Error(chromiumHelp);

// E2E_DIST / E2E_PORT let several builds be tested side by side on one machine.
const rootDir = process.env.E2E_DIST ?? "dist";
const subpathDir = process.env.E2E_SUBPATH_DIST ?? "dist-subpath";
const rootPort = Number(process.env.E2E_PORT ?? 4400);
const subpathPort = rootPort + 1;
export const subpathBase = "/course/";

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous limits, since the suite must pass on a shared 2-core machine under load: a limit is how long to keep
  // waiting for a state, never a speed budget (those are in `npm run audit`), so a passing test takes no longer.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
    trace: "off",
  },
  projects: [
    { name: "site", testIgnore: /subpath\.spec\.ts/, use: { baseURL: `http://localhost:${rootPort}/` } },
    { name: "subpath", testMatch: /subpath\.spec\.ts/, use: { baseURL: `http://localhost:${subpathPort}${subpathBase}` } },
  ],
  webServer: [
    { command: `node scripts/serve.mjs --dir ${rootDir} --port ${rootPort}`, url: `http://localhost:${rootPort}/`, reuseExistingServer: false },
    // The sub-path server only starts when that build exists (`npm test` always builds it).
    ...(existsSync(subpathDir) ? [{
      command: `node scripts/serve.mjs --dir ${subpathDir} --port ${subpathPort} --base ${subpathBase}`,
      url: `http://localhost:${subpathPort}${subpathBase}`,
      reuseExistingServer: false,
    }] : []),
  ],
});
