import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { builtPaths, expect, test } from "./helpers";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function violations(page: Page, label: string): Promise<string[]> {
  // Judge what a reader settles on, not a colour halfway through a 0.25 s transition.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))));
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map(
    (violation) => `[${label}] ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 4).join(" | ")}`,
  );
}

async function useTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((choice) => localStorage.setItem("course-theme", choice), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  await page.waitForLoadState("networkidle");
}

/** Scrolls through the page so every client:visible island hydrates. */
async function hydrateAll(page: Page): Promise<void> {
  // Timers, not animation frames (those can stall in a busy headless browser); a bounded number of steps.
  await page.evaluate(async () => {
    for (let step = 0, y = 0; step < 100 && y < document.body.scrollHeight; step += 1, y += 700) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}

/** Puts every island in an interacted state: presses the first enabled button inside it that is not a reset, export or sweep. */
async function interactWithWidgets(page: Page): Promise<void> {
  const islands = page.locator("astro-island");
  const count = await islands.count();
  for (let index = 0; index < count; index += 1) {
    const button = islands
      .nth(index)
      .getByRole("button")
      .filter({ hasNotText: /reset|export|copy|download|sweep/i })
      .first();
    if ((await button.count()) > 0 && (await button.isEnabled()) && (await button.isVisible())) await button.click();
  }
  // A widget that was set playing is paused again: axe judges the colours a reader stops on, not a cell caught
  // mid-transition by the next tick.
  // (A paused widget's button may be renamed "Play", so the list is read again after every click.)
  const playing = page.getByRole("button", { name: "Pause", exact: true }).and(page.locator(":enabled"));
  for (let guard = 0; guard < 20 && (await playing.count()) > 0; guard += 1) await playing.first().click();
}

for (const path of builtPaths()) {
  test(`axe finds no violations on ${path}: light, dark, 375 px wide, and with its widgets used`, async ({ page, problems }) => {
    test.setTimeout(300_000); // four full axe passes over long pages
    const found: string[] = [];
    await page.goto(path);
    for (const theme of ["light", "dark"] as const) {
      await useTheme(page, theme);
      await hydrateAll(page);
      found.push(...(await violations(page, theme)));
    }
    // A phone-sized screen: wide tables, code and formulas scroll and must stay reachable.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await hydrateAll(page);
    found.push(...(await violations(page, "375 px")));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await hydrateAll(page);
    await interactWithWidgets(page);
    found.push(...(await violations(page, "widgets used")));
    expect(found).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}
