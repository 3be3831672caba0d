import { expect, hydrateIslands, test } from "./helpers";

// Checks that start from the same page as a fresh reader finds it share one load of it (a browser context, a load and
// hydration cost 1-2 s each on the shared 2-core machine) and run as steps, in an order where each starts from the
// state it assumes; a setting a step changes is set back through the page, as a reader would.

test("an unknown address shows the 404 page with a way back", async ({ page }) => {
  const response = await page.goto("does-not-exist/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the course outline" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How data enters a neural network");
});

test("the home page: the lesson list, the palette in both themes, the theme choice, and search", async ({ page, problems }) => {
  test.setTimeout(120_000);
  // The theme step starts from a light system theme: Playwright's default, which the other steps had too.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("./");

  await test.step("the home page lists every lesson in order with its summary", async () => {
    const outline = page.locator(".outline > li");
    expect(await outline.count()).toBeGreaterThanOrEqual(1);
    await expect(outline.first().getByRole("link")).toContainText("1. Samples, features and targets");
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("the categorical palette has at least 3:1 contrast with the background in both themes", async () => {
    for (const theme of ["light", "dark"]) {
      await page.getByLabel("Theme").selectOption(theme);
      const ratios = await page.evaluate(() => {
        // The browser resolves each token to rgb(); a swatch element reads it back.
        const swatch = document.createElement("span");
        document.body.append(swatch);
        const luminance = (colour: string) => {
          swatch.style.color = colour;
          const channels = (getComputedStyle(swatch).color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
          const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * (r ?? NaN) + 0.7152 * (g ?? NaN) + 0.0722 * (b ?? NaN);
        };
        const background = luminance("var(--bg)");
        const ratios = Array.from({ length: 8 }, (_, i) => {
          const colour = luminance(`var(--cat-${i + 1})`);
          const [light, dark] = colour > background ? [colour, background] : [background, colour];
          return (light + 0.05) / (dark + 0.05);
        });
        swatch.remove();
        return ratios;
      });
      expect(ratios).toHaveLength(8);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
    }
    expect(problems.consoleErrors).toEqual([]);
    // Back to following the system, as a fresh reader has it: the theme step starts there.
    await page.getByLabel("Theme").selectOption("auto");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });

  await test.step("the theme choice applies at once and survives a reload", async () => {
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

  // Last: it leaves the home page for the search page. The theme does not enter into it.
  await test.step("search finds a lesson by a word from its text", async () => {
    await page.getByRole("searchbox", { name: "Search the lessons" }).fill("greenhouse");
    await page.getByRole("searchbox", { name: "Search the lessons" }).press("Enter");
    await expect(page.getByRole("status")).toContainText(/match(es)? “greenhouse”/);
    await expect(page.locator("#search-results li").first().getByRole("link")).toBeVisible();
    await page.getByRole("searchbox", { name: "Words to find" }).fill("qwertyzzz");
    await page.getByRole("searchbox", { name: "Words to find" }).press("Enter");
    await expect(page.getByRole("status")).toHaveText("No lesson mentions “qwertyzzz”.");
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("lesson 1's page: the sidebar and contents, KaTeX, every control by Tab, and a glossary term on focus", async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto("lessons/samples-and-features/");

  await test.step("a lesson marks itself in the sidebar, lists its headings and links to its neighbours", async () => {
    const sidebar = page.getByRole("complementary", { name: "All lessons" });
    await expect(sidebar.locator('[aria-current="page"]')).toContainText("Samples, features and targets");
    const toc = page.getByRole("complementary", { name: "On this page" });
    const firstH2 = await page.locator("article h2").nth(1).textContent();
    await expect(toc.getByRole("link").first()).toHaveText(firstH2 ?? "");
    await expect(page.getByText(/min read/)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  // Before the islands hydrate: the formulas are the build's.
  await test.step("math is typeset by KaTeX at build time", async () => {
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    expect(await page.locator(".katex-error").count()).toBe(0);
    // MathML is there for screen readers.
    expect(await page.locator(".katex math").count()).toBeGreaterThan(0);
    expect(problems.failedRequests).toEqual([]);
  });

  // Nothing has taken the focus yet, so Tab starts at the top of the page as on a fresh load.
  await test.step("keyboard-only: Tab reaches every interactive control on a lesson page", async () => {
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

  await test.step("a glossary term shows its definition on keyboard focus", async () => {
    // The Tab presses above left the focus somewhere on the page; a click on the title takes it away, as a reader's would.
    await page.getByRole("heading", { level: 1 }).click();
    const term = page.locator(".term").first();
    const tooltip = term.getByRole("tooltip");
    await expect(tooltip).toBeHidden();
    await term.focus();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(/\w+: /);
  });
});
