import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, sitePaths, test } from "./helpers";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 4).join(" | ")}`,
  );
}

async function useTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((choice) => localStorage.setItem("course-theme", choice), theme);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

/** Puts every island in an interacted state: presses the first enabled button inside it that is not a reset or download. */
async function interactWithWidgets(page: Page): Promise<number> {
  const islands = page.locator("astro-island");
  const count = await islands.count();
  let pressed = 0;
  for (let index = 0; index < count; index += 1) {
    const button = islands
      .nth(index)
      .getByRole("button")
      .filter({ hasNotText: /reset|export|copy|download|sweep/i })
      .first();
    if ((await button.count()) > 0 && (await button.isEnabled()) && (await button.isVisible())) {
      await button.click();
      pressed += 1;
    }
  }
  return pressed;
}

test("axe finds no violations on any page, in light and in dark theme", async ({ page, problems }) => {
  test.setTimeout(180_000);
  const paths = await sitePaths(page);
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    for (const theme of ["light", "dark"] as const) {
      await useTheme(page, theme);
      await page.waitForLoadState("networkidle");
      for (const violation of await violations(page)) found.push(`${path} [${theme}] ${violation}`);
    }
  }
  expect(found).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test("axe finds no violations with every widget in an interacted state", async ({ page, problems }) => {
  test.setTimeout(180_000);
  const paths = (await sitePaths(page)).filter((path) => path.includes("/lessons/"));
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Hydrate every island (client:visible) by scrolling through the page.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      }
    });
    await page.waitForLoadState("networkidle");
    await interactWithWidgets(page);
    for (const violation of await violations(page)) found.push(`${path} ${violation}`);
  }
  expect(found).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
