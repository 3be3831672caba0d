#!/usr/bin/env node
// Sums the gzipped JavaScript and CSS each built page ships (following static imports between chunks and the islands'
// component and renderer modules) and fails when a page is over its budget.
// Usage: node scripts/weight.mjs [dist]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, relative, resolve, dirname, posix } from "node:path";

const KB = 1024;
export const budgets = {
  lessonJs: 40 * KB,
  labJs: 90 * KB,
  otherJs: 40 * KB,
  css: 30 * KB,
  /** A lesson whose JS includes a well-kept d3 module that replaced code of ours (see D3_LESSONS). */
  lessonJsWithD3: 50 * KB,
};

/** Lessons allowed budgets.lessonJsWithD3, each with the module that replaced our code. */
export const D3_LESSONS = {
  "lessons/lstm-inputs/": "d3-scale: LineChart's scales and ticks",
  "lessons/a-batch-forward/": "d3-contour: the marching squares of the batch inspector's loss map",
  "lessons/loss-landscape/": "d3-contour: the landscape's contour lines and bands, replacing our marching squares",
};

const root = resolve(process.argv[2] ?? "dist");
const gzipCache = new Map();

function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
}

function htmlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "pagefind" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** Maps a URL in the page (absolute with the base, or relative) to a file in the build. */
function fileForUrl(url, fromFile) {
  if (/^(https?:)?\/\//.test(url) || url.startsWith("data:")) return null;
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith("/")) {
    // Strip any base path: find the shortest suffix that exists in the build.
    const parts = clean.split("/").filter(Boolean);
    for (let start = 0; start < parts.length; start += 1) {
      const candidate = join(root, ...parts.slice(start));
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {}
    }
    return null;
  }
  return join(dirname(fromFile), clean);
}

/** A JS module and every module it imports statically (what the browser must download before running it). */
function jsClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    const target = join(dirname(file), match[1]);
    try {
      if (statSync(target).isFile()) jsClosure(target, seen);
    } catch {}
  }
  return seen;
}

export function measurePage(htmlFile) {
  const html = readFileSync(htmlFile, "utf8");
  const js = new Set();
  const css = new Set();
  const urls = (pattern) => [...html.matchAll(pattern)].map((match) => match[1]);
  for (const url of [
    ...urls(/<script[^>]*\bsrc="([^"]+)"/g),
    ...urls(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ...urls(/\bcomponent-url="([^"]+)"/g),
    ...urls(/\brenderer-url="([^"]+)"/g),
  ]) {
    const file = fileForUrl(url, htmlFile);
    if (file) for (const module of jsClosure(file)) js.add(module);
  }
  // Inline module scripts import bundled chunks too.
  for (const block of html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const match of block[1].matchAll(/["']([^"']+\.js)["']/g)) {
      const file = fileForUrl(match[1], htmlFile);
      if (file) for (const module of jsClosure(file)) js.add(module);
    }
  }
  for (const url of urls(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const file = fileForUrl(url, htmlFile);
    if (file) css.add(file);
  }
  const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + gzipSync(m[1]).length, 0);
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((sum, m) => sum + gzipSync(m[1]).length, 0);
  const sum = (files) => [...files].reduce((total, file) => total + gzipSize(file), 0);
  return { jsBytes: sum(js) + inlineJs, cssBytes: sum(css) + inlineCss, usesKatexFonts: [...css].some((file) => /KaTeX_/.test(readFileSync(file, "utf8"))), hasMath: html.includes('class="katex"') };
}

function budgetFor(page) {
  if (page.includes("batch-size-lab")) return budgets.labJs;
  if (Object.keys(D3_LESSONS).some((prefix) => page.startsWith(prefix))) return budgets.lessonJsWithD3;
  if (page.startsWith("lessons/")) return budgets.lessonJs;
  return budgets.otherJs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failures = 0;
  const rows = htmlFiles(root)
    .map((file) => ({ page: relative(root, file).split("\\").join(posix.sep), ...measurePage(file) }))
    .sort((a, b) => a.page.localeCompare(b.page));
  console.log(`Shipped per page, gzip (${root})`);
  console.log("page".padEnd(46) + "JS KB".padStart(8) + "budget".padStart(8) + "CSS KB".padStart(8) + "  fonts");
  for (const row of rows) {
    const jsBudget = budgetFor(row.page);
    const over = [];
    if (row.jsBytes > jsBudget) over.push("JS over budget");
    if (row.cssBytes > budgets.css) over.push("CSS over budget");
    if (row.usesKatexFonts && !row.hasMath) over.push("math fonts on a page without math");
    failures += over.length;
    console.log(
      row.page.padEnd(46) +
        (row.jsBytes / KB).toFixed(1).padStart(8) +
        (jsBudget / KB).toFixed(0).padStart(8) +
        (row.cssBytes / KB).toFixed(1).padStart(8) +
        (row.usesKatexFonts ? "  KaTeX" : "  -") +
        (over.length ? `  ✗ ${over.join(", ")}` : ""),
    );
  }
  if (failures > 0) {
    console.error(`\n${failures} budget problem(s).`);
    process.exit(1);
  }
  console.log("\nEvery page is within its budget.");
}
