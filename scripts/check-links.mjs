#!/usr/bin/env node
// Checks every internal link and heading anchor in a built site: the target page or file exists under the base path,
// and a #fragment names an id on that page. Usage: node scripts/check-links.mjs <dist> [base]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const base = `/${(process.argv[3] ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");

function htmlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

const idCache = new Map();
function idsIn(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, "utf8");
    idCache.set(file, new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1])));
  }
  return idCache.get(file);
}

function resolveTarget(pathname) {
  const inside = pathname.slice(base.length);
  const candidate = join(root, decodeURIComponent(inside));
  for (const file of [candidate, join(candidate, "index.html")]) {
    try {
      if (statSync(file).isFile()) return file;
    } catch {}
  }
  return null;
}

const problems = [];
let checked = 0;
for (const file of htmlFiles(root)) {
  const page = `/${relative(root, file).replace(/index\.html$/, "")}`;
  const html = readFileSync(file, "utf8");
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = match[1].replaceAll("&amp;", "&");
    if (/^(https?:|mailto:|data:|blob:|javascript:)/i.test(raw)) continue;
    checked += 1;
    const url = new URL(raw, `http://site${base}${page.slice(1)}`);
    if (!url.pathname.startsWith(base)) {
      problems.push(`${page}: ${raw} leaves the base path ${base}`);
      continue;
    }
    const target = url.pathname === new URL(`http://site${base}${page.slice(1)}`).pathname ? file : resolveTarget(url.pathname);
    if (!target) {
      problems.push(`${page}: ${raw} → no such page or file`);
      continue;
    }
    if (url.hash && target.endsWith(".html") && !idsIn(target).has(decodeURIComponent(url.hash.slice(1)))) {
      problems.push(`${page}: ${raw} → no element with id "${url.hash.slice(1)}"`);
    }
  }
}
if (problems.length > 0) {
  console.error(`${problems.length} broken link(s) in ${root}:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`Links: ${checked} internal links and anchors checked in ${root} (base ${base}); none broken.`);
