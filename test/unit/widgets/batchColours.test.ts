import { describe, expect, it } from "vitest";
import { BATCH_PALETTE_SIZE, batchColour, batchColourSlot } from "../../../src/widgets/lib/batchColours";

describe("batch colours", () => {
  it("batch 1 takes --cat-1, batch 8 --cat-8, batch 9 --cat-1 again, batch 50 --cat-2", () => {
    expect(batchColour(1)).toBe("var(--cat-1)");
    expect(batchColour(8)).toBe("var(--cat-8)");
    expect(batchColour(9)).toBe("var(--cat-1)");
    expect(batchColour(50)).toBe("var(--cat-2)");
  });

  it("neighbouring batches never share a colour, at every batch count up to 50 (batch size 1)", () => {
    for (let k = 1; k < 50; k++) expect(batchColourSlot(k + 1)).not.toBe(batchColourSlot(k));
    expect(BATCH_PALETTE_SIZE).toBe(8);
  });

  it("the 7 batches of batch size 8 on 50 rows all get different colours", () => {
    expect(new Set([1, 2, 3, 4, 5, 6, 7].map(batchColour)).size).toBe(7);
  });

  it("refuses batch 0 and fractional batches", () => {
    expect(() => batchColour(0)).toThrow(/counted from 1/);
    expect(() => batchColour(1.5)).toThrow(RangeError);
  });
});
