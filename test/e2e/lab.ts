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

/** What `openFileMadeInPage` opens: a table of `rows` rows of two inputs (p, q → r), or `bytes` bytes of the digit 1. */
export type MadeFile = { name: string } & ({ rows: number } | { bytes: number });

/**
 * Opens a file in the lab's file picker as `setInputFiles` does (a File set on the input, then input and change
 * events), but made in the page: Playwright sends a file's bytes to the page as base64 text, which took 2.6 s for
 * the 6 MB file on the 2-core machine, to hand the page the same File.
 */
export async function openFileMadeInPage(page: Page, file: MadeFile): Promise<void> {
  await page.getByLabel("Open a .csv file").evaluate((input: HTMLInputElement, made: MadeFile) => {
    const line = (i: number) => `${i % 97},${(i * 13) % 31},${(i % 97) + 2 * ((i * 13) % 31)}`;
    const text = "rows" in made ? ["p,q,r", ...Array.from({ length: made.rows }, (_, i) => line(i))].join("\n") : "1".repeat(made.bytes);
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], made.name, { type: "text/csv" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, file);
}
