import { expect, test } from "./helpers";

test("the sub-path build serves every page and asset under /course/", async ({ page, problems }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How data enters a neural network");
  const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of hrefs) expect(href, "internal links keep the base").toMatch(/^\/course\//);
  await page.getByRole("link", { name: /1\. Samples, features and targets/ }).first().click();
  await expect(page).toHaveURL(/\/course\/lessons\/samples-and-features\/$/);
  // The address changes when the new page commits, before its body is parsed: wait for the typeset math, do not count it once.
  await expect(page.locator(".katex").first()).toBeVisible();
  await page.getByRole("searchbox", { name: "Search the lessons" }).fill("greenhouse");
  await page.getByRole("searchbox", { name: "Search the lessons" }).press("Enter");
  await expect(page).toHaveURL(/\/course\/search\/\?q=greenhouse/);
  await expect(page.locator("#search-results a").first()).toHaveAttribute("href", /^\/course\/lessons\//);
  expect(problems.failedRequests).toEqual([]);
});
