#!/usr/bin/env node
// Screenshots of the built site for looking at figures: every page and size a reviewer needs, in one command.
// Usage: node scripts/screenshot.mjs [--dir dist] [--out screenshots] [--widths 1280,375] [--themes light,dark]
//          [--full] [--selector "css"] [--scroll "text or css to scroll into view"] path [path ...]
// Serves --dir on a free loopback port, opens each path at each width and theme, waits for the islands in view to
// hydrate, and writes <out>/<page>-<width>-<theme>.png. Without --full it captures the first screen (the viewport),
// or the element matching --selector.
import { mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { chromiumHelp, findChromium } from "./find-chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = args[index + 1];
  args.splice(index, 2);
  return value;
};
const flag = (name) => {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return false;
  args.splice(index, 1);
  return true;
};
const dir = option("dir", "dist");
const out = option("out", "screenshots");
const widths = option("widths", "1280,375").split(",").map(Number);
const themes = option("themes", "light,dark").split(",");
const selector = option("selector", null);
const scrollTo = option("scroll", null);
const height = Number(option("height", "800"));
const full = flag("full");
const paths = args.length > 0 ? args : ["/"];

const executablePath = findChromium();
if (!executablePath) {
  console.error(chromiumHelp);
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const probe = createServer();
  probe.listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const server = spawn(process.execPath, ["scripts/serve.mjs", "--dir", dir, "--port", String(port)], { stdio: "ignore" });
const origin = `http://localhost:${port}`;
for (let attempt = 0; ; attempt += 1) {
  try {
    await fetch(`${origin}/`);
    break;
  } catch {
    if (attempt > 100) throw new Error(`the server on ${origin} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const path of paths) {
    for (const width of widths) {
      for (const theme of themes) {
        const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
        await context.addInitScript((choice) => localStorage.setItem("course-theme", choice), theme);
        const page = await context.newPage();
        const errors = [];
        page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
        await page.goto(`${origin}${path}`);
        if (scrollTo) {
          const target = scrollTo.startsWith("text=") ? page.getByText(scrollTo.slice(5)).first() : page.locator(scrollTo).first();
          await target.scrollIntoViewIfNeeded();
        }
        if (full) {
          // Scroll through once so every client:visible island hydrates before the full-page capture.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 600) {
              window.scrollTo(0, y);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            window.scrollTo(0, 0);
          });
        }
        await page.waitForLoadState("networkidle");
        await page.waitForFunction(() => [...document.querySelectorAll("astro-island[ssr]")].every((island) => {
          const box = island.getBoundingClientRect();
          return box.bottom < 0 || box.top > innerHeight;
        }), null, { timeout: 5000 }).catch(() => undefined);
        const name = `${path.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "home"}-${width}-${theme}.png`;
        const file = join(out, name);
        if (selector) await page.locator(selector).first().screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: full });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        console.log(`${file}${overflow > 0 ? `  (page ${overflow}px wider than the screen)` : ""}${errors.length ? `  console errors: ${errors.join(" | ")}` : ""}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
