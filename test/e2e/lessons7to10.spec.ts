import type { Locator } from "@playwright/test";
import { expect, hydrateIslands, test } from "./helpers";
import { landscape } from "./landscape";

// Numbers asserted here come from the engine on the shipped greenhouse table (see
// src/course/facts/ and test/unit/course/).

// Islands hydrate when scrolled into view and keep their controls disabled until then; Playwright's actions wait for a
// control to be enabled, so no retry loop is needed.

// Each lesson page is loaded once for the checks that start from it as a fresh reader finds it (a browser context, a
// load and hydration cost 1-2 s each on the shared 2-core machine): the former tests, some from landscape.spec.ts and
// course.spec.ts, run as steps in an order where each starts from the state it assumes; a step that changes what a
// later one reads sets it back through the widget, as a reader would. Play with a mocked clock keeps its own page.

/** A path's "updates made of total" cell, matched whole: "0 of 250" is also a substring of "250 of 250". */
function updates(row: Locator): Locator {
  return row.getByRole("cell").first();
}

test.describe("lesson 7: loss landscape", () => {
  // The map's start stays at w1 = 2.00, w2 = −1.50 until the last step moves it: the minimum's neighbour on the B = 1
  // path and the loss after 5 epochs are read from there.
  test("the landscape: the minimum on top, stepping and scrubbing the paths, and the start moved by keys", async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.goto("lessons/loss-landscape/");
    await hydrateIslands(page);
    const figure = landscape(page);

    await test.step("the minimum is drawn above the paths: the point at its centre belongs to it, and its numbers are in the table", async () => {
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

    await test.step("stepping the B = 1 path advances its update count and moves its weights; B = 50 makes one update per epoch", async () => {
      await figure.scrollIntoViewIfNeeded();
      const rowB1 = figure.getByRole("row", { name: /^B = 1\b/ });
      const rowB50 = figure.getByRole("row", { name: /^B = 50\b/ });
      const epochs = figure.getByRole("textbox", { name: "Epochs" });
      const learningRate = figure.getByRole("textbox", { name: "Learning rate" });
      const [defaultEpochs, defaultRate] = [await epochs.inputValue(), await learningRate.inputValue()];
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
      await epochs.fill("3");
      await expect(updates(rowB50)).toHaveText("3 of 3");
      await expect(updates(rowB1)).toHaveText("150 of 150");
      await expect(figure.getByRole("status")).toContainText("After 3 epochs: B=1 made 150 updates");

      // A bad value keeps the last good one and says why.
      await learningRate.fill("abc");
      await expect(figure.getByRole("alert")).toContainText("not a number");
      await expect(updates(rowB50)).toHaveText("3 of 3");
      expect(problems.consoleErrors).toEqual([]);

      // The page's epochs and learning rate again, typed back.
      await epochs.fill(defaultEpochs);
      await learningRate.fill(defaultRate);
      await expect(figure.getByRole("alert")).toHaveCount(0);
      await expect(updates(rowB50)).toHaveText("5 of 5");
    });

    await test.step("the arrow keys move the focused start ring by 0.05, with Shift by 0.5", async () => {
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
  });

  // Separate: the mocked clock is installed before the page loads.
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
  // The LSTM layer, which changes the calculator's network, is ticked last.
  test("the calculator: batch size and budget, a bad hidden-layer list, and the binding term the prose names", async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.goto("lessons/what-limits-batch-size/");
    const figure = page.getByRole("figure", { name: /Training memory calculator/ });

    await test.step("activations double with the batch size while the weights stay; the largest batch for 1 GB is shown", async () => {
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

    // The parameter counts do not depend on the batch size or the budget the step above changed.
    await test.step("a bad hidden-layer list gets a clear message and the last good network is kept", async () => {
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

    await test.step("lesson 8 explains the binding term and names the LSTM units field the calculator shows", async () => {
      const prose = page.locator("article");
      await expect(prose).toContainText("names the binding term: the part of the memory that stops the batch from growing");
      await expect(prose).toContainText("the LSTM units field that appears");
      const calculator = page.getByRole("figure", { name: /memory/i });
      await calculator.scrollIntoViewIfNeeded();
      await expect(calculator).toContainText("Binding term:");
      await calculator.getByLabel("Start with an LSTM layer").check();
      await expect(calculator.getByLabel("LSTM units")).toBeVisible();
      await expect(calculator.getByLabel("Sequence length (time steps)")).toBeVisible();
      expect(problems.consoleErrors).toEqual([]);
    });
  });
});

test.describe("lesson 9: windows and the LSTM", () => {
  // The trainer's form-restore step must meet the trainer before it hydrates, so it comes first after the prose (which
  // scrolls nothing). Training leaves "Trained in your browser" and the 30-epoch losses on the page and the trainer has
  // no way back to the built result, so the trainer step gets the page reloaded: its click must be what trains.
  test("the LSTM page: the split and seeds in the prose, form restore, the window strip, the stateful section, and training", async ({ page, problems }) => {
    test.setTimeout(180_000); // trains the LSTM twice on a shared 2-core machine
    await page.goto("lessons/lstm-inputs/");
    const windows = page.getByRole("figure", { name: /From rows to windows/ });
    const trainer = page.getByRole("figure", { name: /A tiny LSTM against the MLP/ });

    await test.step("the prose and trainer name the held-out hours, day and night, and a 10-seed table backs the pattern", async () => {
      const article = page.locator("article");
      await expect(article).toContainText("of rows 41–50, 8 are night hours with light 0");
      await expect(article).toContainText("holds out rows 33–42 instead, an afternoon running into the night: 5 hours with light and 5 without");
      await expect(article).toContainText("the 8 windows that share a row with a held-out window are left out of training, which leaves 28 training windows");
      await expect(article).toContainText("standardised with the mean and spread of the training rows only");
      const seeds = page.getByRole("table", { name: /^Final losses after the default settings' epochs, seeds 1 to 10/ });
      await expect(seeds.locator("tbody tr")).toHaveCount(10);
      await expect(seeds.getByRole("row", { name: /^1\b/ })).toContainText("0.0083");
      await expect(trainer).toContainText("hours 33–42 (rows of day and night) are held out");
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("controls wait for the island; a value already in a field when it hydrates (form restore) is the one it trains with", async () => {
      const train = trainer.getByRole("button", { name: "Train LSTM" });
      // The island hydrates only when scrolled into view. Until then its controls are disabled, so a click cannot fall
      // into nothing; a browser restoring the form on Back can still fill a field, as done here without scrolling.
      await expect(train).toBeDisabled();
      await trainer.evaluate((element) => {
        const epochs = [...element.querySelectorAll("label")].find((label) => label.textContent === "Epochs")!;
        const input = document.getElementById(epochs.htmlFor) as HTMLInputElement;
        input.value = "30";
      });
      await trainer.scrollIntoViewIfNeeded();
      await train.click();
      await expect(trainer.getByText(/Trained in your browser in \d+ ms/)).toBeVisible({ timeout: 20_000 });
      await expect(trainer.getByRole("status")).toContainText("After 30 epochs");
      await expect(trainer.getByRole("textbox", { name: "Epochs" })).toHaveValue("30");
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("the window strip's key tells input rows from the target row, in words and marks", async () => {
      await windows.scrollIntoViewIfNeeded(); // the island hydrates when a reader reaches it
      const key = windows.getByRole("list", { name: "Key to the row strip" });
      await expect(key.getByRole("listitem")).toHaveCount(3);
      await expect(key.getByRole("listitem").nth(0)).toContainText("a row the window reads as input");
      await expect(key.getByRole("listitem").nth(1)).toContainText("the window's last row: read as input too, and its water use y is the target");
      // The marks in the strip: four input rows marked x and one row marked x y (window 1, T = 5).
      await expect(windows.locator("li", { hasText: /^\d+x$/ })).toHaveCount(4);
      await expect(windows.locator("li", { hasText: /^5x y$/ })).toHaveCount(1);
      await windows.getByRole("textbox", { name: "Window", exact: true }).fill("7");
      await expect(windows.locator("li", { hasText: /^11x y$/ })).toHaveCount(1);
      expect(problems.consoleErrors).toEqual([]);
      // Window 1 again, where the page starts.
      await windows.getByRole("textbox", { name: "Window", exact: true }).fill("1");
      await expect(windows.locator("li", { hasText: /^5x y$/ })).toHaveCount(1);
    });

    await test.step("T = 5 gives 46 windows, window 1 covers rows 1–5 with target row 5, a batch of 8 is (8, 5, 3), and the parameter counts are 384 and 416", async () => {
      await windows.scrollIntoViewIfNeeded();
      await expect(windows.getByText("50 − 5 + 1 = 46 windows", { exact: true })).toBeVisible();
      await expect(windows.getByText("Window 1 covers rows 1–5; its target is row 5's water use")).toBeVisible();
      await expect(windows.getByText("(8, 5, 3)", { exact: true })).toBeVisible();
      await expect(windows.getByRole("row", { name: /^Keras/ })).toContainText("384");
      await expect(windows.getByRole("row", { name: /^PyTorch/ })).toContainText("416");

      await windows.getByRole("textbox", { name: "Window", exact: true }).fill("7");
      await expect(windows.getByText("Window 7 covers rows 7–11; its target is row 11's")).toBeVisible();
      await windows.getByRole("textbox", { name: "Window length T" }).fill("10");
      await expect(windows.getByText("50 − 10 + 1 = 41 windows", { exact: true })).toBeVisible();
      await expect(windows.getByText("(8, 10, 3)", { exact: true })).toBeVisible();
      await windows.getByRole("textbox", { name: "LSTM units H" }).fill("16");
      await expect(windows.getByRole("row", { name: /^Keras/ })).toContainText("1280");
      await expect(windows.getByRole("row", { name: /^PyTorch/ })).toContainText("1344");
      expect(problems.consoleErrors).toEqual([]);
    });

    await test.step("the stateful section shows Keras' batch_shape and its exercise checks the continuing rows", async () => {
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

    await test.step("the LSTM trainer trains in the page and reports finite final losses", async () => {
      await page.reload(); // the built result back: only this step's click can show a trained one
      await trainer.scrollIntoViewIfNeeded();
      const lstmRow = trainer.getByRole("row", { name: /^LSTM\(8\)/ });
      await expect(lstmRow).toContainText("393");
      await trainer.getByRole("textbox", { name: "Epochs" }).fill("30");
      await expect(trainer.getByRole("textbox", { name: "Epochs" })).toHaveValue("30");
      await trainer.getByRole("button", { name: "Train LSTM" }).click();
      await expect(trainer.getByText(/Trained in your browser in \d+ ms/)).toBeVisible();
      await expect(trainer.getByRole("status")).toContainText("After 30 epochs");
      const cells = await lstmRow.getByRole("cell").allTextContents();
      const trainLoss = Number(cells[cells.length - 2]);
      const validationLoss = Number(cells[cells.length - 1]);
      expect(Number.isFinite(trainLoss) && trainLoss > 0).toBe(true);
      expect(Number.isFinite(validationLoss) && validationLoss > 0).toBe(true);
      await expect(lstmRow).toContainText("120"); // 28 training windows in batches of 8: 4 updates per epoch × 30
      expect(problems.consoleErrors).toEqual([]);
    });
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
