import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test as base, type Page } from "@playwright/test";
import type axe from "axe-core";

// How these tests wait (the suite runs on a shared 2-core machine, so nothing may depend on how fast it is):
// - For a state, never for a time: web-first assertions (`await expect(locator).toHaveText(…)`) retry until it holds.
// - Islands: `client:visible` islands hydrate when scrolled into view and keep their controls disabled until then, so an
//   action on a control waits for hydration by itself (Playwright waits for a control to be enabled). To hydrate a whole
//   page, call `hydrateIslands(page)`.
// - Timers (Play buttons, a pause that groups history entries): install Playwright's clock before loading the page, then
//   move time yourself. After `install()` time still flows, so the page loads normally; `runFor(ms)` also fires every
//   timer due in the next `ms` at once, however slow the machine is. Assert on the end state, not on a tick count
//   (a Preact effect that starts an interval runs a frame after the click):
//     await page.clock.install();
//     await page.goto(LESSON);
//     await widget.getByRole("button", { name: "Play" }).click();
//     await page.clock.runFor(60 * PLAY_INTERVAL_MS);      // the whole run
//     await expect(counter).toHaveText("50 of 50");
//   To make a pause pass (longer than a debounce), `page.clock.fastForward(ms)`; to show that nothing moves any more,
//   `runFor` a few intervals and compare.
// - Speed budgets (long tasks, input latency) are not checked here: `npm run audit` measures them with nothing else
//   running (scripts/audit.mjs).

/** Problems a reader would never see but that mean the page is broken: console errors, failed requests, CSP violations. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
    const origin = new URL(baseURL ?? "http://localhost").origin;
    page.on("console", (message) => {
      if (message.type() === "error") problems.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "";
      // A navigation or reload cancels requests still in flight; that is not a broken resource (a 404 is caught below).
      if (reason !== "net::ERR_ABORTED") problems.failedRequests.push(`${request.url()} ${reason}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/does-not-exist/")) problems.failedRequests.push(`${response.status()} ${response.url()}`);
    });
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.externalRequests.push(url);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(problems);
    expect(problems.consoleErrors, "console errors").toEqual([]);
    expect(problems.failedRequests, "failed requests").toEqual([]);
    expect(problems.externalRequests, "third-party requests").toEqual([]);
  },
});

export { expect };

/** Every page of the site, read from the built sitemap when tests are collected: new pages are covered without editing tests, each by its own test. */
export function builtPaths(): string[] {
  const dist = process.env["E2E_DIST"] ?? "dist";
  const xml = readFileSync(`${dist}/sitemap-0.xml`, "utf8");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
}

/**
 * Hydrates every island on the page, as a reader scrolling down to each would: an island still marked `ssr` is
 * scrolled into view and awaited. Astro removes `ssr` and dispatches `astro:hydrate` once the component has hydrated
 * (astro/dist/runtime/server/astro-island.js); `client:visible` watches the island's children, so the first child
 * with a box is the one scrolled to. Fails naming the islands that did not hydrate within `timeout` ms.
 */
export async function hydrateIslands(page: Page, timeout = 60_000): Promise<void> {
  const hydrated = page.evaluate(async () => {
    for (const island of document.querySelectorAll("astro-island")) {
      if (!island.hasAttribute("ssr")) continue;
      const done = new Promise((resolve) => island.addEventListener("astro:hydrate", resolve, { once: true }));
      const target = [...island.children].find((child) => child.getClientRects().length > 0);
      target?.scrollIntoView({ block: "center" });
      await done;
    }
    window.scrollTo(0, 0);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<"expired">((resolve) => (timer = setTimeout(() => resolve("expired"), timeout)));
  const outcome = await Promise.race([hydrated, expired]).finally(() => clearTimeout(timer));
  if (outcome === "expired") {
    const pending = await page.locator("astro-island[ssr]").evaluateAll((islands) => islands.map((island) => island.getAttribute("component-url")));
    throw new Error(`${pending.length} island(s) did not hydrate within ${timeout} ms: ${pending.join(", ")}`);
  }
}

/** axe-core's minified build: the same rules as `axe.source` (the unminified build), in 640 KB instead of 1.4 MB, which
 * the page parses in about 0.4 s instead of 0.6 s on each injection. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * axe-core's WCAG 2.2 AA and best-practice violations on the page as it is now, one line each, tagged with `label`;
 * within the element `within` selects, if given.
 */
export async function axeViolations(page: Page, label: string, within?: string): Promise<string[]> {
  // Judge what a reader settles on, not a colour halfway through a 0.25 s transition.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))));
  // axe-core itself, injected once per page and run in it. (@axe-core/playwright finishes every scan in a second, blank
  // page and ships every passing node across: 3-5 times the scan's own cost, 25 s against 5-8 s on a long lesson under
  // load.) The site has no frames, so the main frame is the whole page.
  expect(page.frames(), "axe runs in the main frame only").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ([tags, tag, selector]) => {
      const context = selector === undefined ? document : { include: [selector] };
      const results = await (window as unknown as { axe: typeof axe }).axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map(
        (violation) => `[${tag}] ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 4).join(" | ")}`,
      );
    },
    [wcagTags, label, within] as const,
  );
}

/** A number as the widgets and the prose print it, read back: "−0.3532" → -0.3532 (a true minus sign); "1,056" → 1056. */
export function readPrinted(text: string): number {
  return Number(text.trim().replace("\u2212", "-").replace(/,/g, ""));
}

/** A number a lesson's prose prints, computed by the course layer at build time (src/course/facts). */
export async function fact(page: Page, name: string): Promise<number> {
  return readPrinted(await page.locator(`[data-fact="${name}"]`).first().innerText());
}

/** A number as the widgets print it: fixed decimals and a true minus sign ("−0.353"; never "−0.000"). */
export function printedNumber(value: number, digits = 3): string {
  const text = value.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}
