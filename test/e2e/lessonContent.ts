/**
 * What every lesson page must show in its server-rendered HTML, checked by pages.spec.ts's pass over every page (on the
 * load it already makes) rather than by a loop that loads the ten lessons again.
 */
import type { Page } from "@playwright/test";
import { expect } from "./helpers";

/** The lesson pages in the sitemap: ten, each checked by `expectExercisesAsListed`. */
export const LESSON_PATH = /^\/lessons\/[^/]+\/$/;

/** The lesson shows exactly the exercises its sidebar entry lists (which the progress page counts), in that order. */
export async function expectExercisesAsListed(page: Page, path: string): Promise<void> {
  const slug = /lessons\/([^/]+)\/$/.exec(path)![1]!;
  const listed = ((await page.locator(`[data-lesson="${slug}"][data-exercises]`).first().getAttribute("data-exercises")) ?? "").split(" ").filter(Boolean);
  const shown = await page.locator("[data-exercise-kind]").evaluateAll((elements) => elements.map((element) => element.id));
  expect(shown, path).toEqual(listed);
  expect(shown.length, path).toBeGreaterThanOrEqual(4);
}

/** The corrected claims of lessons 7, 6 and 3, read on each of those pages. */
export const correctedClaims: Record<string, (page: Page) => Promise<void>> = {
  "/lessons/loss-landscape/": async (page) => {
    const lesson7 = page.locator("article");
    await expect(lesson7).not.toContainText("crosses every contour line at a right angle");
    await expect(lesson7).toContainText("Only in the limit of infinitely small steps, gradient flow, does the path cross every contour at a right angle.");
    // 50 updates each: 1 epoch at B = 1, 5 at B = 5, 50 at B = 50 (not 10 epochs at B = 5, which is 100 updates).
    await expect(lesson7.locator('[data-fact="lesson7.equalUpdates"]')).toHaveText("50");
    await expect(lesson7.locator('[data-fact="lesson7.equalEpochsB1"]')).toHaveText("1");
    await expect(lesson7.locator('[data-fact="lesson7.equalEpochsB5"]')).toHaveText("5");
    await expect(lesson7.locator('[data-fact="lesson7.equalEpochsB50"]')).toHaveText("50");
    await expect(lesson7).toContainText("the single-row path happens to end lowest and");
    await expect(lesson7).not.toContainText("ends lowest.");
  },
  "/lessons/batch-size-lab/": async (page) => {
    const lesson6 = page.locator("article");
    await expect(lesson6).not.toContainText("why many small steps can cover more ground");
    await expect(lesson6).toContainText("comes from the number of their steps, not from the noise");
  },
  "/lessons/one-sample-forward/": async (page) => {
    const lesson3 = page.locator("article");
    await expect(lesson3).not.toContainText("Why is the network's prediction for row 1 far from the target?");
    await expect(lesson3).toContainText("the smallest miss of rows 1–5");
  },
};

