import type { Page } from "@playwright/test";
import { expect, test } from "./helpers";
import { batchField, batchSlider, LAB, openFileMadeInPage, openLab, output, waitForLab } from "./lab";

const THREE_ROWS = "a,b,y\n1,2,3\n4,5,9\n7,8,16\n";

const notices = (page: Page) => page.getByRole("list", { name: "Settings adjusted" });

async function pasteTable(page: Page, csv: string): Promise<void> {
  await page.getByLabel("CSV text").fill(csv);
  await page.getByRole("button", { name: "Use this data" }).click();
}

// The checks that start from the lab's plain address share one load of it (a heavy page), each as a step that
// starts from the greenhouse data at the default settings: a step that leaves anything else puts them back.
test("from the plain address: controls before hydration, the worker, own data kept for the tab, and size limits", async ({ page, browser, baseURL, problems }) => {
  test.setTimeout(3 * 90_000 + 2 * 120_000); // the sum of the five tests merged here
  // Counts the workers the page starts, for the worker step (the first to train anything).
  await page.addInitScript(() => {
    const counter = window as unknown as { workersStarted: number };
    counter.workersStarted = 0;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        counter.workersStarted += 1;
      }
    };
  });

  await test.step("the controls are disabled until the lab runs, and without JavaScript they stay so with a note", async () => {
    // Before it scrolls into view the island has not hydrated: nothing can be typed that the lab would not use.
    await page.goto(LAB);
    await expect(page.getByRole("button", { name: "Train" })).toBeDisabled();
    await expect(batchField(page)).toBeDisabled();
    await waitForLab(page);
    await expect(page.getByRole("button", { name: "Run sweep" })).toBeEnabled();
    expect(problems.consoleErrors).toEqual([]);

    const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
    const noJs = await context.newPage();
    await noJs.goto(LAB);
    await expect(noJs.getByText("JavaScript is off: this is the default run, computed when the page was built.")).toBeVisible();
    for (const name of ["Train", "Run sweep", "Pin this run", "Use this data"]) {
      await expect(noJs.getByRole("button", { name, exact: true })).toBeDisabled();
    }
    await context.close();
  });

  await test.step("settings changes during large-data training reuse the lab's worker instead of starting new ones", async () => {
    // 1,200 rows of two inputs: over the 1,000 rows at which, at 20 epochs, the lab trains in its worker (isLargeJob in
    // labRun.ts); a table 6 times that size checked nothing more and cost 3 s more.
    await openFileMadeInPage(page, { name: "big.csv", rows: 1200 });
    await expect(output(page, "Iterations per epoch")).toHaveText("150", { timeout: 30_000 });
    for (const [b, iterations] of [["100", "12"], ["200", "6"], ["300", "4"], ["400", "3"], ["600", "2"]] as const) {
      await batchField(page).fill(b);
      await expect(output(page, "Iterations per epoch")).toHaveText(iterations, { timeout: 30_000 });
    }
    // One worker for training and one for the gradient-noise panel, however many runs.
    expect(await page.evaluate(() => (window as unknown as { workersStarted: number }).workersStarted)).toBeLessThanOrEqual(2);
    expect(problems.consoleErrors).toEqual([]);
    // Back to the greenhouse data at batch 8, without the note that batch 600 did not fit it.
    await page.getByRole("button", { name: "Back to the greenhouse data" }).click();
    await batchField(page).fill("8");
    await page.getByRole("button", { name: "Dismiss" }).click();
    await expect(notices(page)).toHaveCount(0);
  });

  await test.step("a 3-row table at batch 8: field, slider, address and outputs all use 3, and the lab says so", async () => {
    await expect(batchField(page)).toHaveValue("8");
    await pasteTable(page, THREE_ROWS);
    await expect(notices(page)).toContainText("Batch size 8 is more than the 3 rows of your table, so the lab uses 3.");
    await expect(batchField(page)).toHaveValue("3");
    await expect(batchSlider(page)).toHaveValue("3");
    await expect(page).toHaveURL(/[?&]b=3&/);
    await expect(output(page, "Iterations per epoch")).toHaveText("1");
    await expect(output(page, "Last batch size")).toHaveText("3");
    await expect(batchField(page)).not.toHaveAttribute("aria-invalid", "true");
    expect(problems.consoleErrors).toEqual([]);
    // Back to the greenhouse data (no longer kept for the tab) at batch 8.
    await page.getByRole("button", { name: "Back to the greenhouse data" }).click();
    await batchField(page).fill("8");
  });

  await test.step("own data is kept for the tab: it is back after leaving the lab, until the reader goes back to the greenhouse data", async () => {
    await pasteTable(page, THREE_ROWS);
    await expect(page.getByRole("status").filter({ hasText: "It is kept in this tab until you close it" })).toBeVisible();
    await page.goto("lessons/iterations-and-epochs/");
    await openLab(page);
    await expect(page.getByText("Input layer: 2 units")).toBeVisible();
    await expect(page.getByText("Your table from earlier in this tab (my-data.csv) is back: 3 rows")).toBeVisible();
    await expect(page.getByLabel("CSV text")).toHaveValue(THREE_ROWS);
    await expect(batchField(page)).toHaveValue("3");
    await page.getByRole("button", { name: "Back to the greenhouse data" }).click();
    await page.goto("lessons/iterations-and-epochs/");
    await openLab(page);
    await expect(page.getByText("Input layer: 3 units")).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("large files and pastes: sizes are checked before reading or copying, and messages stay short", async () => {
    const box = page.getByLabel("CSV text");
    // Over 5 MB: refused from its size alone.
    await openFileMadeInPage(page, { name: "huge.csv", bytes: 6_000_000 });
    await expect(page.getByRole("list", { name: "Problems in the CSV" })).toContainText("The file is 6.0 MB; the lab reads files up to 5 MB (10,000 rows).");
    await expect(box).toHaveValue("");
    // 4.4 MB and 120,000 rows: the row limit is found without the text being copied into the box.
    await openFileMadeInPage(page, { name: "big.csv", rows: 120_000 });
    await expect(page.getByRole("list", { name: "Problems in the CSV" })).toContainText("The file has 120,000 rows; the limit is 10,000.");
    await expect(box).toHaveValue("");
    // A cell of 100,000 digits and a letter: a message quoting 40 characters of it.
    await pasteTable(page, `a,b\n1,2\n${"1".repeat(100_000)}x,2\n`);
    const problem = page.getByRole("list", { name: "Problems in the CSV" }).getByRole("listitem").first();
    await expect(problem).toHaveText(`Row 2, column a (line 3): “${"1".repeat(40)}…” is not a number.`);
    // The box stops one character past its limit, so a longer paste is refused, never cut silently.
    await box.fill("1".repeat(1_200_000));
    expect((await box.inputValue()).length).toBe(1_000_001);
    await page.getByRole("button", { name: "Use this data" }).click();
    await expect(page.getByRole("list", { name: "Problems in the CSV" })).toContainText("The box holds more than 1,000,000 characters");
    // A right-to-left override in a column name does not reach the page.
    await pasteTable(page, "temp\u202E,y\n1,2\n3,5\n4,9\n");
    await expect(page.getByText(/on your table: 3 rows, 1 input \(temp\) → y\./)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("back to the greenhouse data from batch 600, and back in history to that entry: the lab uses 50 and shows 50", async ({ page, problems }) => {
  // Changes closer than 0.7 s share a history entry; the clock separates them without a sleep.
  await page.clock.install();
  await openLab(page);
  await openFileMadeInPage(page, { name: "big.csv", rows: 1000 });
  await expect(page.getByText("1 to 1,000 rows per update")).toBeVisible();
  await batchField(page).fill("600");
  await expect(page).toHaveURL(/[?&]b=600&/);
  await expect(output(page, "Iterations per epoch")).toHaveText("2");
  await page.clock.fastForward(1000);

  const back = page.getByRole("button", { name: "Back to the greenhouse data" });
  await back.click();
  // The button is gone; focus moved to the panel's first action.
  await expect(page.getByRole("button", { name: "Use this data" })).toBeFocused();
  await expect(notices(page)).toContainText("Batch size 600 is more than the 50 rows of the greenhouse table, so the lab uses 50.");
  await expect(batchField(page)).toHaveValue("50");
  await expect(batchSlider(page)).toHaveValue("50");
  await expect(page).toHaveURL(/[?&]b=50&/);
  await expect(output(page, "Iterations per epoch")).toHaveText("1");

  // The entry before holds b=600, which the greenhouse table cannot use.
  await page.goBack();
  await expect(notices(page)).toContainText("Batch size 600 is more than the 50 rows of the greenhouse table, so the lab uses 50.");
  await expect(batchField(page)).toHaveValue("50");
  await expect(output(page, "Iterations per epoch")).toHaveText("1");
  await expect(page).toHaveURL(/[?&]b=50&/);
  expect(problems.consoleErrors).toEqual([]);
});

test("out-of-range address values are clamped with a message; Dismiss leaves focus in the settings", async ({ page, problems }) => {
  await openLab(page, "?b=200&e=200&lr=50");
  await expect(notices(page)).toContainText("The address asks for epochs = 200; the most the lab allows is 100, so it uses 100.");
  await expect(notices(page)).toContainText("The address asks for learning rate = 50; the most the lab allows is 10, so it uses 10.");
  await expect(notices(page)).toContainText("Batch size 200 is more than the 50 rows of the greenhouse table, so the lab uses 50.");
  await expect(batchField(page)).toHaveValue("50");
  await expect(page.getByRole("textbox", { name: "Epochs", exact: true })).toHaveValue("100");
  await expect(page.getByRole("textbox", { name: "Learning rate", exact: true })).toHaveValue("10");
  await expect(output(page, "Iterations per epoch")).toHaveText("1");
  // The address is rewritten to what is used (keeping the order the link had).
  await expect(page).toHaveURL(/\?b=50&e=100&lr=10&opt=sgd/);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(notices(page)).toHaveCount(0);
  await expect(batchSlider(page)).toBeFocused();
  expect(problems.consoleErrors).toEqual([]);
});

test("focus never falls to the page: Run sweep hands it to Cancel and back; Remove pin to the next; Train keeps it", async ({ page, problems }) => {
  test.setTimeout(120_000);
  await openLab(page, "?e=5");
  const run = page.getByRole("button", { name: "Run sweep" });
  await run.focus();
  // The page records where focus lands: at 5 epochs the sweep can end, and hand focus back to Run, before a check
  // that Cancel holds it would first look.
  await page.evaluate(() => {
    const focused: string[] = [];
    (window as unknown as { focused: string[] }).focused = focused;
    document.addEventListener("focusin", (event) => focused.push((event.target as HTMLElement).textContent ?? ""));
  });
  await page.keyboard.press("Enter");
  await expect(page.getByText("Sweep finished: 50 batch sizes trained.")).toBeVisible({ timeout: 30_000 });
  await expect(run).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { focused: string[] }).focused)).toEqual(["Cancel sweep", "Run sweep"]);

  const pin = page.getByRole("button", { name: "Pin this run" });
  await pin.click();
  await batchField(page).fill("5");
  await pin.click();
  await page.getByRole("button", { name: "Remove pin 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove pin 2" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pin).toBeFocused();

  // Large data trains in the worker; Train stays focusable (aria-disabled) while it does.
  await openFileMadeInPage(page, { name: "big.csv", rows: 6000 });
  await expect(output(page, "Iterations per epoch")).toHaveText("1200", { timeout: 30_000 });
  const train = page.getByRole("button", { name: "Train", exact: true });
  await train.focus();
  await page.keyboard.press("Enter");
  await expect(train).toBeFocused();
  await expect(page.getByText("Runs again on every change; Train repeats the run.")).toBeVisible();
  await expect(train).toBeFocused();
  expect(problems.consoleErrors).toEqual([]);
});
