#!/usr/bin/env node
// The gates that take minutes, run by .ci/run after `npm test`:
// - Lighthouse (mobile preset) on the home page and every lesson of the built site: a table of the four scores, failing
//   below the thresholds. Performance varies from run to run on a shared machine (Lighthouse's docs advise the median
//   of five runs): a page under the threshold is measured again and judged on the median of five runs, which is
//   settled once three of them fall on one side of the threshold.
// - The lab's responsiveness, measured with nothing else running (on a shared runner these times measure the machine,
//   so the e2e suite does not check them): p95 of 20 batch-size slider moves (input → updated outputs) within 50 ms,
//   and the sweep over all 50 batch sizes without a main-thread task over 200 ms.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromiumHelp, findChromium } from "./find-chromium.mjs";
import { percentile, sliderLatencies, sweepLongTasks } from "./lab-responsiveness.mjs";

const dist = process.argv[2] ?? "dist";
const thresholds = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const sliderBudgetMs = 50;
const sweepLongTaskBudgetMs = 200;
const chromePath = findChromium();
if (!chromePath) {
  console.error(chromiumHelp);
  process.exit(1);
}
const chromeFlags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const sitemap = readFileSync(`${dist}/sitemap-0.xml`, "utf8");
const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((match) => new URL(match[1]).pathname)
  .filter((path) => path === "/" || path.startsWith("/lessons/"));

/** Share of the machine's CPU time that was idle over the next `ms` milliseconds, from the kernel's counters. */
async function idleShare(ms) {
  const total = (list) => list.reduce((sum, cpu) => sum + Object.values(cpu.times).reduce((a, b) => a + b, 0), 0);
  const idle = (list) => list.reduce((sum, cpu) => sum + cpu.times.idle, 0);
  const before = cpus();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpus();
  return (idle(after) - idle(before)) / Math.max(1, total(after) - total(before));
}

// "Measured alone": in .ci/run the audit follows the browser tests, whose browsers and servers take a few seconds to
// exit. Wait (up to a minute) for three quiet seconds in a row, and say how quiet the machine was.
const settleStarted = performance.now();
let quietSeconds = 0;
let lastIdle = 0;
while (quietSeconds < 3 && performance.now() - settleStarted < 60_000) {
  lastIdle = await idleShare(1000);
  quietSeconds = lastIdle >= 0.8 ? quietSeconds + 1 : 0;
}
console.log(
  `CPU ${Math.round(lastIdle * 100)} % idle before measuring (waited ${((performance.now() - settleStarted) / 1000).toFixed(0)} s${quietSeconds < 3 ? "; the machine never settled, so scores may be low" : ""}).`,
);

const startedAt = performance.now();
// Any free port: several checkouts may run their audits on one machine.
const server = spawn(process.execPath, ["scripts/serve.mjs", "--dir", dist, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  server.once("exit", (code) => reject(new Error(`The static server stopped (exit code ${code}) before it was listening.`)));
  server.stdout.once("data", (line) => resolve(Number(/http:\/\/\S*?:(\d+)/.exec(String(line))?.[1]))); // its first line holds the address
});
server.stdout.resume();
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", ...chromeFlags] });

let failures = 0;
const names = Object.keys(thresholds);

async function scores(path, categories = names) {
  // The full-page screenshot only illustrates an HTML report (none is written here), and the back/forward-cache audit
  // is a diagnostic of weight 0 whose gatherer navigates away and back (0.4 s a run): neither counts in any score.
  const result = await lighthouse(`http://localhost:${port}${path}`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: categories,
    disableFullPageScreenshot: true,
    skipAudits: ["bf-cache"],
  });
  const lhr = result?.lhr;
  return { lhr, score: (name) => Math.round((lhr?.categories[name]?.score ?? 0) * 100) };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log("page".padEnd(40) + names.map((name) => name.padStart(16)).join(""));
try {
  for (const path of pages) {
    const first = await scores(path);
    const performanceRuns = [first.score("performance")];
    if (performanceRuns[0] < thresholds.performance) {
      // Judged on the median of five runs. That median is settled as soon as three runs fall on one side of the
      // threshold, so the runs stop there: the verdict is the one five runs would give, and a clear page costs less.
      // (Only the performance category varies from run to run, so the repeats gather only what it needs.)
      const side = (pass) => performanceRuns.filter((score) => score >= thresholds.performance === pass).length;
      while (side(true) < 3 && side(false) < 3) performanceRuns.push((await scores(path, ["performance"])).score("performance"));
    }
    const cells = names.map((name) => {
      const score = name === "performance" ? median(performanceRuns) : first.score(name);
      const ok = score >= thresholds[name];
      if (!ok) failures += 1;
      const runs = name === "performance" && performanceRuns.length > 1 ? ` (${performanceRuns.join(", ")})` : "";
      return `${score}${runs}${ok ? "" : " ✗"}`.padStart(16);
    });
    console.log(path.padEnd(40) + cells.join(""));
    if (cells.some((cell) => cell.includes("✗"))) {
      for (const audit of Object.values(first.lhr?.audits ?? {})) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative") console.log(`    - ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
  }
  console.log(`\nThresholds: ${names.map((name) => `${name} >= ${thresholds[name]}`).join(", ")}; performance is the median of five runs where the first missed (runs stop once three agree).`);

  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
  try {
    const page = await browser.newPage();
    const openLab = async () => {
      await page.goto(`http://localhost:${port}/lessons/batch-size-lab/`);
      await page.getByRole("textbox", { name: "Batch size", exact: true }).scrollIntoViewIfNeeded();
      await page.waitForURL(/[?&]x=/); // the lab has hydrated once the address holds its settings
    };
    await openLab();
    const sorted = await sliderLatencies(page, 20);
    const p95 = percentile(sorted, 0.95);
    const ok = p95 <= sliderBudgetMs;
    if (!ok) failures += 1;
    console.log(
      `\nLab slider, input → updated outputs over 20 moves: p95 ${p95.toFixed(1)} ms (budget ${sliderBudgetMs} ms)${ok ? "" : " ✗"}, ` +
        `median ${percentile(sorted, 0.5).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );

    await openLab();
    const sweep = await sweepLongTasks(page);
    const longest = sweep.longTasks[0] ?? 0;
    const sweepOk = longest <= sweepLongTaskBudgetMs;
    if (!sweepOk) failures += 1;
    console.log(
      `Lab sweep over 50 batch sizes: longest main-thread task ${longest.toFixed(0)} ms (budget ${sweepLongTaskBudgetMs} ms)${sweepOk ? "" : " ✗"}, ` +
        `${sweep.longTasks.length} tasks over 50 ms, ${(sweep.sweepMs / 1000).toFixed(2)} s in all`,
    );
  } finally {
    await browser.close();
  }
} finally {
  chrome.kill();
  server.kill();
}
console.log(`\nAudit took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
if (failures > 0) {
  console.error(`${failures} gate(s) below threshold.`);
  process.exit(1);
}
