/**
 * The course layer as a reader meets it: every lesson shows the exercises its list promises, the progress page names
 * a missed exercise by its question, search results quote no answers and no TeX and land on the matching section,
 * and the corrected claims of lessons 3, 6 and 7 read as the engine has them. (That lesson 8's prose names the
 * calculator's fields as the calculator labels them is a step of lessons7to10.spec.ts's lesson 8 test, on the same page.)
 */
import { builtPaths, expect, test } from "./helpers";
import { correctedClaims, LESSON_PATH } from "./lessonContent";

test("the pass over every page checks all ten lessons' exercises and the pages of every corrected claim", () => {
  // The checks themselves run in pages.spec.ts, on the load of each page it already makes (lessonContent.ts).
  const lessons = builtPaths().filter((path) => LESSON_PATH.test(path));
  expect(lessons).toHaveLength(10);
  expect(Object.keys(correctedClaims).filter((path) => !lessons.includes(path)), "claims on pages the pass does not load").toEqual([]);
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
