import { expect, hydrateIslands, test } from "./helpers";

const LESSON4 = "lessons/a-batch-forward/";
const LESSON5 = "lessons/iterations-and-epochs/";

// Lesson 4's figure (the map, the three readings, another start row, two equal weights), lesson 5's timeline colours
// and lesson 2's Keras docs preset are checked as steps of the one test per page in lessons4to5.spec.ts and
// lessons1to3.spec.ts, which load those pages fresh at the default size: a page load costs 1-2 s on the shared
// 2-core machine. The phone-width checks stay here: they load the pages at 375 px.

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const path of [LESSON4, LESSON5]) {
    test(`${path} is no wider than a 375 px screen once its figures have hydrated`, async ({ page, problems }) => {
      await page.goto(path);
      await hydrateIslands(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(problems.consoleErrors).toEqual([]);
    });
  }
});
