import { readFile } from "node:fs/promises";
import { HISTORY_COALESCE_MS } from "../../src/widgets/BatchSizeLab/useLabUrlState";
import { expect, test } from "./helpers";
import { batchField, batchSlider, openFileMadeInPage, openLab, output } from "./lab";

// Most checks share one load of the lab (a heavy page): each step starts from the settings the one before left,
// or from the defaults typed back in as a reader would.
test("the lab at its default settings: outputs, code, export, sweep, pins and own data", async ({ page, problems }) => {
  test.setTimeout(11 * 90_000); // the eleven tests merged here had 90 s each
  await openLab(page);

  await test.step("gradient noise is 0 at B = N", async () => {
    await expect(page.getByText(/At B = 50 = N the measured variance is 0 and the prediction 0/)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("batch 8 gives 7 iterations with a last batch of 2; dropping the last batch gives 6", async () => {
    await batchField(page).fill("8");
    await expect(output(page, "Iterations per epoch")).toHaveText("7");
    await expect(output(page, "Last batch size")).toHaveText("2");
    await expect(output(page, "Weight updates")).toHaveText("140");
    await page.getByLabel("Drop last partial batch").check();
    await expect(output(page, "Iterations per epoch")).toHaveText("6");
    await expect(output(page, "Last batch size")).toHaveText("8");
    await expect(output(page, "Weight updates")).toHaveText("120");
    await expect(page.getByText("Input layer: 3 units")).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("Copy as PyTorch shows code with the DataLoader settings and a copy status", async () => {
    // Batch 8 with the last partial batch dropped, as the step above leaves it.
    await expect(page).toHaveURL(/[?&]b=8&.*drop=1/);
    await page.getByRole("button", { name: "Copy as PyTorch" }).click();
    await expect(page.getByText(/Copied the PyTorch code|clipboard is not available/)).toBeVisible();
    await expect(page.getByLabel("PyTorch code for these settings")).toContainText("DataLoader(TensorDataset(X, y), batch_size=8, shuffle=True, drop_last=True)");
    await page.getByRole("button", { name: "Copy as Keras" }).click();
    await expect(page.getByLabel("Keras code for these settings")).toContainText(".batch(8, drop_remainder=True)");
    expect(problems.consoleErrors).toEqual([]);
    await page.getByLabel("Drop last partial batch").uncheck(); // back to the default
  });

  await test.step("Export CSV downloads one row per iteration with the epoch columns", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^batch-size-lab_b8_.*\.csv$/);
    const text = await readFile((await download.path())!, "utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("iteration,epoch,iteration_in_epoch,batch_rows,batch_loss,epoch_running_loss,epoch_full_loss");
    expect(lines.length - 1).toBe(140);
    expect(lines[7]).toMatch(/^7,1,7,2,[\d.e-]+,[\d.e-]+,[\d.e-]+$/);
    expect(lines[140]).toMatch(/^140,20,7,2,/);
    await expect(page.getByText(/Downloaded batch-size-lab_b8/)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("20 epochs at batch size 10 make 100 weight updates", async () => {
    await batchField(page).fill("10");
    await page.getByRole("textbox", { name: "Epochs", exact: true }).fill("20");
    await expect(output(page, "Iterations per epoch")).toHaveText("5");
    await expect(output(page, "Weight updates")).toHaveText("100");
    expect(Number(await output(page, "Final loss").textContent())).toBeGreaterThan(0);
    expect(problems.consoleErrors).toEqual([]);
    await batchField(page).fill("8");
  });

  await test.step("the batch-size slider and number field stay in sync", async () => {
    await batchSlider(page).fill("23");
    await expect(batchField(page)).toHaveValue("23");
    await expect(output(page, "Iterations per epoch")).toHaveText("3");
    await batchField(page).fill("5");
    await expect(batchSlider(page)).toHaveValue("5");
    await batchSlider(page).focus();
    await page.keyboard.press("ArrowRight");
    await expect(batchField(page)).toHaveValue("6");
    await expect(output(page, "Iterations per epoch")).toHaveText("9");
    await batchField(page).fill("abc");
    await expect(page.getByText(/Batch size must be a whole number/)).toBeVisible();
    await expect(output(page, "Iterations per epoch")).toHaveText("9");
    expect(problems.consoleErrors).toEqual([]);
    await batchField(page).fill("8");
  });

  await test.step("a huge learning rate shows where the loss became non-finite", async () => {
    await page.getByRole("textbox", { name: "Learning rate", exact: true }).fill("10");
    await expect(page.getByRole("alert").filter({ hasText: /The loss became (Infinity|NaN) at epoch \d+, iteration \d+ \(update \d+\)/ })).toBeVisible();
    await expect(output(page, "Final loss")).toHaveText("not finite");
    expect(problems.consoleErrors).toEqual([]);
    await page.getByRole("textbox", { name: "Learning rate", exact: true }).fill("0.05");
  });

  await test.step("the sweep trains all 50 batch sizes and lists each one's updates", async () => {
    // How long the sweep blocks the page (no task over 200 ms) is measured by `npm run audit`, alone on the machine.
    await page.getByRole("button", { name: "Run sweep" }).click();
    await expect(page.getByText("Sweep finished: 50 batch sizes trained.")).toBeVisible();
    const table = page.getByRole("table", { name: "Sweep results" });
    await expect(table.locator("tbody tr")).toHaveCount(50);
    await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "10", exact: true }) })).toContainText("100");
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("pinned runs overlay the chart, at most five", async () => {
    const pin = page.getByRole("button", { name: "Pin this run" });
    await pin.click();
    await batchField(page).fill("1");
    await pin.click();
    const pins = page.getByRole("list", { name: "Pinned runs" }).getByRole("listitem");
    await expect(pins).toHaveCount(2);
    await expect(pins.nth(1)).toContainText("B=1");
    await expect(pins.nth(1)).toContainText("1000 updates");
    const legend = page.getByRole("list", { name: /^Legend: Loss/ }).getByRole("listitem");
    await expect(legend.filter({ hasText: /^Pin \d/ })).toHaveCount(2);
    for (const b of ["2", "3", "4"]) {
      await batchField(page).fill(b);
      await pin.click();
    }
    await expect(pins).toHaveCount(5);
    await batchField(page).fill("5");
    await pin.click();
    await expect(page.getByText("5 runs are pinned, the most the chart can show clearly. Remove one to pin this run.")).toBeVisible();
    await expect(pins).toHaveCount(5);
    await page.getByRole("button", { name: "Remove pin 1" }).click();
    await expect(pins).toHaveCount(4);
    expect(problems.consoleErrors).toEqual([]);
    // Back to no pins and batch 8 for the own-data steps below.
    for (const key of [2, 3, 4, 5]) await page.getByRole("button", { name: `Remove pin ${key}` }).click();
    await expect(pins).toHaveCount(0);
    await batchField(page).fill("8");
  });

  await test.step("own data: a good paste trains with the input layer resized; a bad paste lists row and column", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${(i * 7) % 11},${2 * i + ((i * 7) % 11)}`);
    await page.getByLabel("CSV text").fill(["a,b,y", ...rows].join("\n"));
    await page.getByRole("button", { name: "Use this data" }).click();
    await expect(page.getByText("Input layer: 2 units")).toBeVisible();
    await expect(page.getByLabel("Target column")).toHaveValue("y");
    await expect(output(page, "Iterations per epoch")).toHaveText("4");
    await expect(output(page, "Weight updates")).toHaveText("80");
    await page.getByRole("button", { name: "Back to the greenhouse data" }).click();
    await expect(page.getByText("Input layer: 3 units")).toBeVisible();
    await expect(output(page, "Iterations per epoch")).toHaveText("7");

    await page.getByLabel("CSV text").fill("a,b,c\n1,2,3\n4,5,6\n7,x,9\n");
    await page.getByRole("button", { name: "Use this data" }).click();
    const problemsList = page.getByRole("list", { name: "Problems in the CSV" });
    await expect(problemsList.getByRole("listitem").first()).toContainText("Row 3, column b");
    await expect(page.getByText("Input layer: 3 units")).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("a large pasted table trains in the worker and the page keeps responding", async () => {
    // Open it as a file (typing 6,000 lines into the textarea would mostly test the test driver).
    await openFileMadeInPage(page, { name: "big.csv", rows: 6000 });
    await expect(page.getByText("Input layer: 2 units")).toBeVisible();
    await expect(page.getByText("1 to 6,000 rows per update")).toBeVisible();
    await expect(output(page, "Iterations per epoch")).toHaveText("750");
    await expect(output(page, "Weight updates")).toHaveText("15000");
    await expect(output(page, "Final loss")).toHaveText(/^\d/);
    await batchField(page).fill("600");
    await expect(output(page, "Iterations per epoch")).toHaveText("10");
    await expect(output(page, "Weight updates")).toHaveText("200");
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("the settings round-trip through the address, and the back button restores the previous batch size", async ({ page, browser, baseURL, problems }) => {
  await page.clock.install(); // to let the history pause pass below without waiting for it
  await openLab(page);
  await batchField(page).fill("13");
  await page.getByRole("textbox", { name: "Learning rate", exact: true }).fill("0.1");
  await page.getByRole("textbox", { name: "Epochs", exact: true }).fill("30");
  await page.getByLabel("Optimizer").selectOption({ label: "SGD with momentum" });
  await page.getByLabel("Model", { exact: true }).selectOption({ label: "linear" });
  await page.getByRole("textbox", { name: "Seed", exact: true }).fill("7");
  await page.getByLabel("Shuffle each epoch").uncheck();
  await page.getByLabel("Drop last partial batch").check();
  await page.getByRole("radio", { name: "Iterations (weight updates)" }).check();
  await expect(page).toHaveURL(/b=13&lr=0\.1&e=30&opt=momentum&model=linear&seed=7&shuffle=0&drop=1&x=iteration/);
  const finalLoss = await output(page, "Final loss").textContent();
  expect(finalLoss).toMatch(/^\d/);

  const other = await browser.newContext(baseURL ? { baseURL } : {});
  const copy = await other.newPage();
  await copy.goto(page.url());
  await batchField(copy).scrollIntoViewIfNeeded();
  await expect(batchField(copy)).toHaveValue("13");
  await expect(copy.getByRole("textbox", { name: "Learning rate", exact: true })).toHaveValue("0.1");
  await expect(copy.getByRole("textbox", { name: "Epochs", exact: true })).toHaveValue("30");
  await expect(copy.getByLabel("Optimizer")).toHaveValue("momentum");
  await expect(copy.getByLabel("Model", { exact: true })).toHaveValue("linear");
  await expect(copy.getByLabel("Shuffle each epoch")).not.toBeChecked();
  await expect(copy.getByLabel("Drop last partial batch")).toBeChecked();
  await expect(copy.getByRole("radio", { name: "Iterations (weight updates)" })).toBeChecked();
  await expect(output(copy, "Iterations per epoch")).toHaveText("3");
  await expect(output(copy, "Final loss")).toHaveText(finalLoss ?? "");
  await other.close();

  // History: two separate changes, then back twice.
  await openLab(page, "?b=8");
  await batchField(page).fill("12");
  await expect(page).toHaveURL(/b=12/);
  await page.clock.fastForward(HISTORY_COALESCE_MS + 100); // a pause: the next change gets its own history entry
  await batchField(page).fill("20");
  await expect(page).toHaveURL(/b=20/);
  await page.goBack();
  await expect(batchField(page)).toHaveValue("12");
  await expect(output(page, "Iterations per epoch")).toHaveText("5");
  await page.goBack();
  await expect(batchField(page)).toHaveValue("8");
  await expect(output(page, "Iterations per epoch")).toHaveText("7");
  expect(problems.consoleErrors).toEqual([]);
});

test("hostile or malformed address parameters are ignored with a message, and the defaults are used", async ({ page, problems }) => {
  await openLab(page, "?b=abc&lr=%3Cscript%3Ealert(1)%3C%2Fscript%3E&e=1e999&opt=rmsprop&seed=-3&drop=yes");
  await expect(page.getByText("Ignored b=abc in the address: batch size must be a whole number from 1 to 50.")).toBeVisible();
  await expect(page.getByText("Ignored lr=<script>alert(1)</script> in the address: learning rate must be a number from 0.0001 to 10.")).toBeVisible();
  await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
  await expect(page.getByText(/Ignored e=1e999 in the address: epochs must be a whole number from 1 to 100/)).toBeVisible();
  await expect(page.getByText(/Ignored opt=rmsprop in the address: optimizer must be sgd, momentum or adam/)).toBeVisible();
  await expect(page.getByText("The address asks for seed = -3; the least the lab allows is 0, so it uses 0.")).toBeVisible();
  await expect(page.getByText(/Ignored drop=yes in the address/)).toBeVisible();
  await expect(batchField(page)).toHaveValue("8");
  await expect(page.getByRole("textbox", { name: "Learning rate", exact: true })).toHaveValue("0.05");
  await expect(output(page, "Iterations per epoch")).toHaveText("7");
  await expect(output(page, "Weight updates")).toHaveText("140");
  await expect(page).toHaveURL(/b=8&lr=0\.05&e=20&opt=sgd/);

  expect(problems.consoleErrors).toEqual([]);
});
