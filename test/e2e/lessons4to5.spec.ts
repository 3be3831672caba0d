import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./helpers";

const LESSON4 = "lessons/a-batch-forward/";
const LESSON5 = "lessons/iterations-and-epochs/";

/** "−0.3532" → -0.3532 (the widgets print a true minus sign). */
function num(text: string): number {
  return Number(text.trim().replace("−", "-"));
}

/** Islands hydrate when they scroll into view; their controls are disabled until then. */
async function hydrated(widget: Locator, control: string): Promise<Locator> {
  const field = widget.getByRole("textbox", { name: control });
  await field.scrollIntoViewIfNeeded();
  await expect(field).toBeEnabled();
  return widget;
}

async function timeline(page: Page): Promise<Locator> {
  return hydrated(page.getByRole("figure", { name: /Epoch timeline/ }), "Batch size");
}

async function inspector(page: Page): Promise<Locator> {
  return hydrated(page.getByRole("figure", { name: /Batch inspector/ }), "Start row");
}

async function counter(widget: Locator, label: string): Promise<Locator> {
  return widget.getByLabel(label, { exact: true });
}

async function step(widget: Locator, times: number): Promise<void> {
  const button = widget.getByRole("button", { name: "Step" });
  for (let i = 0; i < times; i++) await button.click();
}

async function cellOrder(widget: Locator): Promise<string> {
  return widget.getByRole("list", { name: /Rows in the order of epoch/ }).innerText();
}

test.describe("epoch timeline (lesson 5)", () => {
  test("batch 8 gives 7 iterations with a last batch of 2; dropping it gives 6 and 2 rows unused", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = await timeline(page);
    await widget.getByRole("textbox", { name: "Batch size" }).fill("8");
    await expect(await counter(widget, "Iterations per epoch")).toHaveText("7");
    await expect(await counter(widget, "Last batch size")).toHaveText("2");
    await expect(widget.getByRole("list", { name: "Batches of epoch 1" })).toContainText(
      "Iteration 7: positions 49–50 of this epoch's order = rows 49, 50 (partial: 2 rows)",
    );
    await widget.getByRole("checkbox", { name: "Drop last partial batch" }).check();
    await expect(await counter(widget, "Iterations per epoch")).toHaveText("6");
    await expect(widget.getByText("2 rows unused this epoch")).toBeVisible();
    await expect(widget.getByRole("list", { name: "Batches of epoch 1" })).toContainText("Rows 49, 50: unused this epoch");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("batch 7 gives 8 iterations, the last of 1 row", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = await timeline(page);
    await widget.getByRole("textbox", { name: "Batch size" }).fill("7");
    await expect(await counter(widget, "Iterations per epoch")).toHaveText("8");
    await expect(await counter(widget, "Last batch size")).toHaveText("1");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("at batch 5, iteration 10 takes the 5 rows at positions 46-50", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = await timeline(page);
    await widget.getByRole("textbox", { name: "Batch size" }).fill("5");
    await expect(await counter(widget, "Iterations per epoch")).toHaveText("10");
    await step(widget, 10);
    await expect(await counter(widget, "Iteration")).toHaveText("10");
    await expect(await counter(widget, "Weight updates")).toHaveText("10");
    await expect(await counter(widget, "Samples seen")).toHaveText("50");
    const now = widget.getByText(/^Now: Iteration/);
    await expect(now).toContainText("Iteration 10: positions 46–50 of this epoch's order");
    const rows = ((await now.innerText()).match(/= rows ([\d, ]+)/)?.[1] ?? "").split(",").map(Number);
    expect(rows).toEqual([46, 47, 48, 49, 50]);
    await expect(page.getByRole("status").filter({ hasText: "Iteration 10" })).toHaveCount(1);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("two shuffled epochs at batch 10 make 10 weight updates and change the order between epochs", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = await timeline(page);
    await widget.getByRole("textbox", { name: "Batch size" }).fill("10");
    await widget.getByRole("textbox", { name: "Epochs" }).fill("2");
    await widget.getByRole("checkbox", { name: "Shuffle each epoch" }).check();
    await step(widget, 5);
    await expect(await counter(widget, "Epoch")).toHaveText("1");
    const firstOrder = await cellOrder(widget);
    await step(widget, 1);
    await expect(await counter(widget, "Epoch")).toHaveText("2");
    await expect(await counter(widget, "Iteration")).toHaveText("1");
    await expect(widget.getByText(/reshuffled at the start of this epoch/)).toBeVisible();
    await expect(widget.getByRole("status").filter({ hasText: "Epoch 2 begins: the rows were reshuffled." })).toHaveCount(1);
    const secondOrder = await cellOrder(widget);
    expect(secondOrder).not.toBe(firstOrder);
    await step(widget, 4);
    await expect(await counter(widget, "Weight updates")).toHaveText("10");
    await expect(await counter(widget, "Samples seen")).toHaveText("100");
    await expect(widget.getByRole("button", { name: "Step" })).toBeDisabled();
    await widget.getByRole("button", { name: "Reset" }).click();
    await expect(await counter(widget, "Weight updates")).toHaveText("0");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("with reduced motion, Play still steps but nothing animates", async ({ page, problems }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.clock.install(); // Play's ticks are moved by the test, not waited for
    await page.goto(LESSON5);
    const widget = await timeline(page);
    await expect(widget.getByText(/Reduced motion is on/)).toBeVisible();
    const cell = widget.getByRole("list", { name: /Rows in the order of epoch/ }).getByRole("listitem").first();
    const duration = await cell.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(duration).toBeLessThan(0.001);
    const updates = await counter(widget, "Weight updates");
    await widget.getByRole("button", { name: "Play" }).click();
    await page.clock.runFor(5_000); // several ticks
    await expect(updates).not.toHaveText("0");
    await widget.getByRole("button", { name: "Pause" }).click();
    await expect(widget.getByRole("button", { name: "Play" })).toBeVisible();
    await page.clock.runFor(1_000); // Preact stops the interval in an effect, a frame after the click
    const paused = await updates.innerText();
    await page.clock.runFor(10_000);
    await expect(updates).toHaveText(paused);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("bad numbers get a message and the timeline keeps its last good batch size", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = await timeline(page);
    const field = widget.getByRole("textbox", { name: "Batch size" });
    await field.fill("2.5");
    await expect(widget.getByRole("alert")).toContainText("Batch size must be a whole number");
    await field.fill("0");
    await expect(widget.getByRole("alert")).toContainText("at least 1");
    await field.fill("51");
    await expect(widget.getByRole("alert")).toContainText("at most 50");
    await expect(await counter(widget, "Iterations per epoch")).toHaveText("7");
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("batch inspector (lesson 4)", () => {
  async function tableNumbers(widget: Locator): Promise<{ body: number[][]; mean: number[] }> {
    const table = widget.getByRole("table", { name: /Per-row numbers/ });
    const bodyRows = table.locator("tbody").getByRole("row");
    const body: number[][] = [];
    for (const row of await bodyRows.all()) {
      body.push((await row.getByRole("cell").allInnerTexts()).map(num));
    }
    const mean = (await table.locator("tfoot").getByRole("row").getByRole("cell").allInnerTexts()).filter((t) => t.trim() !== "").map(num);
    return { body, mean };
  }

  test("row by row and as one matrix product give the same numbers, with a largest difference of 0", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
    const table = widget.getByRole("table", { name: /Per-row numbers/ });
    await widget.getByRole("radio", { name: "As one matrix product" }).check();
    await expect(table).toHaveAccessibleName(/as one matrix product/);
    const matrix = await table.locator("tbody, tfoot").allInnerTexts();
    await widget.getByRole("radio", { name: "Row by row" }).check();
    await expect(table).toHaveAccessibleName(/row by row/);
    const rowByRow = await table.locator("tbody, tfoot").allInnerTexts();
    expect(rowByRow).toEqual(matrix);
    await expect(widget.getByLabel("Largest difference between the two computations")).toHaveText("0");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the mean line of the table is the mean of the per-row losses and gradients", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
    const { body, mean } = await tableNumbers(widget);
    expect(body).toHaveLength(5);
    // Cells: prediction, target, loss, ∂ℓ/∂w₁, ∂ℓ/∂w₂; the mean row: loss, ∂ℓ/∂w₁, ∂ℓ/∂w₂.
    const average = (column: number): number => body.reduce((s, r) => s + r[column]!, 0) / body.length;
    expect(Math.abs(mean[0]! - average(2))).toBeLessThan(2e-4);
    expect(Math.abs(mean[1]! - average(3))).toBeLessThan(2e-4);
    expect(Math.abs(mean[2]! - average(4))).toBeLessThan(2e-4);
    for (const r of body) expect(Math.abs(r[2]! - (r[0]! - r[1]!) ** 2)).toBeLessThan(1e-3);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("bad input shows a message and keeps the last good batch", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
    const size = widget.getByRole("textbox", { name: "Batch size" });
    await size.fill("abc");
    await expect(widget.getByRole("alert")).toContainText("“abc” is not a number");
    await size.fill("0");
    await expect(widget.getByRole("alert")).toContainText("at least 1");
    const body = widget.getByRole("table", { name: /Per-row numbers/ }).locator("tbody").getByRole("row");
    await expect(body).toHaveCount(5);
    await size.fill("8");
    await expect(body).toHaveCount(8);
    await widget.getByRole("textbox", { name: "Start row" }).fill("47");
    await expect(body).toHaveCount(4);
    await expect(widget.getByText(/Only 4 rows are left from row 47/)).toBeVisible();
    await widget.getByRole("textbox", { name: "Learning rate" }).fill("-1");
    await expect(widget.getByRole("alert")).toContainText("Learning rate must be at least");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("'Use my selected rows' makes a batch of the rows ticked in lesson 1", async ({ page, problems }) => {
    await page.addInitScript(() => localStorage.setItem("course:selected-rows", "[2,7,11]"));
    await page.goto(LESSON4);
    const widget = await inspector(page);
    await widget.getByRole("radio", { name: /Use my selected rows \(3\)/ }).check();
    const heads = widget.getByRole("table", { name: /Per-row numbers/ }).locator("tbody").getByRole("rowheader");
    await expect(heads).toHaveText(["3", "8", "12"]);
    await expect(widget.getByRole("rowheader", { name: "Row 12 alone" })).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});
