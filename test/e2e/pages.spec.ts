import type { Page } from "@playwright/test";
import { axeViolations, builtPaths, expect, hydrateIslands, test } from "./helpers";
import { correctedClaims, expectExercisesAsListed, LESSON_PATH } from "./lessonContent";

// One pass over every page in the sitemap, one test per page, one page load each: the page loads on a phone in the
// system's dark theme and must fit it, every island hydrates, axe judges it; then, in place, the window widens, the
// reader picks the light theme, tries bad input in every numeric field, uses each widget, and axe judges it again. Two
// axe scans cover both themes, both widths, the first view and the used widgets. (What each field accepts is
// unit-tested: test/unit/widgets/numberField.test.ts; here each field shows that it is wired to that parser.)
// A check that needs every page, at either width, belongs here rather than in a loop of its own that loads them again:
// each lesson's exercises against its sidebar list, and the corrected claims, are read here (lessonContent.ts).

const phone = { width: 360, height: 800 };
const desktop = { width: 1280, height: 800 };
/** Never a number, and markup: every numeric field must flag it, and the page must echo it as text. */
const badInput = "<script>alert(1)</script>";

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every display formula or table whose content is cut off by a box that scrolls sideways, with its widths. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(".katex-display, table")) {
      // The formula box scrolls itself; a table scrolls in whichever ancestor clips it.
      for (let box: HTMLElement | null = element; box && box !== document.body; box = box.parentElement) {
        const overflowX = getComputedStyle(box).overflowX;
        const clips = overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden";
        if (clips && box.scrollWidth > box.clientWidth + 1) {
          found.push(`${(element.textContent ?? "").trim().slice(0, 50)}: ${box.scrollWidth} px in ${box.clientWidth} px`);
          break;
        }
      }
    }
    return found;
  });
}

/** Types bad input into every visible numeric field of the page's widgets, checks the message, and restores the value. */
async function tryBadInputInEveryField(page: Page): Promise<number> {
  // Exercise answer fields have their own tests (exercises.spec.ts).
  const fields = page.locator('astro-island input[inputmode="numeric"], astro-island input[inputmode="decimal"], astro-island input[type="number"]');
  let checked = 0;
  for (const field of await fields.all()) {
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    const name = (await field.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent)) ?? "";
    const original = await field.inputValue();
    await field.fill(badInput);
    await expect(field, `${name}: flagged`).toHaveAttribute("aria-invalid", "true");
    await expect(field, `${name}: the message is tied to the field`).toHaveAccessibleDescription(/is not a number/);
    await field.fill(original);
    await expect(field, `${name}: restored`).not.toHaveAttribute("aria-invalid", "true");
    checked += 1;
  }
  // What a reader typed was never turned into markup.
  await expect(page.locator("astro-island script")).toHaveCount(0);
  return checked;
}

/** Puts every island in a used state: presses the first enabled button inside it that is not a reset, export or sweep. */
async function useEveryWidget(page: Page): Promise<void> {
  // A widget with a Step button is stepped a few times, so axe also judges its mid-run colours (the lab's lit batch in
  // the strip and in the predictions); labDashboard.spec.ts judges the same state in the dark theme.
  for (const stepButton of await page.getByRole("button", { name: "Step", exact: true }).all()) {
    if ((await stepButton.isEnabled()) && (await stepButton.isVisible())) for (let i = 0; i < 12; i += 1) await stepButton.click();
  }
  for (const island of await page.locator("astro-island").all()) {
    const button = island.getByRole("button").filter({ hasNotText: /reset|export|copy|download|sweep/i }).first();
    if ((await button.count()) > 0 && (await button.isEnabled()) && (await button.isVisible())) await button.click();
  }
  // A widget that was set playing is paused again: axe judges the colours a reader stops on, not a cell caught
  // mid-transition by the next tick. (A paused widget's button may be renamed "Play", so the list is read again.)
  const playing = page.getByRole("button", { name: "Pause", exact: true }).and(page.locator(":enabled"));
  for (let guard = 0; guard < 20 && (await playing.count()) > 0; guard += 1) await playing.first().click();
}

for (const path of builtPaths()) {
  test(`${path}: on a phone in the dark theme and at 1280 px in the light one it loads, fits, hydrates, flags bad input, and axe finds nothing`, async ({ page, problems }) => {
    test.setTimeout(180_000); // two axe scans of a long page on a shared 2-core machine
    await page.setViewportSize(phone);
    await page.emulateMedia({ colorScheme: "dark" });
    const response = await page.goto(path.slice(1));
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    expect(await page.title()).not.toBe("");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\w/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /\w/);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

    await test.step("the phone's first screen", async () => {
      await page.evaluate(() => document.fonts.ready);
      expect(await sidewaysOverflow(page), "sideways scroll at 360 px").toBeLessThanOrEqual(0);
      if (path.includes("/lessons/")) {
        // The lesson list waits behind its button; the title is on the first screen.
        const title = await page.getByRole("heading", { level: 1 }).boundingBox();
        expect(title).not.toBeNull();
        expect((title?.y ?? 0) + (title?.height ?? 0)).toBeLessThanOrEqual(phone.height);
        await expect(page.getByRole("link", { name: /^1\. Samples, features and targets/ })).toBeHidden();
      }
    });
    if (LESSON_PATH.test(path)) await test.step("the exercises are those the sidebar and the progress page count", () => expectExercisesAsListed(page, path));
    const claims = correctedClaims[path];
    if (claims) await test.step("the corrected claims read as the engine has them (lessons 3, 6 and 7)", () => claims(page));
    await test.step("hydrate every island", () => hydrateIslands(page));
    // Wide tables, code and formulas scroll inside their own boxes; the page itself never scrolls sideways.
    expect(await sidewaysOverflow(page), "sideways scroll at 360 px with the widgets running").toBeLessThanOrEqual(0);
    const found = await test.step("axe: dark, 360 px", () => axeViolations(page, "dark, 360 px"));

    await page.setViewportSize(desktop);
    await page.getByLabel("Theme").selectOption("light");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await sidewaysOverflow(page), "sideways scroll at 1280 px").toBeLessThanOrEqual(0);
    // On a laptop nothing needs a sideways scroll to be read.
    expect(await sidewaysScrollers(page), "formulas or tables that scroll sideways at 1280 px").toEqual([]);
    const fieldsChecked = await test.step("bad input in every numeric field", () => tryBadInputInEveryField(page));
    test.info().annotations.push({ type: "numeric fields checked", description: String(fieldsChecked) });
    // Guards the field selector itself: the lab has batch size, learning rate, epochs and seed.
    if (path.endsWith("/batch-size-lab/")) expect(fieldsChecked).toBeGreaterThanOrEqual(4);
    await test.step("use every widget", () => useEveryWidget(page));
    found.push(...(await test.step("axe: light, 1280 px, widgets used", () => axeViolations(page, "light, 1280 px, widgets used"))));
    expect(found).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}
