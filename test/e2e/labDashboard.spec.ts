import type { Locator, Page } from "@playwright/test";
import { axeViolations, expect, test } from "./helpers";
import { batchField, LAB, openLab } from "./lab";

// The batch-size lab as a dashboard you watch train (issue 10, sections 2-4), used as a reader would.
// Checks that start from the same address share one load of the lab (a heavy page), each as a step.

const counter = (page: Page, name: string) => page.getByRole("status", { name, exact: true });
const stripSentence = (page: Page) => page.getByText(/^(Epoch \d+, iteration \d+ of \d+: position|Before the first update)/);
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

async function step(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await button(page, "Step").click();
}

/** The rows named in the strip's sentence, e.g. "rows 46, 47, 48, 49, 50." → [46, 47, 48, 49, 50]. */
async function batchRows(page: Page): Promise<number[]> {
  const text = (await stripSentence(page).textContent()) ?? "";
  const rows = /rows? ([\d, ]+)\./.exec(text)?.[1] ?? "";
  return rows.split(",").map((r) => Number(r.trim()));
}

/** Labels of an SVG chart's ticks on one axis: texts sharing a y (x axis) or an x (y axis), numeric only. */
async function tickLabels(chart: Locator, axis: "x" | "y"): Promise<string[]> {
  return chart.evaluate((svg, which) => {
    const numeric = [...svg.querySelectorAll("text")].filter((t) => /^[−-]?[\d.,]+(×10[⁰-⁹⁻]+)?$|^10[⁰-⁹⁻]+$/.test(t.textContent ?? ""));
    const groups = new Map<string, string[]>();
    for (const t of numeric) {
      const key = t.getAttribute(which === "x" ? "y" : "x") ?? "";
      groups.set(key, [...(groups.get(key) ?? []), t.textContent ?? ""]);
    }
    return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  }, axis);
}

test("batch 5: Step through the first epoch without shuffling, then with shuffling", async ({ page, problems }) => {
  test.setTimeout(2 * 90_000); // the two tests merged here had 90 s each
  await openLab(page, "?b=5&shuffle=0");

  await test.step("batch 5 without shuffling: Step ten times takes positions 46-50, once more starts epoch 2 at iteration 1", async () => {
    await expect(counter(page, "Updates so far")).toHaveText("200 of 200");
    await step(page, 10);
    await expect(counter(page, "Epoch")).toHaveText("1 of 20");
    await expect(counter(page, "Iteration")).toHaveText("10 of 10");
    await expect(counter(page, "Updates so far")).toHaveText("10 of 200");
    await expect(counter(page, "Samples seen")).toHaveText("50 of 1,000");
    await expect(stripSentence(page)).toHaveText("Epoch 1, iteration 10 of 10: positions 46–50 of this epoch's order, rows 46, 47, 48, 49, 50.");
    await step(page, 1);
    await expect(counter(page, "Epoch")).toHaveText("2 of 20");
    await expect(counter(page, "Iteration")).toHaveText("1 of 10");
    await expect(stripSentence(page)).toHaveText("Epoch 2, iteration 1 of 10: positions 1–5 of this epoch's order, rows 1, 2, 3, 4, 5.");
    // The playhead can also be moved by hand, back to update 10.
    await page.getByRole("slider", { name: "Update", exact: true }).fill("10");
    await expect(stripSentence(page)).toHaveText("Epoch 1, iteration 10 of 10: positions 46–50 of this epoch's order, rows 46, 47, 48, 49, 50.");
    await page.getByRole("slider", { name: "Update", exact: true }).fill("11");
    // The network and the predictions follow the playhead.
    await expect(page.getByRole("img", { name: "Network after update 11" })).toBeVisible();
    await expect(page.getByText(/^Standardised units\. Mean squared error of these predictions: \d/)).toBeVisible();
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("with shuffling the next epoch visits the rows in a new order", async () => {
    // Shuffling back on (the default) is a new run, which rests at its end.
    await page.getByLabel("Shuffle each epoch").check();
    await expect(counter(page, "Updates so far")).toHaveText("200 of 200");
    await step(page, 1);
    const firstEpoch = await batchRows(page);
    await step(page, 10);
    await expect(counter(page, "Epoch")).toHaveText("2 of 20");
    await expect(page.getByText("The rows were reshuffled for this epoch.")).toBeVisible();
    const secondEpoch = await batchRows(page);
    expect(firstEpoch).toHaveLength(5);
    expect(secondEpoch).toHaveLength(5);
    expect(secondEpoch).not.toEqual(firstEpoch);
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("at the default settings (batch 8): layout, consoles, noise panel and the 5-seed sweep", async ({ page, problems }) => {
  test.setTimeout(4 * 90_000); // the four tests merged here had 90 s each
  // The layout step judges a 1280 x 800 window; the others do not depend on its height.
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page);

  await test.step("at 1280 x 800 with the settings at the top, every control, output, counter and figure is in view", async () => {
    await page.getByRole("group", { name: "Settings" }).evaluate((fieldset) => window.scrollTo(0, fieldset.getBoundingClientRect().top + window.scrollY));
    const inView: [string, Locator][] = [
      ["Batch size", batchField(page)],
      ["Batch size slider", page.getByRole("slider", { name: "Batch size", exact: true })],
      ["Learning rate", page.getByRole("textbox", { name: "Learning rate", exact: true })],
      ["Epochs", page.getByRole("textbox", { name: "Epochs", exact: true })],
      ["Optimizer", page.getByLabel("Optimizer")],
      ["Model", page.getByLabel("Model", { exact: true })],
      ["Seed", page.getByRole("textbox", { name: "Seed", exact: true })],
      ["Shuffle each epoch", page.getByLabel("Shuffle each epoch")],
      ["Drop last partial batch", page.getByLabel("Drop last partial batch")],
      ["Train", button(page, "Train")],
      ...["Iterations per epoch", "Last batch size", "Weight updates", "Final loss"].map((name): [string, Locator] => [name, page.getByLabel(name, { exact: true })]),
      ...["Epoch", "Iteration", "Updates so far", "Samples seen"].map((name): [string, Locator] => [name, counter(page, name)]),
      ["Play", button(page, "Play")],
      ["Pause", button(page, "Pause")],
      ["Step", button(page, "Step")],
      ["batch strip", page.getByRole("figure", { name: /^Epoch 20's order/ })],
      ["network", page.getByRole("img", { name: /^Network after training/ })],
      ["loss chart", page.getByRole("img", { name: /^Loss \(MSE, standardised units\)/ })],
      ["predictions", page.getByRole("img", { name: /^Predicted against measured water use/ })],
    ];
    for (const [name, locator] of inView) {
      const box = await locator.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(0);
      expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(1280);
      expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(800);
    }
    const chart = await page.getByRole("img", { name: /^Loss \(MSE, standardised units\)/ }).boundingBox();
    expect(chart!.width).toBeGreaterThanOrEqual(480);
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("batch 8: the Keras console prints Epoch 1/20 and 7/7 with the engine's loss; PyTorch prints steps 7", async () => {
    const keras = page.getByLabel("Keras output for this run");
    await expect(keras).toContainText("Epoch 1/20");
    await expect(keras).toContainText("7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.6390");
    await expect(keras).toContainText("Epoch 20/20");
    await expect(page.getByLabel("PyTorch output for this run")).toContainText("epoch 1/20  steps 7  loss 0.6390  full 0.0497");
    // Each number is tied to what it means.
    await expect(page.getByText(/^Steps \(iterations\) done in this epoch, out of the iterations per epoch: ⌈50\/8⌉ = 7\./)).toBeVisible();
    // Mid-epoch the bar counts the steps done so far.
    await step(page, 10);
    await expect(keras).toContainText("3/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.0517");
    await expect(keras).not.toContainText("Epoch 3/20");
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("the noise panel's batch-size axis ends at N, also on log-log axes", async () => {
    const chart = page.getByRole("img", { name: "Spread of mini-batch gradients around the full-batch gradient" });
    await chart.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await tickLabels(chart, "x")).at(-1)).toBe("50");
    await page.getByLabel("Log–log axes").check();
    await expect.poll(async () => (await tickLabels(chart, "x")).at(-1)).toBe("50");
    expect((await tickLabels(chart, "y")).length).toBeGreaterThanOrEqual(3);
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("the sweep trains every batch size with 5 seeds and shows their mean and lowest-to-highest band", async () => {
    await button(page, "Run sweep").click();
    await expect(page.getByText("Sweep finished: 50 batch sizes trained. Each with 5 seeds: 250 runs.")).toBeVisible({ timeout: 30_000 });
    const table = page.getByRole("table", { name: "Sweep results" });
    await expect(table.getByRole("columnheader")).toHaveText(["Batch size", "Iterations per epoch", "Weight updates", "Mean final loss (5 seeds)", "Lowest", "Highest"]);
    for (const b of ["1", "25", "50"]) {
      const cells = await table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: b, exact: true }) }).getByRole("cell").allTextContents();
      const [mean, lowest, highest] = cells.slice(2).map(Number);
      expect(lowest, `B=${b}`).toBeLessThan(mean!);
      expect(mean, `B=${b}`).toBeLessThan(highest!);
    }
    await expect(page.getByRole("list", { name: /^Legend: Final full-dataset loss/ })).toContainText("Lowest to highest of the 5 seeds");
    const chart = page.getByRole("img", { name: /^Final full-dataset loss against batch size/ });
    expect((await tickLabels(chart, "y")).length).toBeGreaterThanOrEqual(3);
    expect(await tickLabels(chart, "x")).toEqual(expect.arrayContaining(["1", "50"]));
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("batch 1: a pin keeps all its updates on the iterations axis, and pins keep their colours", async ({ page, problems }) => {
  test.setTimeout(2 * 90_000); // the two tests merged here had 90 s each
  await openLab(page, "?b=1");

  await test.step("a pinned batch-1 run keeps all 1000 updates on the iterations axis, and a log x axis labels at least three ticks", async () => {
    await button(page, "Pin this run").click();
    await expect(page.getByRole("list", { name: "Pinned runs" })).toContainText("the same run as the one on screen");
    await page.getByRole("radio", { name: "Iterations (weight updates)" }).check();
    const legend = page.getByRole("list", { name: /^Legend: Loss/ });
    await expect(legend).toContainText("Pin 1: B=1");
    await page.getByRole("region", { name: "Loss during training" }).getByText("Show the numbers").click();
    const table = page.getByRole("table", { name: /^Loss \(MSE/ });
    const pinPoints = await table.evaluate((element) => {
      const headers = [...element.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
      const column = headers.findIndex((h) => h.startsWith("Pin 1"));
      return [...element.querySelectorAll("tbody tr")].filter((tr) => (tr.children[column]?.textContent ?? "") !== "").length;
    });
    expect(pinPoints).toBe(1000);

    const chart = page.getByRole("img", { name: /^Loss \(MSE, standardised units\) against iteration/ });
    await page.getByLabel("Log scale for the x axis").check();
    await expect(chart).toBeVisible();
    await expect.poll(async () => (await tickLabels(chart, "x")).length).toBeGreaterThanOrEqual(3);
    expect(await tickLabels(chart, "x")).toEqual(expect.arrayContaining(["1", "10", "100", "1000"]));
    expect((await tickLabels(chart, "y")).length).toBeGreaterThanOrEqual(3);
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("each pin keeps its colour when another is removed, and every legend entry has its line's colour", async () => {
    // Pin 1 is the batch-1 run pinned above (pin numbers never restart on a page); back to the default axes.
    await page.getByRole("radio", { name: "Epochs", exact: true }).check();
    await page.getByLabel("Log scale for the x axis").uncheck();
    await batchField(page).fill("50");
    await button(page, "Pin this run").click();
    const chart = page.getByRole("img", { name: /^Loss \(MSE, standardised units\)/ });
    const legend = page.getByRole("list", { name: /^Legend: Loss/ });
    /** Computed colour of each legend swatch and of each drawn line, in series order. */
    const colours = async () => ({
      legend: await legend.evaluate((list) => [...list.querySelectorAll("li svg")].map((svg) => getComputedStyle(svg).color)),
      lines: await chart.evaluate((svg) => [...svg.querySelectorAll("g[clip-path] > g")].map((g) => getComputedStyle(g).color)),
      labels: await legend.getByRole("listitem").allTextContents(),
    });
    const before = await colours();
    expect(before.lines).toEqual(before.legend);
    expect(new Set(before.legend.slice(2)).size).toBe(2);
    const pin2 = before.legend[before.labels.findIndex((l) => l.startsWith("Pin 2"))];
    await button(page, "Remove pin 1").click();
    await expect(legend.getByRole("listitem")).toHaveCount(3);
    const after = await colours();
    expect(after.lines).toEqual(after.legend);
    expect(after.legend[after.labels.findIndex((l) => l.startsWith("Pin 2"))]).toBe(pin2);
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("Play replays the run on the page's clock, Pause holds it, and it stops at the end", async ({ page, problems }) => {
  // About 300 frames of the page's clock, each redrawing the dashboard: on a shared, loaded runner that takes a while.
  test.setTimeout(90_000);
  await page.clock.install();
  await openLab(page, "?b=8");
  const start = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(start + 1000);
  await button(page, "Play").click();
  await expect(button(page, "Pause")).toBeEnabled();
  // Normal speed plays the 140 updates in 10 s: 14 a second, whole updates only.
  await page.clock.runFor(1000);
  const afterOne = Number(/^(\d+) of 140$/.exec((await counter(page, "Updates so far").textContent()) ?? "")?.[1]);
  expect(afterOne).toBeGreaterThanOrEqual(12);
  expect(afterOne).toBeLessThanOrEqual(14);
  await button(page, "Pause").click();
  await expect(button(page, "Pause")).toBeDisabled();
  const paused = await counter(page, "Updates so far").textContent();
  await page.clock.runFor(1000);
  await expect(counter(page, "Updates so far")).toHaveText(paused ?? "");
  await page.getByLabel("Speed").selectOption("fast");
  await button(page, "Play").click();
  // Fast plays the whole run in 3 s.
  await page.clock.runFor(3100);
  await expect(counter(page, "Updates so far")).toHaveText("140 of 140");
  await expect(counter(page, "Epoch")).toHaveText("20 of 20");
  await expect(button(page, "Pause")).toBeDisabled();
  await expect(button(page, "Play")).toBeEnabled();
  expect(problems.consoleErrors).toEqual([]);
});

test("with reduced motion Play is off and Step still moves one iteration", async ({ page, problems }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openLab(page, "?b=8");
  await expect(page.getByText("Reduced motion is on, so Play is off: Step moves one iteration at a time.")).toBeVisible();
  await expect(button(page, "Play")).toBeDisabled();
  await step(page, 1);
  await expect(counter(page, "Updates so far")).toHaveText("1 of 140");
  await expect(counter(page, "Iteration")).toHaveText("1 of 7");
  await expect(page.getByRole("img", { name: "Network after update 1" })).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test("without JavaScript the dashboard shows the finished run: counters, strip, network, predictions and console", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  await page.goto(LAB);
  await expect(counter(page, "Updates so far")).toHaveText("140 of 140");
  await expect(stripSentence(page)).toHaveText(/^Epoch 20, iteration 7 of 7: positions 49–50 of this epoch's order, rows \d+, \d+\.$/);
  await expect(page.getByRole("img", { name: "Network after training (140 updates)" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Predicted against measured water use/ })).toBeVisible();
  await expect(page.getByLabel("Keras output for this run")).toContainText("7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.6390");
  // The playback buttons need JavaScript, so they are not shown.
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeHidden();
  await context.close();
});

test("mid-replay in the dark theme, with a batch lit in the strip and the predictions, axe finds nothing", async ({ page, problems }) => {
  // The light theme's mid-replay scan is pages.spec.ts's, which steps the lab before judging the page.
  await page.addInitScript(() => localStorage.setItem("course-theme", "dark"));
  await openLab(page, "?b=5");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await step(page, 12);
  await expect(counter(page, "Updates so far")).toHaveText("12 of 200");
  expect(await axeViolations(page, "dark, mid-replay", ".batch-size-lab")).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
