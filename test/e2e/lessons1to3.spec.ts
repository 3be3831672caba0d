import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { columnStats, createModel, parseGreenhouseCsv, standardise } from "../../src/engine";
import { GREENHOUSE_NET as GREENHOUSE_NET_SPEC, GREENHOUSE_NET_SEED } from "../../src/course/networks";
import { expect, fact, printedNumber as fmt, readPrinted, test } from "./helpers";

// The expected numbers come from the engine and the shipped CSV, computed here in Node.
const data = parseGreenhouseCsv(readFileSync(new URL("../../content/data/greenhouse.csv", import.meta.url), "utf8"));
const stats = columnStats(data);

/** Islands hydrate when they scroll into view; a control turns enabled once its island runs. */
async function hydrated(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeEnabled();
}

function dataTable(page: Page): Locator {
  return page.getByRole("region", { name: /Greenhouse readings/ }).getByRole("table");
}

/** The text of one column (0 = temperature … 3 = water use) for every body row, in display order. */
async function columnTexts(table: Locator, column: number): Promise<string[]> {
  const body = table.getByRole("rowgroup").nth(1);
  // cells: [select, row number, temperature, humidity, light, water use]
  return body.getByRole("row").evaluateAll((rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index + 2]?.textContent ?? ""), column);
}

// Checks that start from the same lesson page as a fresh reader finds it share one load of it (a browser context, a
// load and hydration cost 1-2 s each on the shared 2-core machine): the former tests, with lesson 2's from
// batchFigure.spec.ts and layout.spec.ts, run as steps, ordered so each starts from the state it assumes; a step that
// changes a widget a later one reads sets it back through the widget, as a reader would. A failure names its step.
// Lesson 3's stepper keeps a page of its own: it starts with no row selected, while the lesson 1 test reaches lesson 3
// with rows 5 and 12 selected.

test.describe("lesson 1: the data table", () => {
  test("the data table: rows and shapes, standardised values, sorting, and selected rows that persist", async ({ page, problems }) => {
    void problems;
    test.setTimeout(120_000);
    await page.goto("lessons/samples-and-features/");
    const table = dataTable(page);

    await test.step("shows all 50 rows, inputs grouped apart from the target with units, and the shapes (50, 3) and (50, 1)", async () => {
      await expect(table.getByRole("rowgroup").nth(1).getByRole("row")).toHaveCount(50);
      await expect(table.getByRole("columnheader", { name: "Inputs (features) → X" })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Target → y" })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: /Temperature \(°C\)/ })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: /Water use \(mL\)/ })).toBeVisible();
      await expect(page.getByText("shape (50, 3)")).toBeVisible();
      await expect(page.getByText("shape (50, 1)")).toBeVisible();
      // Row 1 as a reader counts it is the CSV's first data line.
      await expect(table.getByRole("rowgroup").nth(1).getByRole("row").first().getByRole("rowheader")).toHaveText("1");
      expect(await columnTexts(table, 0).then((t) => t[0])).toBe(data.x[0]!.toFixed(1));
      expect(await columnTexts(table, 3).then((t) => t[0])).toBe(data.y[0]!.toFixed(1));
    });

    // Before sorting: its first row must still be row 1.
    await test.step("the standardised toggle shows z-scores with column means 0.00 and the engine's means and stds", async () => {
      const toggle = page.getByRole("button", { name: "Standardised values" });
      await hydrated(toggle);
      const meanRow = table.getByRole("row", { name: /^Mean/ });
      await expect(meanRow.getByRole("cell").nth(1)).toHaveText(fmt(stats.features[0]!.mean, 2));

      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      for (let column = 1; column <= 4; column++) await expect(meanRow.getByRole("cell").nth(column)).toHaveText("0.00");
      await expect(table.getByRole("row", { name: /^Std/ }).getByRole("cell").nth(1)).toHaveText("1.00");
      await expect(page.getByText(`temperature mean ${fmt(stats.features[0]!.mean, 2)} °C, std ${fmt(stats.features[0]!.std, 2)} °C`)).toBeVisible();
      const z = (data.x[0]! - stats.features[0]!.mean) / stats.features[0]!.std;
      expect((await columnTexts(table, 0))[0]).toBe(fmt(z, 2));
      await expect(table.getByRole("columnheader", { name: /Temperature \(z, from °C\)/ })).toBeVisible();

      // Back to the measured values, which the sorting step reads.
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
    });

    await test.step("sorting by a column orders the rows, and a second press reverses them", async () => {
      const sortTemperature = table.getByRole("button", { name: /Temperature/ });
      await hydrated(sortTemperature);
      await sortTemperature.click();
      await expect(table.getByRole("columnheader", { name: /Temperature/ })).toHaveAttribute("aria-sort", "ascending");
      const ascending = (await columnTexts(table, 0)).map(readPrinted);
      const expected = Array.from(data.x.filter((_, k) => k % 3 === 0)).sort((a, b) => a - b);
      expect(ascending).toEqual(expected);
      await expect(page.getByRole("status").filter({ hasText: "Sorted by" })).toHaveText("Sorted by temperature, ascending.");

      await sortTemperature.click();
      await expect(table.getByRole("columnheader", { name: /Temperature/ })).toHaveAttribute("aria-sort", "descending");
      const descending = (await columnTexts(table, 0)).map(readPrinted);
      expect(descending[0]).toBe(stats.features[0]!.max);
      expect(descending[49]).toBe(stats.features[0]!.min);

      const sortWater = table.getByRole("button", { name: /Water use/ });
      await sortWater.click();
      await expect(table.getByRole("columnheader", { name: /Temperature/ })).not.toHaveAttribute("aria-sort", /.+/);
      expect((await columnTexts(table, 3)).map(readPrinted)[0]).toBe(stats.target.min);
    });

    // Last: it reloads and leaves the page. No earlier step selects a row (the checkboxes are found by name, so the
    // sort order does not matter).
    await test.step("selected rows persist across a reload, survive corrupt storage, and start the forward stepper", async () => {
      const row5 = page.getByRole("checkbox", { name: "Select row 5", exact: true });
      await hydrated(row5);
      await row5.check();
      await page.getByRole("checkbox", { name: "Select row 12", exact: true }).check();
      await expect(page.getByText("Selected: rows 5 and 12 (2 of 50).")).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem("course:selected-rows"))).toBe("[4,11]");

      await page.reload();
      await hydrated(page.getByRole("checkbox", { name: "Select row 5", exact: true }));
      await expect(page.getByRole("checkbox", { name: "Select row 5", exact: true })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: "Select row 12", exact: true })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: "Select row 6", exact: true })).not.toBeChecked();

      // Lesson 3's stepper follows the first selected row.
      await page.goto("lessons/one-sample-forward/");
      const rowField = page.getByLabel("Row (1 to 50)");
      await hydrated(page.getByRole("button", { name: "Next" }));
      await expect(rowField).toHaveValue("5");
      await expect(page.getByText("Row 5 is the first row you selected in the data table.")).toBeVisible();

      // A damaged key means no selection, without errors.
      await page.evaluate(() => localStorage.setItem("course:selected-rows", "{not json"));
      await page.goto("lessons/samples-and-features/");
      await hydrated(page.getByRole("checkbox", { name: "Select row 5", exact: true }));
      await expect(dataTable(page).getByRole("checkbox", { checked: true })).toHaveCount(0);
      await expect(page.getByText(/No rows selected/)).toBeVisible();
    });
  });
});

test.describe("lesson 2: the network shape explorer", () => {
  function tensorRow(page: Page, name: RegExp): Locator {
    return page.getByRole("table", { name: /Every tensor of one training step/ }).getByRole("row", { name });
  }

  // Each preset sets every field (features, layers, units, outputs, batch size, activation), so "Our greenhouse net"
  // puts the explorer back to how the page loads it.
  test("the explorer: code colours, the Keras docs preset, our net at batch 5 and 50, and bad input", async ({ page, problems }) => {
    void problems;
    test.setTimeout(120_000);
    await page.goto("lessons/the-input-layer/");
    const keras = page.getByRole("figure", { name: "Keras code" });
    const torch = page.getByRole("figure", { name: "PyTorch code" });

    await test.step("widget code is coloured like the lessons' code blocks", async () => {
      const prose = page.locator("article > pre").filter({ hasText: "keras.Input(shape=(16,))" });
      await keras.scrollIntoViewIfNeeded();
      await expect(page.getByRole("button", { name: /^Keras docs/ })).toBeEnabled(); // hydrated
      const colourOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).color);
      // A number in each: `16` in the lesson's block, the first number in the widget's.
      const proseNumber = await colourOf(prose.getByText("16", { exact: true }).first());
      const widgetNumber = await colourOf(keras.getByText(/^\d+$/).first());
      const plain = await colourOf(keras.locator("pre"));
      expect(widgetNumber).toBe(proseNumber);
      expect(widgetNumber).not.toBe(plain);
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("the Keras docs preset shows 16 inputs, 32 units and 544 parameters, and the code panels follow the settings", async () => {
      await expect(keras).toContainText("keras.Input(shape=(3,))");
      const preset = page.getByRole("button", { name: "Keras docs: Dense(32, input_shape=(16,)), then Dense(32)" });
      await hydrated(preset);
      await preset.click();
      await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText("1,600");
      await expect(tensorRow(page, /^W⁽¹⁾/).getByRole("cell").first()).toHaveText("(16, 32)");
      await expect(page.getByText("Hidden layer 1 (dense): 16 × 32 weights + 32 biases = 544")).toBeVisible();
      await expect(page.getByText(/Input layer: 16 units/)).toBeVisible();
      await expect(keras).toContainText("keras.Input(shape=(16,))");
      await expect(keras).toContainText("layers.Dense(32),");
      await expect(keras).toContainText("Total params: 1,600");
      await expect(torch).toContainText("nn.Linear(16, 32),");

      await page.getByRole("button", { name: "Our greenhouse net" }).click();
      await page.getByLabel("Features (input values per sample)").fill("4");
      await page.getByLabel("Hidden layers").fill("2");
      await expect(keras).toContainText("keras.Input(shape=(4,))");
      await expect(keras).toContainText('layers.Dense(8, activation="tanh"),\n    layers.Dense(8, activation="tanh"),');
      await expect(torch).toContainText("nn.Linear(4, 8),\n    nn.Tanh(),\n    nn.Linear(8, 8),\n    nn.Tanh(),\n    nn.Linear(8, 1),");
      // 4·8+8 + 8·8+8 + 8·1+1 = 40 + 72 + 9
      await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText("121");
      await page.getByLabel("Hidden activation").selectOption("relu");
      await expect(torch).toContainText("nn.ReLU()");
    });

    await test.step("Dense(32) after 16 inputs is hidden layer 1 with 544 parameters, never the output; the next Dense(32) adds 1,056", async () => {
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

    // Starts with the "Our greenhouse net" preset, which undoes the steps above.
    await test.step("our net at batch 5 has input (5, 3), weights (3, 8) and 41 parameters, unchanged at batch 50", async () => {
      const preset = page.getByRole("button", { name: "Our greenhouse net" });
      await hydrated(preset);
      await preset.click();
      await page.getByLabel("Batch size", { exact: true }).fill("5");
      await expect(tensorRow(page, /^X \(input batch\)/).getByRole("cell").first()).toHaveText("(5, 3)");
      await expect(tensorRow(page, /^W⁽¹⁾ \(weights, layer 1\)/).getByRole("cell").first()).toHaveText("(3, 8)");
      await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText("41");
      await expect(page.getByText(/Input layer: 3 units/)).toBeVisible();

      await page.getByLabel("Batch size", { exact: true }).fill("50");
      await expect(tensorRow(page, /^X \(input batch\)/).getByRole("cell").first()).toHaveText("(50, 3)");
      await expect(tensorRow(page, /^A⁽¹⁾ \(activations, layer 1\)/).getByRole("cell").first()).toHaveText("(50, 8)");
      await expect(tensorRow(page, /^W⁽¹⁾ \(weights, layer 1\)/).getByRole("cell").first()).toHaveText("(3, 8)");
      await expect(tensorRow(page, /^W⁽¹⁾/).getByRole("cell").last()).toHaveText("no");
      await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText("41");
      await expect(page.getByText(/Input layer: 3 units/)).toBeVisible();
      await expect(page.getByRole("img", { name: /Input: 3 values; Hidden 1: 8 units; Output: 1 unit\. A batch of 50 samples/ })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "parameters" })).toHaveText(
        "3 inputs, 1 hidden layer of 8 units, 1 output unit: 41 parameters. Batch size 50 appears only in X, the activations and the output.",
      );
    });

    // Our net with 3 inputs again (the batch size does not change the drawing's inputs or the 41 parameters).
    await test.step("bad input in a field shows a message and keeps the last valid drawing", async () => {
      await hydrated(page.getByRole("button", { name: "Our greenhouse net" }));
      const features = page.getByLabel("Features (input values per sample)");
      for (const [typed, message] of [
        ["abc", /is not a number/],
        ["0", /must be at least 1/],
        ["2.5", /must be a whole number/],
        ["", /is empty/],
      ] as const) {
        await features.fill(typed);
        await expect(page.getByRole("alert")).toHaveText(message);
        await expect(features).toHaveAttribute("aria-invalid", "true");
        await expect(page.getByRole("img", { name: /^Input: 3 values;/ })).toBeVisible();
        await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText("41");
      }
      await features.fill("6");
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page.getByRole("img", { name: /^Input: 6 values;/ })).toBeVisible();
      await expect(tensorRow(page, /^Total/).getByRole("cell").nth(1)).toHaveText(String(6 * 8 + 8 + 9));
    });
  });
});

test.describe("lesson 3: the forward stepper", () => {
  test("steps through row 1 with the engine's numbers, one operation at a time", async ({ page, problems }) => {
    void problems;
    const { dataset } = standardise(data);
    const model = createModel(GREENHOUSE_NET_SPEC, GREENHOUSE_NET_SEED);
    const x = dataset.x.slice(0, 3);
    const trace = model.forwardTrace(x);
    const [hidden] = trace.layers;
    if (!hidden || hidden.kind !== "dense") throw new Error("expected a dense hidden layer");
    const yHat = trace.output[0]!;
    const squaredError = (yHat - dataset.y[0]!) ** 2;

    await page.goto("lessons/one-sample-forward/");
    const stepper = page.getByRole("region", { name: "Forward pass, one operation at a time" });
    const next = stepper.getByRole("button", { name: "Next" });
    await hydrated(next);
    const status = stepper.getByRole("status");
    await expect(status).toHaveText("Step 1 of 7: Take one row, row 1.");
    await expect(stepper.getByRole("region", { name: /Step 1 of 7/ })).toContainText(`${data.x[0]!.toFixed(1)} °C`);
    await expect(stepper.getByRole("button", { name: "Previous" })).toBeDisabled();

    await next.click();
    await expect(status).toHaveText("Step 2 of 7: Standardise the inputs, row 1.");
    const step2 = stepper.getByRole("region", { name: /Step 2 of 7/ });
    await expect(step2).toBeVisible();
    await expect(stepper.getByRole("region", { name: /Step 1 of 7/ })).toBeHidden();
    for (let j = 0; j < 3; j++) {
      await expect(step2.getByRole("row").nth(j + 1).getByRole("cell").last()).toHaveText(fmt(x[j]!));
    }
    await expect(step2.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(
      `x̃1 = (${data.x[0]!.toFixed(1)} − ${fmt(stats.features[0]!.mean)}) / ${fmt(stats.features[0]!.std)}`,
    );

    await next.click();
    await expect(status).toHaveText("Step 3 of 7: Hidden layer: z⁽¹⁾ = x̃W⁽¹⁾ + b⁽¹⁾, row 1.");
    const step3 = stepper.getByRole("region", { name: /Step 3 of 7/ });
    await expect(step3.getByText("Unit 1 in full:")).toBeVisible();
    const w1 = model.parameters().find((p) => p.name === "dense_1/kernel")!;
    const weight = (i: number, k: number) => model.weights[w1.offset + i * 8 + k]!;
    const factor = (v: number) => (v < 0 ? `(${fmt(v)})` : fmt(v));
    await expect(step3).toContainText(`= ${factor(x[0]!)} × ${factor(weight(0, 0))} + ${factor(x[1]!)} × ${factor(weight(1, 0))} + ${factor(x[2]!)} × ${factor(weight(2, 0))}`);
    await expect(step3).toContainText(`= ${fmt(hidden.z[0]!)}`);
    const zRegion = step3.getByRole("region", { name: "All 8 pre-activations" });
    for (let k = 0; k < 8; k++) await expect(zRegion.getByRole("cell").nth(k)).toHaveText(fmt(hidden.z[k]!));
    await step3.getByLabel("Unit shown in full").selectOption({ label: "unit 3" });
    await expect(step3.getByText("Unit 3 in full:")).toBeVisible();
    await expect(step3).toContainText(`= ${fmt(hidden.z[2]!)}`);
    await expect(step3).toContainText(`${factor(x[0]!)} × ${factor(weight(0, 2))}`);

    await next.click();
    const step4 = stepper.getByRole("region", { name: /Step 4 of 7/ });
    for (let k = 0; k < 8; k++) await expect(step4.getByRole("row").nth(k + 1).getByRole("cell").last()).toHaveText(fmt(hidden.a[k]!));

    await stepper.getByRole("button", { name: /Squared error/ }).click();
    await expect(status).toHaveText("Step 7 of 7: Squared error, row 1.");
    await expect(stepper.getByRole("region", { name: /Step 7 of 7/ })).toContainText(`= ${fmt(squaredError)}`);
    await expect(stepper.getByRole("button", { name: /Squared error/ })).toHaveAttribute("aria-current", "step");
    await expect(next).toBeDisabled();

    // Another row: the numbers follow.
    await stepper.getByLabel("Row (1 to 50)").fill("10");
    const x10 = dataset.x.slice(27, 30);
    const yHat10 = model.forwardTrace(x10).output[0]!;
    await expect(status).toHaveText("Step 7 of 7: Squared error, row 10.");
    await expect(stepper.getByRole("region", { name: /Step 7 of 7/ })).toContainText(`= ${fmt((yHat10 - dataset.y[9]!) ** 2)}`);
  });
});
