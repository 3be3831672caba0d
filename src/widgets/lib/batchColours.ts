/**
 * The one colour scheme for batches, wherever batches are coloured (lesson 5's epoch timeline, the lab's
 * 50-cell strip, …): the categorical palette tokens --cat-1 … --cat-8 of src/styles/global.css, Okabe-Ito's
 * colour-blind-safe hues in an order where neighbours stay far apart with protanopia, deuteranopia and
 * tritanopia (both themes; test/e2e/layout.spec.ts checks their contrast). Batch k, counted from 1, takes
 * --cat-((k − 1) mod 8 + 1), so batches k and k + 1 always differ and a colour returns only every 8 batches.
 */

/** How many colours the palette has before it repeats. */
export const BATCH_PALETTE_SIZE = 8;

/** The palette slot of batch k (k counted from 1): 1 … 8. */
export function batchColourSlot(batch: number): number {
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batches are counted from 1 (got ${String(batch)})`);
  return ((batch - 1) % BATCH_PALETTE_SIZE) + 1;
}

/** The CSS colour of batch k, e.g. "var(--cat-3)" for batch 3 or 11; follows the theme. */
export function batchColour(batch: number): string {
  return `var(--cat-${batchColourSlot(batch)})`;
}
