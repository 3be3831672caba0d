import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { createModel, parseGreenhouseCsv, standardise } from "../../src/engine";
import { GREENHOUSE_NET as GREENHOUSE_NET_SPEC, GREENHOUSE_NET_SEED } from "../../src/course/networks";
import { builtPaths, expect, printedNumber as fmt, test } from "./helpers";

// One sweep over every page with JavaScript off, in one browser context. Every page: its heading, its math typeset, and
// each island's server-rendered figure (non-empty, no spinner). Then the checks a page adds below: the numbers a reader
// without JavaScript must still see. A new widget adds its page's check to `staticChecks`.

const data = parseGreenhouseCsv(readFileSync(new URL("../../content/data/greenhouse.csv", import.meta.url), "utf8"));

const staticChecks: Record<string, (page: Page) => Promise<void>> = {
  "/lessons/samples-and-features/": async (page) => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samples, features and targets");
    // Math is typeset at build time, with MathML for screen readers.
    await expect(page.locator(".katex math").first()).toBeAttached();
    const rows = page.getByRole("region", { name: /Greenhouse readings/ }).getByRole("table").getByRole("rowgroup").nth(1).getByRole("row");
    await expect(rows).toHaveCount(50);
    // cells: [select, row number, temperature, humidity, light, water use]
    expect(await rows.last().evaluate((row) => (row as HTMLTableRowElement).cells[5]?.textContent)).toBe(data.y[49]!.toFixed(1));
    await expect(page.getByText("shape (50, 3)")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Select row 1", exact: true })).toBeHidden();
  },

  "/lessons/the-input-layer/": async (page) => {
    const tensors = page.getByRole("table", { name: /Every tensor of one training step/ });
    await expect(tensors.getByRole("row", { name: /^Total/ }).getByRole("cell").nth(1)).toHaveText("41");
    await expect(tensors.getByRole("row", { name: /^X \(input batch\)/ }).getByRole("cell").first()).toHaveText("(5, 3)");
    await expect(page.getByRole("img", { name: /^Input: 3 values; Hidden 1: 8 units; Output: 1 unit/ })).toBeVisible();
    await expect(page.getByRole("figure", { name: "PyTorch code" })).toContainText("nn.Linear(3, 8)");
  },

  "/lessons/one-sample-forward/": async (page) => {
    const stepper = page.getByRole("region", { name: "Forward pass, one operation at a time" });
    for (let k = 1; k <= 7; k++) await expect(stepper.getByRole("heading", { name: new RegExp(`^Step ${k} of 7`) })).toBeVisible();
    const { dataset } = standardise(data);
    const yHat = createModel(GREENHOUSE_NET_SPEC, GREENHOUSE_NET_SEED).forwardTrace(dataset.x.slice(0, 3)).output[0]!;
    await expect(stepper.getByRole("region", { name: /Step 7 of 7/ })).toContainText(`= ${fmt((yHat - dataset.y[0]!) ** 2)}`);
    await expect(page.getByRole("button", { name: "Next" })).toBeHidden();
  },

  "/lessons/a-batch-forward/": async (page) => {
    const widget = page.getByRole("figure", { name: /Batch inspector/ });
    await expect(widget.getByRole("table", { name: /Per-row numbers/ }).locator("tbody").getByRole("row")).toHaveCount(5);
    await expect(widget.getByRole("img", { name: /Contour map of the loss on rows 1–5/ })).toBeVisible();
    await expect(widget.getByRole("rowheader", { name: "Row 5 alone" })).toBeVisible();
    await expect(widget.getByRole("textbox", { name: "Start row" })).toBeHidden();
  },

  "/lessons/iterations-and-epochs/": async (page) => {
    const timeline = page.getByRole("figure", { name: /Epoch timeline/ });
    await expect(timeline.getByRole("list", { name: /Rows in the order of epoch 1/ }).getByRole("listitem")).toHaveCount(50);
    await expect(timeline.getByLabel("Iterations per epoch", { exact: true })).toHaveText("7");
    await expect(timeline.getByRole("list", { name: "Batches of epoch 1" })).toContainText("Iteration 7: positions 49–50");
    await expect(timeline.getByRole("button", { name: "Play" })).toBeHidden();
    // An exercise shows its question, and its answer inside a closed disclosure.
    const exercise = page.locator("#iterations-b8");
    await expect(exercise).toContainText("The table has 50 rows and the batch size is 8, with the default drop_last=False. How many iterations make one epoch?");
    const disclosure = exercise.locator("details");
    await expect(disclosure.locator("summary")).toHaveText(/Show the answer/);
    await expect(disclosure).not.toHaveAttribute("open", "");
    await disclosure.locator("summary").click();
    await expect(disclosure).toContainText("⌈50/8⌉ = 7");
  },

  "/lessons/batch-size-lab/": async (page) => {
    const output = (name: string) => page.getByLabel(name, { exact: true });
    await expect(output("Iterations per epoch")).toHaveText("7");
    await expect(output("Last batch size")).toHaveText("2");
    await expect(output("Weight updates")).toHaveText("140");
    await expect(output("Final loss")).toHaveText(/^0\.0\d+$/);
    await expect(page.getByRole("img", { name: /^Loss \(MSE, standardised units\) against epoch/ })).toBeVisible();
    await page.getByText("Show the numbers").first().click();
    await expect(page.getByRole("table", { name: /^Loss \(MSE/ }).locator("tbody tr").first()).toBeVisible();
  },

  "/lessons/loss-landscape/": async (page) => {
    await expect(page.getByRole("row", { name: /^B = 1\b/ }).getByRole("cell").first()).toHaveText("250 of 250");
    await expect(page.getByRole("row", { name: /^B = 50\b/ }).getByRole("cell").first()).toHaveText("5 of 5");
    await expect(page.getByText(/After 5 epochs: B=1 made 250 updates/)).toBeVisible();
    await expect(page.getByRole("group", { name: /Contour map of the loss/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Minimum of the loss: w1 = 0\.54, w2 = 0\.47, loss 0\.042$/ })).toBeVisible();
  },

  "/lessons/what-limits-batch-size/": async (page) => {
    await expect(page.getByText("Largest batch that fits in 1 GB: 242,693")).toBeVisible();
    await expect(page.getByRole("row", { name: /^Activations/ })).toContainText("131,712");
  },

  "/lessons/lstm-inputs/": async (page) => {
    const windows = page.getByRole("figure", { name: /From rows to windows/ });
    await expect(windows.getByText("50 − 5 + 1 = 46 windows", { exact: true })).toBeVisible();
    await expect(windows.getByText("(8, 5, 3)", { exact: true })).toBeVisible();
    await expect(page.getByText(/Computed when this page was built/)).toBeVisible();
    await expect(page.getByRole("row", { name: /^LSTM\(8\)/ })).toContainText("393");
  },

  "/lessons/cheat-sheet/": async (page) => {
    await expect(page.getByRole("table", { name: /three spellings/ })).toContainText("batch_size=None");
  },
};

test("without JavaScript every page shows its heading, typeset math, each widget's static figure and numbers, and no spinner", async ({ browser, baseURL }) => {
  test.setTimeout(180_000); // every page of the site in one test
  const paths = builtPaths();
  for (const path of Object.keys(staticChecks)) expect(paths, `${path} has checks but is not in the sitemap`).toContain(path);
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path.slice(1));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(".katex-error")).toHaveCount(0);
      for (const [index, island] of (await page.locator("astro-island").all()).entries()) {
        const text = (await island.innerText()).trim();
        expect(text.length, `island ${index} is empty without JavaScript`).toBeGreaterThan(20);
        expect(text, `island ${index}`).not.toMatch(/^loading/i);
      }
      await staticChecks[path]?.(page);
    });
  }
  await context.close();
});
