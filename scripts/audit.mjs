#!/usr/bin/env node
// Lighthouse (mobile preset) on the home page and every lesson of the built site; prints a table and fails below
// the thresholds. Takes a few minutes, so it is `npm run audit`, run by .ci/run after `npm test`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromiumHelp, findChromium } from "./find-chromium.mjs";

const dist = process.argv[2] ?? "dist";
const port = 4460;
const thresholds = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const chromePath = findChromium();
if (!chromePath) {
  console.error(chromiumHelp);
  process.exit(1);
}

const sitemap = readFileSync(`${dist}/sitemap-0.xml`, "utf8");
const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((match) => new URL(match[1]).pathname)
  .filter((path) => path === "/" || path.startsWith("/lessons/"));

const server = spawn(process.execPath, ["scripts/serve.mjs", "--dir", dist, "--port", String(port)], { stdio: "ignore" });
await new Promise((resolve) => setTimeout(resolve, 500));
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

let failures = 0;
const names = Object.keys(thresholds);
console.log("page".padEnd(40) + names.map((name) => name.padStart(16)).join(""));
try {
  for (const path of pages) {
    const result = await lighthouse(`http://localhost:${port}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: names,
    });
    const categories = result?.lhr.categories ?? {};
    const cells = names.map((name) => {
      const score = Math.round((categories[name]?.score ?? 0) * 100);
      const ok = score >= thresholds[name];
      if (!ok) failures += 1;
      return `${score}${ok ? "" : " ✗"}`.padStart(16);
    });
    console.log(path.padEnd(40) + cells.join(""));
    if (cells.some((cell) => cell.includes("✗"))) {
      for (const audit of Object.values(result?.lhr.audits ?? {})) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative") console.log(`    - ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
  }
} finally {
  chrome.kill();
  server.kill();
}
console.log(`\nThresholds: ${names.map((name) => `${name} >= ${thresholds[name]}`).join(", ")}`);
if (failures > 0) {
  console.error(`${failures} score(s) below threshold.`);
  process.exit(1);
}
