import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, hydrateIslands, test } from "./helpers";

// Lesson 7's map used by hand (drag, keys, the minimum on top), lesson 9's split, key and stateful section, and the
// data download. Numbers come from the engine (src/course/facts, test/unit/course).

const LANDSCAPE = "lessons/loss-landscape/";

function landscape(page: Page): Locator {
  return page.getByRole("figure", { name: /Loss landscape of/ });
}

/** The map's drawing box and a function from weights to a point on the screen (the SVG's viewBox scales uniformly). */
async function mapPoint(figure: Locator): Promise<(w1: number, w2: number) => { x: number; y: number }> {
  const map = figure.getByRole("group", { name: /Contour map of the loss/ });
  const box = (await map.boundingBox())!;
  const viewBox = (await map.getAttribute("viewBox"))!.split(" ").map(Number);
  const scale = box.width / viewBox[2]!;
  // The plot area starts 54 units from the left and 12 from the top and spans 480 units for weights −2.5 … 2.5.
  return (w1, w2) => ({ x: box.x + (54 + ((w1 + 2.5) / 5) * 480) * scale, y: box.y + (12 + ((2.5 - w2) / 5) * 480) * scale });
}

test.describe("lesson 7: the loss landscape by hand", () => {
  test("dragging the start ring moves the start, recomputes the paths and updates the numbers beside the map", async ({ page, problems }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(LANDSCAPE);
    await hydrateIslands(page);
    const figure = landscape(page);
    await figure.scrollIntoViewIfNeeded();
    const start = figure.getByRole("button", { name: /^Start point at w1 = 2\.00, w2 = −1\.50/ });
    await expect(start).toBeVisible();
    const rowB1 = figure.getByRole("row", { name: /^B = 1\b/ });
    const rowB50 = figure.getByRole("row", { name: /^B = 50\b/ });
    await expect(rowB50).toContainText("2.002");
    const before = await rowB1.textContent();

    const at = await mapPoint(figure);
    const from = at(2, -1.5);
    const to = at(-1, 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();

    await expect(figure.getByRole("button", { name: /^Start point at w1 = −1\.00, w2 = 2\.00/ })).toBeVisible();
    await expect(figure.getByRole("textbox", { name: "Start w1" })).toHaveValue("-1");
    await expect(figure.getByRole("textbox", { name: "Start w2" })).toHaveValue("2");
    await expect(figure.getByRole("table")).toContainText("from the start w1 = −1.00, w2 = 2.00");
    // Still 250 and 5 updates, now ending somewhere else.
    await expect(rowB1.getByRole("cell").first()).toHaveText("250 of 250");
    await expect(rowB50.getByRole("cell").first()).toHaveText("5 of 5");
    await expect(rowB50).not.toContainText("2.002");
    expect(await rowB1.textContent()).not.toBe(before);
    await expect(figure.getByRole("status")).toContainText("After 5 epochs: B=1 made 250 updates");

    // A click elsewhere on the map moves the start there too.
    const click = at(0.5, -2);
    await page.mouse.click(click.x, click.y);
    await expect(figure.getByRole("textbox", { name: "Start w1" })).toHaveValue("0.5");
    await expect(figure.getByRole("textbox", { name: "Start w2" })).toHaveValue("-2");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the arrow keys move the focused start ring by 0.05, with Shift by 0.5", async ({ page, problems }) => {
    await page.goto(LANDSCAPE);
    await hydrateIslands(page);
    const figure = landscape(page);
    const rowB5 = figure.getByRole("row", { name: /^B = 5\b/ });
    const before = await rowB5.textContent();
    await figure.getByRole("button", { name: /^Start point at/ }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Shift+ArrowUp");
    await expect(figure.getByRole("textbox", { name: "Start w1" })).toHaveValue("1.9");
    await expect(figure.getByRole("textbox", { name: "Start w2" })).toHaveValue("-1");
    const start = figure.getByRole("button", { name: /^Start point at w1 = 1\.90, w2 = −1\.00/ });
    await expect(start).toBeFocused();
    expect(await rowB5.textContent()).not.toBe(before);
    // The keys stop at the map's edge.
    for (let k = 0; k < 4; k++) await page.keyboard.press("Shift+ArrowRight");
    await expect(figure.getByRole("textbox", { name: "Start w1" })).toHaveValue("2.5");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the minimum is drawn above the paths: the point at its centre belongs to it, and its numbers are in the table", async ({ page, problems }) => {
    await page.goto(LANDSCAPE);
    await hydrateIslands(page);
    const figure = landscape(page);
    const minimum = figure.getByRole("img", { name: "Minimum of the loss: w1 = 0.54, w2 = 0.47, loss 0.042" });
    await minimum.scrollIntoViewIfNeeded();
    const box = (await minimum.boundingBox())!;
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest("[aria-label^='Minimum of the loss']") !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(onTop).toBe(true);
    // The B = 1 path ends right next to it (w1 0.538, w2 0.551), so this is the case that used to hide it.
    await expect(figure.getByRole("row", { name: /^B = 1\b/ })).toContainText("0.538");
    await expect(figure.getByRole("row", { name: /^Minimum/ })).toContainText("0.541");
    await expect(figure.getByRole("row", { name: /^Minimum/ })).toContainText("0.475");
    await expect(figure.getByRole("row", { name: /^Minimum/ })).toContainText("0.042");
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("lesson 9: a fair split, the window key and stateful LSTMs", () => {
  test("the prose and trainer name the held-out hours, day and night, and a 10-seed table backs the pattern", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const article = page.locator("article");
    await expect(article).toContainText("of rows 41–50, 8 are night hours with light 0");
    await expect(article).toContainText("holds out rows 33–42 instead, an afternoon running into the night: 5 hours with light and 5 without");
    await expect(article).toContainText("the 8 windows that share a row with a held-out window are left out of training, which leaves 28 training windows");
    await expect(article).toContainText("standardised with the mean and spread of the training rows only");
    const seeds = page.getByRole("table", { name: /^Final losses after the default settings' epochs, seeds 1 to 10/ });
    await expect(seeds.locator("tbody tr")).toHaveCount(10);
    await expect(seeds.getByRole("row", { name: /^1\b/ })).toContainText("0.0083");
    const trainer = page.getByRole("figure", { name: /A tiny LSTM against the MLP/ });
    await expect(trainer).toContainText("hours 33–42 (rows of day and night) are held out");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the window strip's key tells input rows from the target row, in words and marks", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const figure = page.getByRole("figure", { name: /From rows to windows/ });
    await figure.scrollIntoViewIfNeeded(); // the island hydrates when a reader reaches it
    const key = figure.getByRole("list", { name: "Key to the row strip" });
    await expect(key.getByRole("listitem")).toHaveCount(3);
    await expect(key.getByRole("listitem").nth(0)).toContainText("a row the window reads as input");
    await expect(key.getByRole("listitem").nth(1)).toContainText("the window's last row: read as input too, and its water use y is the target");
    // The marks in the strip: four input rows marked x and one row marked x y (window 1, T = 5).
    await expect(figure.locator("li", { hasText: /^\d+x$/ })).toHaveCount(4);
    await expect(figure.locator("li", { hasText: /^5x y$/ })).toHaveCount(1);
    await figure.getByRole("textbox", { name: "Window", exact: true }).fill("7");
    await expect(figure.locator("li", { hasText: /^11x y$/ })).toHaveCount(1);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the stateful section shows Keras' batch_shape and its exercise checks the continuing rows", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const heading = page.getByRole("heading", { name: "The one place the batch size enters: stateful LSTMs" });
    await expect(heading).toBeVisible();
    const article = page.locator("article");
    await expect(article).toContainText("sample i of batch k + 1 continues sample i of batch k");
    await expect(article.locator("pre", { hasText: "stateful=True" })).toContainText("keras.Input(batch_shape=(5, 2, 3))");
    await expect(article.locator("pre", { hasText: "stateful=True" })).toContainText("shuffle=False");
    const exercise = page.locator("#stateful-next-rows");
    await exercise.scrollIntoViewIfNeeded();
    const field = exercise.getByRole("textbox");
    await field.fill("21-22");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).toContainText("the start of the next stream");
    await field.fill("13-14");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).toContainText("Correct.");
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("greenhouse.csv downloads from lesson 1 and the lab, byte for byte the shipped data file", async ({ page, problems }) => {
  const shipped = readFileSync("content/data/greenhouse.csv");
  for (const lesson of ["lessons/samples-and-features/", "lessons/batch-size-lab/"]) {
    await page.goto(lesson);
    const link = page.locator("article").getByRole("link", { name: "greenhouse.csv" });
    await expect(link).toHaveAttribute("download", "greenhouse.csv");
    const href = (await link.getAttribute("href"))!;
    const response = await page.request.get(new URL(href, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(Buffer.compare(await response.body(), shipped)).toBe(0);
  }
  expect(problems.consoleErrors).toEqual([]);
});
