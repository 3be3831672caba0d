import type { Locator, Page } from "@playwright/test";
import { expect, fact, readPrinted, test } from "./helpers";

const LESSON4 = "lessons/a-batch-forward/";
const LESSON5 = "lessons/iterations-and-epochs/";

// Each lesson page is loaded once for all the checks that start from it as a fresh reader finds it (a browser
// context, a load and hydration cost 1-2 s each on the shared 2-core machine): the former tests run as steps, in an
// order where each starts from the state it assumes, and a step that changes what a later one needs fresh sets it back
// through the widget, as a reader would. Play with a mocked clock and reduced motion, and rows selected in storage
// before the page loads, keep pages of their own.

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
  // Any change of a setting starts the run over (EpochTimeline.tsx), so a step that types a batch size starts at
  // iteration 0; the checkboxes a step ticks are unticked before a step that reads the default.
  test("the timeline: bad numbers, batch colours, batch 8, 7 and 5, and two shuffled epochs", async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.goto(LESSON5);
    const widget = await timeline(page);

    // First: the last good batch size it keeps is the page's default, 8.
    await test.step("bad numbers get a message and the timeline keeps its last good batch size", async () => {
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

    await test.step("batch 8 shows 7 batches, the last of 2, with neighbouring batches in different colours", async () => {
      const size = widget.getByRole("textbox", { name: "Batch size" });
      await size.scrollIntoViewIfNeeded();
      await size.fill("8");
      await expect(widget.getByLabel("Iterations per epoch", { exact: true })).toHaveText("7");
      await expect(widget.getByRole("list", { name: "Batches of epoch 1" }).getByRole("listitem")).toHaveCount(7);
      const cells = widget.getByRole("list", { name: /Rows in the order of epoch 1/ }).getByRole("listitem");
      await expect(cells).toHaveCount(50);
      const colours = await cells.evaluateAll((items) => items.map((item) => getComputedStyle(item).borderTopColor));
      // Positions 8(k−1)+1 … 8k form batch k; the last batch holds positions 49 and 50.
      const batchColours = [1, 2, 3, 4, 5, 6, 7].map((k) => {
        const members = colours.slice(8 * (k - 1), Math.min(8 * k, 50));
        expect(new Set(members).size, `batch ${k} has one colour`).toBe(1);
        return members[0]!;
      });
      expect(colours.slice(48)).toHaveLength(2);
      for (let k = 1; k < 7; k++) expect(batchColours[k], `batches ${k} and ${k + 1}`).not.toBe(batchColours[k - 1]);
      expect(new Set(batchColours).size).toBe(7);
      await expect(cells.nth(49)).toContainText("b7");
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("batch 8 gives 7 iterations with a last batch of 2; dropping it gives 6 and 2 rows unused", async () => {
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
      // The later steps count with the default, which keeps the short last batch.
      await widget.getByRole("checkbox", { name: "Drop last partial batch" }).uncheck();
      await expect(await counter(widget, "Iterations per epoch")).toHaveText("7");
    });

    await test.step("batch 7 gives 8 iterations, the last of 1 row", async () => {
      await widget.getByRole("textbox", { name: "Batch size" }).fill("7");
      await expect(await counter(widget, "Iterations per epoch")).toHaveText("8");
      await expect(await counter(widget, "Last batch size")).toHaveText("1");
      expect(problems.consoleErrors).toEqual([]);
    });

    // Before the shuffled step: it reads the table's order, one epoch.
    await test.step("at batch 5, iteration 10 takes the 5 rows at positions 46-50", async () => {
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

    await test.step("two shuffled epochs at batch 10 make 10 weight updates and change the order between epochs", async () => {
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
  });

  // Separate: reduced motion and a mocked clock are set before the page loads.
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
});

test.describe("batch inspector (lesson 4)", () => {
  async function tableNumbers(widget: Locator): Promise<{ body: number[][]; mean: number[] }> {
    const table = widget.getByRole("table", { name: /Per-row numbers/ });
    const bodyRows = table.locator("tbody").getByRole("row");
    const body: number[][] = [];
    for (const row of await bodyRows.all()) {
      body.push((await row.getByRole("cell").allInnerTexts()).map(readPrinted));
    }
    const mean = (await table.locator("tfoot").getByRole("row").getByRole("cell").allInnerTexts()).filter((t) => t.trim() !== "").map(readPrinted);
    return { body, mean };
  }

  /** The readings table: row header → [updates, loss on the map, loss of the whole network, Δw₁ on the map, Δw₂ on the map]. */
  async function readings(widget: Locator): Promise<Map<string, number[]>> {
    const table = widget.getByRole("table", { name: /Three readings from the same start/ });
    const out = new Map<string, number[]>();
    for (const row of await table.locator("tbody").getByRole("row").all()) {
      out.set((await row.getByRole("rowheader").innerText()).trim(), (await row.getByRole("cell").allInnerTexts()).map(readPrinted));
    }
    return out;
  }

  /** The per-row table's mean line: [loss, ∂ℓ/∂w₁, ∂ℓ/∂w₂], and row r's gradient. */
  async function perRow(widget: Locator): Promise<{ mean: number[]; rows: Map<number, number[]> }> {
    const table = widget.getByRole("table", { name: /Per-row numbers/ });
    const mean = (await table.locator("tfoot").getByRole("cell").allInnerTexts()).filter((t) => t.trim() !== "").map(readPrinted);
    const rows = new Map<number, number[]>();
    for (const row of await table.locator("tbody").getByRole("row").all()) {
      rows.set(readPrinted(await row.getByRole("rowheader").innerText()), (await row.getByRole("cell").allInnerTexts()).map(readPrinted));
    }
    return { mean, rows };
  }

  async function tip(arrow: Locator): Promise<[number, number]> {
    return [Number(await arrow.getAttribute("x2")), Number(await arrow.getAttribute("y2"))];
  }

  // The figure is rows 1–5 as a batch, row 5 alone, and the rows one at a time. Steps that read the default batch come
  // first; the ones that change the start row, the weights or the batch size set them back or come last.
  test("the page and its batch inspector: typefaces, the map, the readings, the two computations, and bad input", async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.goto(LESSON4);

    // First, before anything scrolls: the fonts the page itself asks for.
    await test.step("the text and code typefaces are the self-hosted ones", async () => {
      await page.evaluate(() => document.fonts.ready);
      const loaded = await page.evaluate(() =>
        [...document.fonts].filter((face) => face.status === "loaded").map((face) => `${face.family} ${face.style}`),
      );
      expect(loaded).toContain("Source Sans 3 Variable normal");
      expect(loaded).toContain("Source Code Pro Variable normal");
      expect(problems.externalRequests).toEqual([]);
    });

    const widget = await inspector(page);

    await test.step("the map draws 5 row arrows and a bold mean arrow whose tip is the centre of theirs", async () => {
      const map = widget.getByRole("img", { name: /Contour map of the loss on rows 1–5/ });
      await expect(map).toBeVisible();
      const rowTips = await Promise.all([1, 2, 3, 4, 5].map((r) => tip(map.getByTestId(`row-${r}-arrow`))));
      await expect(map.getByTestId("row-6-arrow")).toHaveCount(0);
      const [meanX, meanY] = await tip(map.getByTestId("mean-arrow"));
      expect(meanX).toBeCloseTo(rowTips.reduce((s, t) => s + t[0], 0) / 5, 6);
      expect(meanY).toBeCloseTo(rowTips.reduce((s, t) => s + t[1], 0) / 5, 6);
      // The close-up beside it names the arrows it holds; row 5's, the longest, is named where it leaves the frame.
      await expect(widget.getByRole("img", { name: /Close-up of the start/ })).toBeVisible();
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("the mean line of the table is the mean of the per-row losses and gradients", async () => {
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

    await test.step("the three readings' losses match the numbers the lesson quotes, and each step is −η times its gradient", async () => {
      const table = await readings(widget);
      expect([...table.keys()]).toEqual(["Start", "Batch of rows 1–5", "Row 5 alone", "Rows 1–5 one at a time"]);
      const [startUpdates, startMap, startWhole] = table.get("Start")!;
      const [batchUpdates, batchMap, batchWhole, batchDA, batchDB] = table.get("Batch of rows 1–5")!;
      const [rowUpdates, rowMap, rowWhole, rowDA] = table.get("Row 5 alone")!;
      const [oneUpdates, oneMap, oneWhole] = table.get("Rows 1–5 one at a time")!;
      expect([startUpdates, batchUpdates, rowUpdates, oneUpdates]).toEqual([0, 1, 1, 5]);
      const close = (shown: number, quoted: number): void => expect(Math.abs(shown - quoted)).toBeLessThanOrEqual(0.0006);
      close(startMap!, await fact(page, "lesson4.lossBefore"));
      close(startWhole!, await fact(page, "lesson4.lossBefore"));
      close(batchMap!, await fact(page, "lesson4.map.lossAfterBatch"));
      close(rowMap!, await fact(page, "lesson4.map.lossAfterRow"));
      close(batchWhole!, await fact(page, "lesson4.lossAfterBatchUpdate"));
      close(rowWhole!, await fact(page, "lesson4.lossAfterRowUpdate"));
      close(oneWhole!, await fact(page, "lesson4.lossAfterOneAtATime"));
      // On the map row 5's longer step gains more; over the whole network the batch's does (the lesson says both).
      expect(rowMap!).toBeLessThan(batchMap!);
      expect(batchWhole!).toBeLessThan(rowWhole!);
      expect(oneMap!).toBeLessThan(startMap!);
      const eta = readPrinted(await widget.getByRole("textbox", { name: "Learning rate" }).inputValue());
      const { mean, rows } = await perRow(widget);
      expect(Math.abs(batchDA! + eta * mean[1]!)).toBeLessThan(2e-4);
      expect(Math.abs(batchDB! + eta * mean[2]!)).toBeLessThan(2e-4);
      expect(Math.abs(rowDA! + eta * rows.get(5)![3]!)).toBeLessThan(2e-4);
      close(batchDA!, await fact(page, "lesson4.batchDeltaA"));
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("row by row and as one matrix product give the same numbers, with a largest difference of 0", async () => {
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
      // Back to the page's default, the matrix product.
      await widget.getByRole("radio", { name: "As one matrix product" }).check();
      await expect(table).toHaveAccessibleName(/as one matrix product/);
    });

    await test.step("changing the start row redraws the map and the readings for the new batch", async () => {
      const before = await readings(widget);
      await widget.getByRole("textbox", { name: "Start row" }).fill("11");
      await expect(widget.getByRole("img", { name: /Contour map of the loss on rows 11–15/ })).toBeVisible();
      await expect(widget.getByRole("rowheader", { name: "Row 15 alone" })).toBeVisible();
      const after = await readings(widget);
      expect(after.get("Batch of rows 11–15")![1]).not.toBe(before.get("Batch of rows 1–5")![1]);
      const eta = readPrinted(await widget.getByRole("textbox", { name: "Learning rate" }).inputValue());
      const { mean, rows } = await perRow(widget);
      expect([...rows.keys()]).toEqual([11, 12, 13, 14, 15]);
      expect(Math.abs(after.get("Batch of rows 11–15")![3]! + eta * mean[1]!)).toBeLessThan(2e-4);
      expect(Math.abs(after.get("Row 15 alone")![3]! + eta * rows.get(15)![3]!)).toBeLessThan(2e-4);
      const map = widget.getByRole("img", { name: /Contour map/ });
      await expect(map.getByTestId("row-15-arrow")).toHaveCount(1);
      await expect(map.getByTestId("row-1-arrow")).toHaveCount(0);
      expect(problems.consoleErrors).toEqual([]);
      // Back to the first rows, where the page starts.
      await widget.getByRole("textbox", { name: "Start row" }).fill("1");
      await expect(widget.getByRole("img", { name: /Contour map of the loss on rows 1–5/ })).toBeVisible();
    });

    await test.step("the same weight in both menus gives a message instead of a map, and the page keeps working", async () => {
      const first = widget.getByRole("combobox", { name: "First weight" });
      const second = widget.getByRole("combobox", { name: "Second weight" });
      const secondWeight = await second.inputValue();
      await second.selectOption(await first.inputValue());
      await expect(widget.getByRole("alert")).toContainText("pick two different weights");
      await expect(widget.getByRole("img", { name: /Contour map/ })).toHaveCount(0);
      await expect(widget.getByRole("table", { name: /Three readings/ })).toBeVisible();
      expect(problems.consoleErrors).toEqual([]);
      // Two different weights again: the next step's messages are the only ones.
      await second.selectOption(secondWeight);
      await expect(widget.getByRole("alert")).toHaveCount(0);
      await expect(widget.getByRole("img", { name: /Contour map/ })).toBeVisible();
    });

    await test.step("bad input shows a message and keeps the last good batch", async () => {
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
  });

  // Separate: the rows are in storage before the page loads.
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
