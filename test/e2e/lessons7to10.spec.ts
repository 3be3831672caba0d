import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./helpers";

// Numbers asserted here come from the engine on the shipped greenhouse table (see
// src/course/facts/ and test/unit/course/).

// Islands hydrate when scrolled into view and keep their controls disabled until then; Playwright's actions wait for a
// control to be enabled, so no retry loop is needed.

/** A path's "updates made of total" cell, matched whole: "0 of 250" is also a substring of "250 of 250". */
function updates(row: Locator): Locator {
  return row.getByRole("cell").first();
}

function landscape(page: Page): Locator {
  return page.getByRole("figure", { name: /Loss landscape of/ });
}

test.describe("lesson 7: loss landscape", () => {
  test("stepping the B = 1 path advances its update count and moves its weights; B = 50 makes one update per epoch", async ({ page, problems }) => {
    await page.goto("lessons/loss-landscape/");
    const figure = landscape(page);
    await figure.scrollIntoViewIfNeeded();
    const rowB1 = figure.getByRole("row", { name: /^B = 1\b/ });
    const rowB50 = figure.getByRole("row", { name: /^B = 50\b/ });
    await expect(updates(rowB1)).toHaveText("250 of 250");
    await expect(updates(rowB50)).toHaveText("5 of 5");
    await expect(figure.getByRole("status")).toContainText("After 5 epochs: B=1 made 250 updates");
    await expect(figure.getByRole("status")).toContainText("B=50 made 5, loss 0.672");

    await figure.getByRole("button", { name: "Reset" }).click();
    await expect(updates(rowB1)).toHaveText("0 of 250");
    const before = await rowB1.textContent();
    await figure.getByRole("button", { name: "Step" }).click();
    await expect(updates(rowB1)).toHaveText("1 of 250");
    await expect(updates(rowB50)).toHaveText("1 of 5");
    const after = await rowB1.textContent();
    expect(after).not.toBe(before);
    await figure.getByRole("button", { name: "Step" }).click();
    await expect(updates(rowB1)).toHaveText("2 of 250");
    await expect(figure.getByText("update 2 of 250")).toBeVisible();

    // The slider scrubs; the keyboard moves it.
    const slider = figure.getByRole("slider", { name: "Update" });
    await slider.focus();
    await page.keyboard.press("End");
    await expect(updates(rowB1)).toHaveText("250 of 250");

    // Three epochs: the full-batch path makes exactly 3 updates.
    await figure.getByRole("textbox", { name: "Epochs" }).fill("3");
    await expect(updates(rowB50)).toHaveText("3 of 3");
    await expect(updates(rowB1)).toHaveText("150 of 150");
    await expect(figure.getByRole("status")).toContainText("After 3 epochs: B=1 made 150 updates");

    // A bad value keeps the last good one and says why.
    await figure.getByRole("textbox", { name: "Learning rate" }).fill("abc");
    await expect(figure.getByRole("alert")).toContainText("not a number");
    await expect(updates(rowB50)).toHaveText("3 of 3");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("Play runs to the end and hiding a path greys its row", async ({ page, problems }) => {
    await page.clock.install(); // Play's ticks are moved by the test, not waited for
    await page.goto("lessons/loss-landscape/");
    const figure = landscape(page);
    await figure.scrollIntoViewIfNeeded();
    const rowB5 = figure.getByRole("row", { name: /^B = 5\b/ });
    // Controls are disabled until the island hydrates; a click waits for that.
    await figure.getByRole("button", { name: "Reset" }).click();
    await expect(updates(rowB5)).toHaveText("0 of 50");
    await figure.getByRole("button", { name: "Play" }).click();
    await page.clock.runFor(10_000); // the whole run: about 120 ticks of 40 ms
    await expect(updates(rowB5)).toHaveText("50 of 50");
    await figure.getByRole("checkbox", { name: "Show B = 5", exact: true }).uncheck();
    await expect(figure.getByRole("status")).not.toContainText(/B=5\b/);
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("lesson 8: memory calculator", () => {
  test("activations double with the batch size while the weights stay; the largest batch for 1 GB is shown", async ({ page, problems }) => {
    await page.goto("lessons/what-limits-batch-size/");
    const figure = page.getByRole("figure", { name: /Training memory calculator/ });
    await figure.scrollIntoViewIfNeeded();
    const activations = figure.getByRole("row", { name: /^Activations/ });
    const weights = figure.getByRole("row", { name: /^Weights/ });
    await expect(activations).toContainText("131,712");
    await expect(weights).toContainText("268,292");
    await expect(figure.getByText("Largest batch that fits in 1 GB: 242,693")).toBeVisible();

    const batch = figure.getByRole("textbox", { name: "Batch size" });
    await batch.fill("64");
    await expect(activations).toContainText("263,424");
    await expect(weights).toContainText("268,292");
    await batch.fill("128");
    await expect(activations).toContainText("526,848");
    await expect(weights).toContainText("268,292");

    // Budget in MB.
    await figure.getByRole("textbox", { name: "Memory budget" }).fill("100");
    await figure.getByRole("combobox", { name: "Budget unit" }).selectOption("MB");
    await expect(figure.getByText("Largest batch that fits in 100 MB: 24,034")).toBeVisible();

    // 300 features barely move it.
    await expect(figure.getByRole("row", { name: /^300\b/ })).toContainText("143,105");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("a bad hidden-layer list gets a clear message and the last good network is kept", async ({ page, problems }) => {
    await page.goto("lessons/what-limits-batch-size/");
    const figure = page.getByRole("figure", { name: /Training memory calculator/ });
    await figure.scrollIntoViewIfNeeded();
    const hidden = figure.getByRole("textbox", { name: /Hidden layers/ });
    await hidden.fill("256, abc");
    await expect(figure.getByRole("alert")).toContainText("Hidden layer 2: “abc” is not a number");
    await expect(figure.getByText("67,073 parameters")).toBeVisible();
    await hidden.fill("256, 2.5");
    await expect(figure.getByRole("alert")).toContainText("whole number of units");
    await hidden.fill("8");
    await expect(figure.getByRole("alert")).toHaveCount(0);
    await expect(figure.getByText("41 parameters")).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("lesson 9: windows and the LSTM", () => {
  test("T = 5 gives 46 windows, window 1 covers rows 1–5 with target row 5, a batch of 8 is (8, 5, 3), and the parameter counts are 384 and 416", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const figure = page.getByRole("figure", { name: /From rows to windows/ });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.getByText("50 − 5 + 1 = 46 windows", { exact: true })).toBeVisible();
    await expect(figure.getByText("Window 1 covers rows 1–5; its target is row 5's water use")).toBeVisible();
    await expect(figure.getByText("(8, 5, 3)", { exact: true })).toBeVisible();
    await expect(figure.getByRole("row", { name: /^Keras/ })).toContainText("384");
    await expect(figure.getByRole("row", { name: /^PyTorch/ })).toContainText("416");

    await figure.getByRole("textbox", { name: "Window", exact: true }).fill("7");
    await expect(figure.getByText("Window 7 covers rows 7–11; its target is row 11's")).toBeVisible();
    await figure.getByRole("textbox", { name: "Window length T" }).fill("10");
    await expect(figure.getByText("50 − 10 + 1 = 41 windows", { exact: true })).toBeVisible();
    await expect(figure.getByText("(8, 10, 3)", { exact: true })).toBeVisible();
    await figure.getByRole("textbox", { name: "LSTM units H" }).fill("16");
    await expect(figure.getByRole("row", { name: /^Keras/ })).toContainText("1280");
    await expect(figure.getByRole("row", { name: /^PyTorch/ })).toContainText("1344");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("controls wait for the island; a value already in a field when it hydrates (form restore) is the one it trains with", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const figure = page.getByRole("figure", { name: /A tiny LSTM against the MLP/ });
    const train = figure.getByRole("button", { name: "Train LSTM" });
    // The island hydrates only when scrolled into view. Until then its controls are disabled, so a click cannot fall
    // into nothing; a browser restoring the form on Back can still fill a field, as done here without scrolling.
    await expect(train).toBeDisabled();
    await figure.evaluate((element) => {
      const epochs = [...element.querySelectorAll("label")].find((label) => label.textContent === "Epochs")!;
      const input = document.getElementById(epochs.htmlFor) as HTMLInputElement;
      input.value = "30";
    });
    await figure.scrollIntoViewIfNeeded();
    await train.click();
    await expect(figure.getByText(/Trained in your browser in \d+ ms/)).toBeVisible({ timeout: 20_000 });
    await expect(figure.getByRole("status")).toContainText("After 30 epochs");
    await expect(figure.getByRole("textbox", { name: "Epochs" })).toHaveValue("30");
    expect(problems.consoleErrors).toEqual([]);
  });

  test("the LSTM trainer trains in the page and reports finite final losses", async ({ page, problems }) => {
    await page.goto("lessons/lstm-inputs/");
    const figure = page.getByRole("figure", { name: /A tiny LSTM against the MLP/ });
    await figure.scrollIntoViewIfNeeded();
    const lstmRow = figure.getByRole("row", { name: /^LSTM\(8\)/ });
    await expect(lstmRow).toContainText("393");
    await figure.getByRole("textbox", { name: "Epochs" }).fill("30");
    await expect(figure.getByRole("textbox", { name: "Epochs" })).toHaveValue("30");
    await figure.getByRole("button", { name: "Train LSTM" }).click();
    await expect(figure.getByText(/Trained in your browser in \d+ ms/)).toBeVisible();
    await expect(figure.getByRole("status")).toContainText("After 30 epochs");
    const cells = await lstmRow.getByRole("cell").allTextContents();
    const trainLoss = Number(cells[cells.length - 2]);
    const validationLoss = Number(cells[cells.length - 1]);
    expect(Number.isFinite(trainLoss) && trainLoss > 0).toBe(true);
    expect(Number.isFinite(validationLoss) && validationLoss > 0).toBe(true);
    await expect(lstmRow).toContainText("120"); // 28 training windows in batches of 8: 4 updates per epoch × 30
    expect(problems.consoleErrors).toEqual([]);
  });
});

test.describe("lesson 10: cheat sheet", () => {
  test("shows the framework defaults, the formulas and the final check", async ({ page, problems }) => {
    await page.goto("lessons/cheat-sheet/");
    const frameworks = page.getByRole("table", { name: /three spellings/ });
    await expect(frameworks).toContainText("batch_size=None");
    await expect(frameworks).toContainText("batch_size=1");
    await expect(frameworks).toContainText("shuffle=False");
    await expect(frameworks).toContainText("drop_last=False");
    await expect(frameworks).toContainText("reshuffle_each_iteration=True");
    await expect(frameworks).toContainText("drop_remainder=True");
    await expect(frameworks.getByRole("row", { name: /^50 rows, all defaults/ })).toContainText("2 steps");
    await expect(frameworks.getByRole("row", { name: /^50 rows, all defaults/ })).toContainText("50 steps");
    await expect(page.getByRole("table", { name: /Input shapes/ })).toContainText("544");
    await expect(page.getByRole("table", { name: /Every count/ }).getByRole("row", { name: /^Windows of length T/ })).toContainText("46");
    await expect(page.getByRole("heading", { name: "Final check" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Glossary", exact: true })).toBeVisible();
    await expect(page.getByText("Gradient accumulation", { exact: true })).toBeVisible();

    // One final-check question, answered wrong with the classic mistake, then right.
    await page.getByText(/^50 rows, batch size 8, Keras defaults/).scrollIntoViewIfNeeded();
    const question = page.getByRole("textbox", { name: /50 rows, batch size 8, Keras defaults/ });
    await expect(question).toBeVisible({ timeout: 10_000 });
    await question.fill("6");
    await question.press("Enter");
    await expect(page.getByText("Keras keeps the short last batch of 2 rows.")).toBeVisible();
    await question.fill("7");
    await question.press("Enter");
    await expect(page.getByText(/6 batches of 8 rows and a last batch of 2/)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});
