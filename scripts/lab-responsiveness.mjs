// How responsive the batch-size lab is, measured in the page. `npm run audit` (scripts/audit.mjs) holds the budgets,
// with nothing else running: on a shared runner these times measure the machine, not the lab.

/**
 * How long the lab takes from a batch-size slider move to updated outputs: a performance mark at the input event and
 * one when the outputs change (a MutationObserver on them). Moves the slider `moves` times with the keyboard and
 * returns the latencies in ms, sorted.
 * @param {import("@playwright/test").Page} page a page showing the hydrated lab
 * @param {number} moves
 * @returns {Promise<number[]>}
 */
export async function sliderLatencies(page, moves = 20) {
  const slider = page.getByRole("slider", { name: "Batch size", exact: true });
  await slider.evaluate((element) => {
    const store = /** @type {{ latencies: number[], inputAt: number | null }} */ (/** @type {unknown} */ (window));
    store.latencies = [];
    store.inputAt = null;
    element.addEventListener("input", () => {
      performance.mark("lab-input");
      store.inputAt = performance.now();
    }, { capture: true });
    const outputs = /** @type {Element} */ (element.closest(".batch-size-lab")?.querySelector("dl"));
    new MutationObserver(() => {
      if (store.inputAt === null) return;
      performance.mark("lab-updated");
      store.latencies.push(performance.now() - store.inputAt);
      store.inputAt = null;
    }).observe(outputs, { subtree: true, childList: true, characterData: true });
  });
  await slider.focus();
  for (let i = 0; i < moves; i++) {
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((n) => /** @type {{ latencies: number[] }} */ (/** @type {unknown} */ (window)).latencies.length >= n, i + 1);
  }
  const latencies = await page.evaluate(() => /** @type {{ latencies: number[] }} */ (/** @type {unknown} */ (window)).latencies);
  return [...latencies].sort((a, b) => a - b);
}

/**
 * Runs the lab's sweep over every batch size and returns the main-thread long tasks (over 50 ms) that started between
 * the click on "Run sweep" and the sweep's published result, longest first, and how long the sweep took.
 * @param {import("@playwright/test").Page} page a page showing the hydrated lab, settled
 * @returns {Promise<{ longTasks: number[], sweepMs: number }>}
 */
export async function sweepLongTasks(page) {
  await page.evaluate(() => {
    const store = /** @type {{ longTasks: PerformanceEntry[], longTaskObserver: PerformanceObserver, sweepDone: Promise<number> }} */ (/** @type {unknown} */ (window));
    store.longTasks = [];
    store.longTaskObserver = new PerformanceObserver((list) => store.longTasks.push(...list.getEntries()));
    store.longTaskObserver.observe({ type: "longtask" });
    store.sweepDone = new Promise((resolve) => {
      window.addEventListener("course:widget-run", (event) => {
        if (/** @type {CustomEvent} */ (event).detail?.widget === "batch-size-sweep") resolve(performance.now());
      });
    });
  });
  const started = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Run sweep" }).click();
  const ended = await page.evaluate(() => /** @type {{ sweepDone: Promise<number> }} */ (/** @type {unknown} */ (window)).sweepDone);
  await page.getByText("Sweep finished: 50 batch sizes trained.").waitFor();
  const longTasks = await page.evaluate(([t0, t1]) => {
    const store = /** @type {{ longTasks: PerformanceEntry[], longTaskObserver: PerformanceObserver }} */ (/** @type {unknown} */ (window));
    // takeRecords: entries of the last tasks that the observer has not delivered yet.
    return [...store.longTasks, ...store.longTaskObserver.takeRecords()]
      .filter((task) => task.startTime >= t0 && task.startTime <= t1)
      .map((task) => task.duration);
  }, [started, ended]);
  return { longTasks: longTasks.sort((a, b) => b - a), sweepMs: ended - started };
}

/** The p-th percentile (0..1) of sorted values, nearest rank. */
export function percentile(sorted, p) {
  return sorted[Math.ceil(p * sorted.length) - 1];
}
