import type { Locator, Page } from "@playwright/test";

/** Lesson 7's loss-landscape figure, shared by landscape.spec.ts and lessons7to10.spec.ts. */
export function landscape(page: Page): Locator {
  return page.getByRole("figure", { name: /Loss landscape of/ });
}
