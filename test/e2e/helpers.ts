import { readFileSync } from "node:fs";
import { expect, test as base, type Page } from "@playwright/test";

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

/** Every page of the site, read from the built sitemap so new lessons are covered without editing tests. */
export async function sitePaths(page: Page): Promise<string[]> {
  const response = await page.request.get("sitemap-0.xml");
  const xml = await response.text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
}

/** The same list, read from the build on disk when tests are collected, so each page can get its own test. */
export function builtPaths(): string[] {
  const dist = process.env["E2E_DIST"] ?? "dist";
  const xml = readFileSync(`${dist}/sitemap-0.xml`, "utf8");
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname);
}
