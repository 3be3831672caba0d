import { expect, hydrateIslands, test } from "./helpers";

test("an unknown address shows the 404 page with a way back", async ({ page }) => {
  const response = await page.goto("does-not-exist/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the course outline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How data enters a neural network");
});

test("the home page lists every lesson in order with its summary", async ({ page, problems }) => {
  await page.goto("./");
  const outline = page.locator(".outline > li");
  expect(await outline.count()).toBeGreaterThanOrEqual(1);
  await expect(outline.first().getByRole("link")).toContainText("1. Samples, features and targets");
  expect(problems.consoleErrors).toEqual([]);
});

test("a lesson marks itself in the sidebar, lists its headings and links to its neighbours", async ({ page, problems }) => {
  await page.goto("lessons/samples-and-features/");
  const sidebar = page.getByRole("complementary", { name: "All lessons" });
  await expect(sidebar.locator('[aria-current="page"]')).toContainText("Samples, features and targets");
  const toc = page.getByRole("complementary", { name: "On this page" });
  const firstH2 = await page.locator("article h2").nth(1).textContent();
  await expect(toc.getByRole("link").first()).toHaveText(firstH2 ?? "");
  await expect(page.getByText(/min read/)).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test("math is typeset by KaTeX at build time", async ({ page, problems }) => {
  await page.goto("lessons/samples-and-features/");
  expect(await page.locator(".katex").count()).toBeGreaterThan(0);
  expect(await page.locator(".katex-error").count()).toBe(0);
  // MathML is there for screen readers.
  expect(await page.locator(".katex math").count()).toBeGreaterThan(0);
  expect(problems.failedRequests).toEqual([]);
});

test("the theme choice applies at once and survives a reload", async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("./");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
  await page.getByLabel("Theme").selectOption("auto");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(problems.consoleErrors).toEqual([]);
});

test("search finds a lesson by a word from its text", async ({ page, problems }) => {
  await page.goto("./");
  await page.getByRole("searchbox", { name: "Search the lessons" }).fill("greenhouse");
  await page.getByRole("searchbox", { name: "Search the lessons" }).press("Enter");
  await expect(page.getByRole("status")).toContainText(/match(es)? “greenhouse”/);
  await expect(page.locator("#search-results li").first().getByRole("link")).toBeVisible();
  await page.getByRole("searchbox", { name: "Words to find" }).fill("qwertyzzz");
  await page.getByRole("searchbox", { name: "Words to find" }).press("Enter");
  await expect(page.getByRole("status")).toHaveText("No lesson mentions “qwertyzzz”.");
  expect(problems.consoleErrors).toEqual([]);
});

test("a glossary term shows its definition on keyboard focus", async ({ page }) => {
  await page.goto("lessons/samples-and-features/");
  const term = page.locator(".term").first();
  const tooltip = term.getByRole("tooltip");
  await expect(tooltip).toBeHidden();
  await term.focus();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/\w+: /);
});

test("keyboard-only: Tab reaches every interactive control on a lesson page", async ({ page }) => {
  await page.goto("lessons/samples-and-features/");
  await hydrateIslands(page); // widget controls stay disabled until their island runs
  // Tab visits a radio group once (arrow keys move within it), so a group counts as one control, reached at any radio.
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")]
      .filter((element) => element.tabIndex >= 0 && !element.hasAttribute("disabled") && element.getClientRects().length > 0)
      .filter((element) => getComputedStyle(element).visibility !== "hidden")
      .map((element) => (element instanceof HTMLInputElement && element.type === "radio" ? `radio group ${element.name}` : element.outerHTML.slice(0, 80))),
  );
  // The page records where focus lands; the test only presses Tab.
  await page.evaluate(() => {
    const reached: string[] = [];
    (window as unknown as { reached: string[] }).reached = reached;
    document.addEventListener("focusin", (event) => {
      const element = event.target as HTMLElement;
      reached.push(element instanceof HTMLInputElement && element.type === "radio" ? `radio group ${element.name}` : element.outerHTML.slice(0, 80));
    });
  });
  for (let press = 0; press < new Set(controls).size + 20; press += 1) await page.keyboard.press("Tab");
  const reached = new Set(await page.evaluate(() => (window as unknown as { reached: string[] }).reached));
  const missed = controls.filter((control) => !reached.has(control));
  expect(missed).toEqual([]);
});
