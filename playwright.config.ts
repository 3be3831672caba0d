import { defineConfig } from "@playwright/test";
import { chromiumHelp, findChromium } from "./scripts/find-chromium.mjs";

const executablePath = findChromium();
if (!executablePath) throw new Error(chromiumHelp);

const rootPort = 4400;
const subpathPort = 4401;
export const subpathBase = "/course/";

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
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
    { command: `node scripts/serve.mjs --dir dist --port ${rootPort}`, url: `http://localhost:${rootPort}/`, reuseExistingServer: false },
    {
      command: `node scripts/serve.mjs --dir dist-subpath --port ${subpathPort} --base ${subpathBase}`,
      url: `http://localhost:${subpathPort}${subpathBase}`,
      reuseExistingServer: false,
    },
  ],
});
