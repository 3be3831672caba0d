import type { Locator, Page } from "@playwright/test";
import { LESSON_SCROLL_REGIONS } from "../../src/components/scrollRegions";
import { expect, test } from "./helpers";

// Page layout as a reader meets it: nothing wider than the screen, no formula or table hidden behind a sideways
// scroll on a laptop, the lesson's title on a phone's first screen, wide figures for the four large widgets.

// The checks every page needs on a phone and at 1280 px (nothing wider than the screen, the title on a phone's first screen,
// no formula or table behind a sideways scroll on a laptop) run in pages.spec.ts's one pass per page, at 360 px.

// A page loaded at the same size for several checks is loaded once, the checks run as steps (a page load costs 1-2 s on
// the shared 2-core machine). Checks on pages at the default size are steps of the tests that load those pages already:
// the self-hosted typefaces in lessons4to5.spec.ts (lesson 4), the widget code's colours in lessons1to3.spec.ts
// (lesson 2), and the palette's contrast in site.spec.ts (the home page, with the theme choice).

/** Each sideways-scrolling region of the article (the ones scrollRegions.ts watches): does it overflow, and can Tab reach it? */
function scrollRegionStates(page: Page): Promise<{ overflows: boolean; focusable: boolean }[]> {
  return page.$$eval(LESSON_SCROLL_REGIONS, (regions) =>
    regions.map((region) => ({ overflows: region.scrollWidth > region.clientWidth + 1, focusable: region.getAttribute("tabindex") === "0" })),
  );
}

test("a wide table or formula on a phone scrolls inside its own box, which the keyboard can reach, also once the math fonts arrive", async ({ page, problems }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  // KaTeX's fonts are held back until the page has been measured with the fallback font: at 375 px one formula fits
  // in that font and overflows in KaTeX's own, which is the order a reader on a slow network gets.
  let releaseMathFonts!: () => void;
  const mathFontsReleased = new Promise<void>((resolve) => (releaseMathFonts = resolve));
  await page.route(/\/KaTeX_[\w-]+\.[\w-]+\.woff2$/, async (route) => {
    await mathFontsReleased;
    await route.continue();
  });
  await page.goto("lessons/iterations-and-epochs/", { waitUntil: "domcontentloaded" });
  const table = page.getByRole("table").filter({ hasText: "iterations per epoch" }).first();
  const box = page.locator(".table-scroll", { has: table });
  await expect(box).toHaveAttribute("tabindex", "0");
  const widths = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  const beforeFonts = await scrollRegionStates(page);
  expect(beforeFonts.filter((region) => region.overflows !== region.focusable)).toEqual([]);

  releaseMathFonts();
  await page.waitForFunction(() => [...document.fonts].some((font) => font.family === "KaTeX_Main" && font.status === "loaded"));
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(async () => (await scrollRegionStates(page)).filter((region) => region.overflows !== region.focusable)).toEqual([]);
  // Guards the test itself: some region's overflow did change when the fonts arrived.
  const afterFonts = await scrollRegionStates(page);
  expect(afterFonts.some((region, index) => region.overflows !== beforeFonts[index]?.overflows)).toBe(true);

  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(problems.consoleErrors).toEqual([]);
});

/** What Chromium tells screen readers about the lesson list's button: its name and whether it is expanded. */
async function disclosureState(page: Page): Promise<{ name: string; expanded: boolean | undefined }> {
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send("Accessibility.getFullAXTree");
  const summary = nodes.find((node) => node.role?.value === "DisclosureTriangle" && String(node.name?.value ?? "").startsWith("Lessons"));
  const expanded = summary?.properties?.find((property) => property.name === "expanded")?.value.value as boolean | undefined;
  return { name: String(summary?.name?.value ?? ""), expanded };
}

test("on a phone the lesson list opens and closes from the keyboard and says whether it is expanded", async ({ page, problems }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("lessons/batch-size-lab/");
  const sidebar = page.getByRole("complementary", { name: "All lessons" });
  const firstLesson = sidebar.getByRole("link", { name: /^1\. Samples, features and targets/ });
  await expect(firstLesson).toBeHidden();
  expect(await disclosureState(page)).toEqual({ name: "Lessons 6 of 10", expanded: false });

  await sidebar.getByText(/^Lessons/).focus();
  await page.keyboard.press("Enter");
  await expect(firstLesson).toBeVisible();
  await expect(sidebar.locator('[aria-current="page"]')).toContainText("6. The batch-size lab");
  expect((await disclosureState(page)).expanded).toBe(true);
  await page.keyboard.press("Space");
  await expect(firstLesson).toBeHidden();
  expect(problems.consoleErrors).toEqual([]);
});

test("the lesson list opens on a phone without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? "", viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto("lessons/loss-landscape/");
  const sidebar = page.getByRole("complementary", { name: "All lessons" });
  await expect(sidebar.getByRole("link", { name: /^9\. LSTM inputs/ })).toBeHidden();
  await sidebar.getByText(/^Lessons/).click();
  await expect(sidebar.getByRole("link", { name: /^9\. LSTM inputs/ })).toBeVisible();
  await context.close();
});

const DESKTOP = { width: 1280, height: 800 };
const WIDE_FIGURE = "the main figure is 1100 px wide and centred at 1280 px, the prose stays in its column";

/** The block that holds the page's main figure: 1100 px wide and centred at 1280 px, then as wide as the text at 375 px. */
async function expectWideFigure(page: Page, holds: (page: Page) => Locator): Promise<void> {
  const clientWidth = await page.evaluate(() => document.documentElement.clientWidth);
  const figure = page.locator("article > div", { has: holds(page) });
  const box = await figure.boundingBox();
  expect(box).not.toBeNull();
  const left = box?.x ?? 0;
  const right = clientWidth - left - (box?.width ?? 0);
  expect(box?.width).toBe(1100);
  expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  const paragraph = await page.locator("article > p").nth(2).boundingBox();
  expect(paragraph?.width).toBeLessThanOrEqual(44 * 16);

  // On a phone the figure takes the whole width of the text.
  await page.setViewportSize({ width: 375, height: 800 });
  const phoneBox = await figure.boundingBox();
  const phoneParagraph = await page.locator("article > p").nth(2).boundingBox();
  expect(phoneBox?.x).toBe(phoneParagraph?.x);
  expect(phoneBox?.width).toBe(phoneParagraph?.width);
}

// Each wide figure, found as the article's block that holds the widget (its figure, or the lab's batch-size slider).
// Lesson 7's and the lab's are steps of the tests further down, which load those pages at 1280 × 800 for other checks.
for (const path of ["lessons/a-batch-forward/", "lessons/iterations-and-epochs/"]) {
  test(`${path}: ${WIDE_FIGURE}`, async ({ page, problems }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto(path);
    await expectWideFigure(page, (page) => page.getByRole("figure").first());
    expect(problems.consoleErrors).toEqual([]);
  });
}

// The wide-figure step ends at phone width, so it comes last.
test("lesson 7 at 1280 px: the lesson list with JavaScript and without, and the wide figure", async ({ page, browser, baseURL, problems }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await page.goto("lessons/loss-landscape/");

  await test.step("on a wide screen the lesson list is always shown, with JavaScript and without", async () => {
    const sidebar = page.getByRole("complementary", { name: "All lessons" });
    await expect(sidebar.getByRole("link", { name: /^9\. LSTM inputs/ })).toBeVisible();
    await expect(sidebar.getByText(/^Lessons/)).toBeHidden();
    expect(problems.consoleErrors).toEqual([]);

    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? "", viewport: DESKTOP });
    const staticPage = await context.newPage();
    await staticPage.goto("lessons/loss-landscape/");
    await expect(staticPage.getByRole("complementary", { name: "All lessons" }).getByRole("link", { name: /^9\. LSTM inputs/ })).toBeVisible();
    await context.close();
  });

  await test.step(`lessons/loss-landscape/: ${WIDE_FIGURE}`, async () => {
    await expectWideFigure(page, (page) => page.getByRole("figure").first());
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("the lab at 1280 px: a wide figure over the side columns, and the wide figure", async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await page.goto("lessons/batch-size-lab/");

  // First, at 1280 px as loaded. The next step reads only the figure block's width and left edge, which the scroll, the
  // focus and the lab's hydration here leave alone, and ends at phone width.
  await test.step("a wide figure passing over the side columns hides them whole, not cut at its edge", async () => {
    const sidebar = page.getByRole("complementary", { name: "All lessons" });
    const lastLesson = sidebar.getByRole("link", { name: /^10\. Cheat sheet/ });
    // Scroll so that the lab's top edge runs through the middle of the sticky lesson list.
    const sidebarBox = await sidebar.boundingBox();
    const figureTop = await page.locator("article > div", { has: page.getByRole("slider", { name: "Batch size" }) })
      .evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y), figureTop - ((sidebarBox?.y ?? 0) + (sidebarBox?.height ?? 0) / 2));
    await expect(sidebar).toHaveCSS("opacity", "0");
    // Keyboard focus brings the list back above the figure.
    await lastLesson.focus();
    await expect(sidebar).toHaveCSS("opacity", "1");
    const linkBox = await lastLesson.boundingBox();
    const topmost = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("aside")?.getAttribute("aria-labelledby") ?? null,
      { x: (linkBox?.x ?? 0) + 10, y: (linkBox?.y ?? 0) + (linkBox?.height ?? 0) / 2 });
    expect(topmost).toBe("sidebar-heading");
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step(`lessons/batch-size-lab/: ${WIDE_FIGURE}`, async () => {
    await expectWideFigure(page, (page) => page.getByRole("slider", { name: "Batch size" }));
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("the home page's first screen shows the table becoming batches, with its numbers in text", async ({ page, problems }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 800 }]) {
    await page.setViewportSize(viewport);
    await page.goto("./");
    const strip = page.getByRole("img", { name: /The 50 rows of the table as 50 columns of cells, cut into 10 batches of 5/ });
    await expect(strip).toBeVisible();
    expect((await strip.boundingBox())?.y ?? Infinity).toBeLessThan(viewport.height);
    await expect(page.getByText("iteration 10 takes rows 46–50 (not 45–50)")).toBeAttached();
    await expect(page.getByText("200 weight updates")).toBeAttached();
    await expect(page.getByRole("link", { name: "Start with lesson 1: Samples, features and targets" })).toBeAttached();
  }
  // The outline and per-lesson scores stay below the picture.
  await expect(page.getByRole("heading", { name: "Course outline" })).toBeAttached();
  await expect(page.getByText("0 of 5 exercises correct").first()).toBeAttached();
  expect(problems.consoleErrors).toEqual([]);
});
