import { readFileSync } from "node:fs";
import type { Locator } from "@playwright/test";
import { expect, hydrateIslands, test } from "./helpers";
import { landscape } from "./landscape";

// Lesson 7's map dragged by hand at 1280 × 900, and the data download. Numbers come from the engine (src/course/facts,
// test/unit/course). The map's keys and its minimum on top, and lesson 9's split, key and stateful section, are steps
// of the one test per page in lessons7to10.spec.ts, which loads those pages at the default size: a page load costs
// 1-2 s on the shared 2-core machine.

const LANDSCAPE = "lessons/loss-landscape/";

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
