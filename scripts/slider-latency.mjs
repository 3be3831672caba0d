// How long the lab takes from a batch-size slider move to updated outputs, measured in the page: a performance mark
// at the input event and one when the outputs change (a MutationObserver on them). Shared by the e2e test (a guard
// while other tests run in parallel) and `npm run audit` (the 50 ms budget, measured alone).

/**
 * Moves the focused lab's batch-size slider `moves` times with the keyboard and returns the latencies in ms, sorted.
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

/** The p-th percentile (0..1) of sorted values, nearest rank. */
export function percentile(sorted, p) {
  return sorted[Math.ceil(p * sorted.length) - 1];
}
