import { readFileSync } from "node:fs";
import { builtPaths, expect, test } from "./helpers";

const dist = process.env["E2E_DIST"] ?? "dist";
const pages = builtPaths();

// Both read the served files over HTTP and load no page, so they share one browser context.
test("the policies the server sends: every page's, and the site's scripts' own", async ({ page }) => {
  test.setTimeout(120_000);
  await test.step("every page states its policy before any script, and its _headers policy is that policy plus frame-ancestors", async () => {
    for (const path of [...pages, "/404.html"]) {
      const response = await page.request.get(path.slice(1));
      const html = await response.text();
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
      expect(meta, path).not.toBeNull();
      const policy = meta![1]!;
      expect(html.indexOf("<meta http-equiv=\"content-security-policy\""), `${path}: the policy comes before the first script`).toBeLessThan(html.indexOf("<script"));
      // What a host that reads _headers sends (scripts/serve.mjs applies the file the build wrote).
      const header = response.headers()["content-security-policy"];
      expect(header, path).toBe(`${policy.trim().replace(/;$/, "")}; frame-ancestors 'none';`);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("no-referrer");
      // Each allowance only where it is needed.
      expect(policy.includes("'wasm-unsafe-eval'"), path).toBe(path === "/search/");
      const workers = /worker-src ([^;]*);/.exec(policy)?.[1];
      expect(workers, path).toBe(["/search/", "/lessons/batch-size-lab/", "/lessons/lstm-inputs/"].includes(path) ? "'self'" : "'none'");
      expect(policy, path).not.toContain("blob:");
    }
  });

  await test.step("the site's scripts carry a policy of their own, which is what a worker runs under", async () => {
    const scripts = readFileSync(`${dist}/lessons/batch-size-lab/index.html`, "utf8").match(/\/_astro\/[\w.-]+\.js/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    const response = await page.request.get(scripts[0]!.slice(1));
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; script-src 'self'");
  });
});

test("search still finds lessons under both policies: the page's and its worker's own", async ({ page, problems }) => {
  await page.goto("search/?q=epoch");
  // Pagefind loads its index and WebAssembly first: on a loaded machine that takes longer than one expect's wait.
  await expect(page.getByRole("status")).toContainText(/lessons? match/, { timeout: 30_000 });
  await expect(page.getByRole("list").filter({ has: page.getByRole("link", { name: /Iterations and epochs/i }) })).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test("the theme script runs under the policy: a stored dark theme applies before the page is shown, with no violation", async ({ page, problems }) => {
  // In storage before the page's scripts run, as a returning reader's browser has it (the test loads one page).
  await page.addInitScript(() => localStorage.setItem("course-theme", "dark"));
  await page.goto("./");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).not.toHaveClass(/no-js/);
  expect(problems.consoleErrors).toEqual([]);
});

test("a right-to-left override in a search link does not reverse the page's sentence", async ({ page, problems }) => {
  await page.goto(`search/?q=${encodeURIComponent("zzqx\u202E")}`);
  const status = page.getByRole("status");
  // Pagefind may or may not find something for the nonsense word; either way the quote ends the sentence as written.
  await expect(status).toHaveText(/^(No lesson mentions|\d+ lessons? match(es)?) “zzqx”\.$/);
  expect(await status.textContent()).not.toContain("\u202E");
  expect(await page.getByRole("searchbox", { name: "Words to find" }).getAttribute("maxlength")).toBe("200");
  expect(problems.consoleErrors).toEqual([]);
});
