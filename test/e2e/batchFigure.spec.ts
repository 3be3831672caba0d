import type { Locator, Page } from "@playwright/test";
import { expect, hydrateIslands, test } from "./helpers";

const LESSON2 = "lessons/the-input-layer/";
const LESSON4 = "lessons/a-batch-forward/";
const LESSON5 = "lessons/iterations-and-epochs/";

/** "−0.3532" → -0.3532 (the widgets print a true minus sign); "1,056" → 1056. */
function num(text: string): number {
  return Number(text.trim().replace("−", "-").replace(/,/g, ""));
}

/** A number the lesson's prose prints, computed by the course layer at build time (src/course/facts). */
async function fact(page: Page, name: string): Promise<number> {
  return num(await page.locator(`[data-fact="${name}"]`).first().innerText());
}

async function inspector(page: Page): Promise<Locator> {
  const widget = page.getByRole("figure", { name: /Batch inspector/ });
  const start = widget.getByRole("textbox", { name: "Start row" });
  await start.scrollIntoViewIfNeeded();
  await expect(start).toBeEnabled();
  return widget;
}

/** The readings table: row header → [updates, loss on the map, loss of the whole network, Δw₁ on the map, Δw₂ on the map]. */
async function readings(widget: Locator): Promise<Map<string, number[]>> {
  const table = widget.getByRole("table", { name: /Three readings from the same start/ });
  const out = new Map<string, number[]>();
  for (const row of await table.locator("tbody").getByRole("row").all()) {
    out.set((await row.getByRole("rowheader").innerText()).trim(), (await row.getByRole("cell").allInnerTexts()).map(num));
  }
  return out;
}

/** The per-row table's mean line: [loss, ∂ℓ/∂w₁, ∂ℓ/∂w₂], and row r's gradient. */
async function perRow(widget: Locator): Promise<{ mean: number[]; rows: Map<number, number[]> }> {
  const table = widget.getByRole("table", { name: /Per-row numbers/ });
  const mean = (await table.locator("tfoot").getByRole("cell").allInnerTexts()).filter((t) => t.trim() !== "").map(num);
  const rows = new Map<number, number[]>();
  for (const row of await table.locator("tbody").getByRole("row").all()) {
    rows.set(num(await row.getByRole("rowheader").innerText()), (await row.getByRole("cell").allInnerTexts()).map(num));
  }
  return { mean, rows };
}

async function tip(arrow: Locator): Promise<[number, number]> {
  return [Number(await arrow.getAttribute("x2")), Number(await arrow.getAttribute("y2"))];
}

test.describe("lesson 4's figure: rows 1–5 as a batch, row 5 alone, one row at a time", () => {
  test("the map draws 5 row arrows and a bold mean arrow whose tip is the centre of theirs", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
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

  test("the three readings' losses match the numbers the lesson quotes, and each step is −η times its gradient", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
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
    const eta = num(await widget.getByRole("textbox", { name: "Learning rate" }).inputValue());
    const { mean, rows } = await perRow(widget);
    expect(Math.abs(batchDA! + eta * mean[1]!)).toBeLessThan(2e-4);
    expect(Math.abs(batchDB! + eta * mean[2]!)).toBeLessThan(2e-4);
    expect(Math.abs(rowDA! + eta * rows.get(5)![3]!)).toBeLessThan(2e-4);
    close(batchDA!, await fact(page, "lesson4.batchDeltaA"));
    expect(problems.consoleErrors).toEqual([]);
  });

  test("changing the start row redraws the map and the readings for the new batch", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
    const before = await readings(widget);
    await widget.getByRole("textbox", { name: "Start row" }).fill("11");
    await expect(widget.getByRole("img", { name: /Contour map of the loss on rows 11–15/ })).toBeVisible();
    await expect(widget.getByRole("rowheader", { name: "Row 15 alone" })).toBeVisible();
    const after = await readings(widget);
    expect(after.get("Batch of rows 11–15")![1]).not.toBe(before.get("Batch of rows 1–5")![1]);
    const eta = num(await widget.getByRole("textbox", { name: "Learning rate" }).inputValue());
    const { mean, rows } = await perRow(widget);
    expect([...rows.keys()]).toEqual([11, 12, 13, 14, 15]);
    expect(Math.abs(after.get("Batch of rows 11–15")![3]! + eta * mean[1]!)).toBeLessThan(2e-4);
    expect(Math.abs(after.get("Row 15 alone")![3]! + eta * rows.get(15)![3]!)).toBeLessThan(2e-4);
    const map = widget.getByRole("img", { name: /Contour map/ });
    await expect(map.getByTestId("row-15-arrow")).toHaveCount(1);
    await expect(map.getByTestId("row-1-arrow")).toHaveCount(0);
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the same weight in both menus gives a message instead of a map, and the page keeps working", async ({ page, problems }) => {
    await page.goto(LESSON4);
    const widget = await inspector(page);
    const first = widget.getByRole("combobox", { name: "First weight" });
    const second = widget.getByRole("combobox", { name: "Second weight" });
    await second.selectOption(await first.inputValue());
    await expect(widget.getByRole("alert")).toContainText("pick two different weights");
    await expect(widget.getByRole("img", { name: /Contour map/ })).toHaveCount(0);
    await expect(widget.getByRole("table", { name: /Three readings/ })).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("lesson 5's timeline colours", () => {
  test("batch 8 shows 7 batches, the last of 2, with neighbouring batches in different colours", async ({ page, problems }) => {
    await page.goto(LESSON5);
    const widget = page.getByRole("figure", { name: /Epoch timeline/ });
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
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const path of [LESSON4, LESSON5]) {
    test(`${path} is no wider than a 375 px screen once its figures have hydrated`, async ({ page, problems }) => {
      await page.goto(path);
      await hydrateIslands(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(problems.consoleErrors).toEqual([]);
    });
  }
});

test.describe("lesson 2's explorer, Keras docs preset", () => {
  test("Dense(32) after 16 inputs is hidden layer 1 with 544 parameters, never the output; the next Dense(32) adds 1,056", async ({ page, problems }) => {
    await page.goto(LESSON2);
    const preset = page.getByRole("button", { name: "Keras docs: Dense(32, input_shape=(16,)), then Dense(32)" });
    await preset.scrollIntoViewIfNeeded();
    await expect(preset).toBeEnabled();
    await preset.click();
    const explorer = page.getByRole("region", { name: "Network shape explorer" });
    const first = await fact(page, "lesson2.kerasDocsParams");
    const next = await fact(page, "lesson2.kerasDocsNextParams");
    expect(first).toBe(544);
    await expect(explorer.getByText(`Hidden layer 1 (dense): 16 × 32 weights + 32 biases = ${first}`)).toBeVisible();
    await expect(explorer.getByText(`Output layer (dense_1): 32 × 32 weights + 32 biases = ${next.toLocaleString("en-US")}`)).toBeVisible();
    await expect(explorer.getByText(/Output layer \(dense\)/)).toHaveCount(0);
    await expect(explorer.getByRole("img", { name: /Hidden 1: 32 units; Output: 32 units/ })).toBeVisible();
    await expect(explorer.getByText(`Trainable parameters: ${(await fact(page, "lesson2.kerasDocsTotalParams")).toLocaleString("en-US")}`)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});
