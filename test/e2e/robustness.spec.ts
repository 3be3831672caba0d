import { expect, sitePaths, test } from "./helpers";

/** Never a valid number: the field must flag these. */
const alwaysBad = ["", "abc", "1e999", "<script>alert(1)</script>"];
/** Valid for some fields (a learning rate of 2.5), not for others (a batch size): flagged or accepted, never ignored silently. */
const sometimesBad = ["0", "-1", "2.5", "99999999"];

test("every numeric field in every widget answers bad input with a message and the page keeps working", async ({ page, problems }) => {
  test.setTimeout(240_000);
  const lessons = (await sitePaths(page)).filter((path) => path.includes("/lessons/"));
  let fieldsChecked = 0;
  for (const path of lessons) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    await page.waitForLoadState("networkidle");
    // Numeric fields of widgets (exercise answer fields are checked by their own tests).
    const fields = page.locator('astro-island input[inputmode="numeric"], astro-island input[inputmode="decimal"], astro-island input[type="number"]');
    const count = await fields.count();
    for (let index = 0; index < count; index += 1) {
      const field = fields.nth(index);
      if (!(await field.isVisible()) || !(await field.isEditable())) continue;
      const original = await field.inputValue();
      for (const value of [...alwaysBad, ...sometimesBad]) {
        await field.fill(value);
        const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
        const invalid = await field.getAttribute("aria-invalid");
        if (alwaysBad.includes(value)) expect(invalid, `${path} field ${index} accepted “${value}”`).toBe("true");
        if (invalid === "true") {
          const messageIds = describedBy.split(" ").filter(Boolean);
          const messages = await Promise.all(messageIds.map((id) => page.locator(`[id="${id}"]`).textContent()));
          expect(messages.join(" "), `${path} field ${index} with “${value}”`).toMatch(/\w{3,}/);
        }
      }
      await field.fill(original);
      await expect(field).not.toHaveAttribute("aria-invalid", "true");
      fieldsChecked += 1;
    }
    // Nothing a reader typed was turned into markup.
    expect(await page.locator("astro-island script").count()).toBe(0);
  }
  expect(fieldsChecked).toBeGreaterThan(5);
  expect(problems.consoleErrors).toEqual([]);
});

test("without JavaScript every lesson shows its prose, math and each widget's static figure, and no spinner", async ({ browser, baseURL, page }) => {
  const lessons = (await sitePaths(page)).filter((path) => path.includes("/lessons/"));
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  const noJs = await context.newPage();
  for (const path of lessons) {
    await noJs.goto(path);
    await expect(noJs.getByRole("heading", { level: 1 })).toBeVisible();
    const islands = noJs.locator("astro-island");
    const count = await islands.count();
    for (let index = 0; index < count; index += 1) {
      const text = (await islands.nth(index).innerText()).trim();
      expect(text.length, `${path} island ${index} is empty without JavaScript`).toBeGreaterThan(20);
      expect(text, `${path} island ${index}`).not.toMatch(/^loading/i);
    }
  }
  await context.close();
});
