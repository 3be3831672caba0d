import type { Page } from "@playwright/test";
import { expect } from "./helpers";

/** The batch-size lab, shared by lab.spec.ts, labDashboard.spec.ts and robust-lab.spec.ts. */
export const LAB = "lessons/batch-size-lab/";

export const batchField = (page: Page) => page.getByRole("textbox", { name: "Batch size", exact: true });
export const batchSlider = (page: Page) => page.getByRole("slider", { name: "Batch size", exact: true });
/** One of the lab's printed results ("Iterations per epoch", "Final loss", …). */
export const output = (page: Page, name: string) => page.getByLabel(name, { exact: true });

/** Opens the lab with `query` (e.g. "?b=5") and waits until it has hydrated. */
export async function openLab(page: Page, query = ""): Promise<void> {
  await page.goto(`${LAB}${query}`);
  await waitForLab(page);
}

/** Scrolls the lab into view on the page already open and waits until it has hydrated. */
export async function waitForLab(page: Page): Promise<void> {
  // The lab hydrates when it scrolls into view, and has hydrated once the address holds every setting
  // (its controls are enabled from then on).
  await batchField(page).scrollIntoViewIfNeeded();
  await expect(page).toHaveURL(/[?&]x=/);
}
