/**
 * The course layer as a reader meets it: every lesson shows the exercises its list promises, the progress page names
 * a missed exercise by its question, search results quote no answers and no TeX and land on the matching section,
 * and the corrected claims of lessons 3, 6 and 7 read as the engine has them. (That lesson 8's prose names the
 * calculator's fields as the calculator labels them is a step of lessons7to10.spec.ts's lesson 8 test, on the same page.)
 */
import type { Page } from "@playwright/test";
import { builtPaths, expect, test } from "./helpers";

/** The corrected claims of lessons 7, 6 and 3, read where the loop below loads each page. */
const correctedClaims: Record<string, (page: Page) => Promise<void>> = {
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

test("each lesson shows exactly the exercises the sidebar and the progress page count, in that order", async ({ page }) => {
  // Ten pages in one test: the exercises are in the server-rendered HTML, so no page needs to finish loading its islands.
  test.setTimeout(180_000);
  const lessons = builtPaths().filter((path) => /lessons\/[^/]+\/$/.test(path));
  expect(lessons).toHaveLength(10);
  for (const path of lessons) {
    await page.goto(path, { waitUntil: "domcontentloaded" });
    const slug = /lessons\/([^/]+)\/$/.exec(path)![1]!;
    const listed = ((await page.locator(`[data-lesson="${slug}"][data-exercises]`).first().getAttribute("data-exercises")) ?? "").split(" ").filter(Boolean);
    const shown = await page.locator("[data-exercise-kind]").evaluateAll((elements) => elements.map((element) => element.id));
    expect(shown, path).toEqual(listed);
    expect(shown.length, path).toBeGreaterThanOrEqual(4);
    // The prose is server-rendered too, so the claims are read on the page already loaded here rather than on a second
    // load of it (a page load costs 1-2 s on the shared 2-core machine).
    const claims = correctedClaims[path];
    if (claims) await test.step(`the corrected claims read as the engine has them (lessons 3, 6 and 7): ${path}`, () => claims(page));
  }
  expect(Object.keys(correctedClaims).filter((path) => !lessons.includes(path)), "lessons whose claims were not read").toEqual([]);
});

test("the progress page names a missed exercise by its question and links to it", async ({ page, problems }) => {
  await page.goto("lessons/iterations-and-epochs/");
  const question = "The table has 50 rows and the batch size is 8, with the default drop_last=False. How many iterations make one epoch?";
  const exercise = page.locator("#iterations-b8");
  await exercise.scrollIntoViewIfNeeded();
  await exercise.getByLabel(question).fill("6");
  await exercise.getByRole("button", { name: "Check" }).click();
  await expect(exercise.getByRole("status")).toContainText("Not quite");
  await page.goto("progress/");
  const link = page.getByRole("link", { name: `Iterations and epochs: ${question}` });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /lessons\/iterations-and-epochs\/#iterations-b8$/);
  expect(problems.consoleErrors).toEqual([]);
});

test("search results quote no exercise answers and no TeX, and land on the section that matches", async ({ page, problems }) => {
  await page.goto("search/?q=416");
  const status = page.getByRole("status");
  await expect(status).toContainText(/“416”/);
  await expect(page.locator("main ol")).not.toContainText("Answer:");

  // KaTeX keeps each formula's TeX source in its MathML annotation; none of it is indexed or quoted.
  for (const words of ["lceil", "tilde", "iterations per epoch"]) {
    await page.getByRole("searchbox", { name: "Words to find" }).fill(words);
    await page.getByRole("searchbox", { name: "Words to find" }).press("Enter");
    await expect(status).toContainText(`“${words}”`);
    for (const text of await page.locator("main ol li p").allTextContents()) expect(text, words).not.toMatch(/\\[a-z]+/);
  }

  await page.getByRole("searchbox", { name: "Words to find" }).fill("drop_last");
  await page.getByRole("searchbox", { name: "Words to find" }).press("Enter");
  await expect(status).toContainText(/match(es)? “drop_last”/);
  const first = page.locator("main ol li").first().getByRole("link");
  await expect(first).toHaveAttribute("href", /#[a-z0-9-]+$/);
  const target = (await first.getAttribute("href"))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.locator(`[id="${target.split("#")[1]}"]`)).toBeInViewport();
  expect(problems.consoleErrors).toEqual([]);
});
