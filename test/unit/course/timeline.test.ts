import { describe, expect, test } from "vitest";
import { describeBatch, epochView, positionAfter, timelineCounts, type TimelineConfig } from "../../../src/course/timeline";

const base: TimelineConfig = { n: 50, batchSize: 8, shuffle: false, dropLast: false, seed: 1, epochs: 3 };

describe("epoch timeline", () => {
  test("50 rows at batch 8 gives 7 iterations, the last of 2 rows", () => {
    expect(timelineCounts(base)).toEqual({ iterationsPerEpoch: 7, lastBatchSize: 2, partial: true, unusedRows: 0, totalUpdates: 21 });
    const view = epochView(base, 0);
    expect(view.batches.at(-1)).toMatchObject({ iteration: 7, firstPosition: 49, lastPosition: 50, rows: [49, 50], partial: true });
  });

  test("dropping the last batch at batch 8 gives 6 iterations and 2 unused rows", () => {
    const config = { ...base, dropLast: true };
    expect(timelineCounts(config)).toMatchObject({ iterationsPerEpoch: 6, lastBatchSize: 8, partial: false, unusedRows: 2 });
    const view = epochView(config, 0);
    expect(view.unused).toEqual([49, 50]);
    expect(view.batchOfPosition.slice(-3)).toEqual([6, 0, 0]);
  });

  test("50 rows at batch 7 gives 8 iterations, the last of 1 row", () => {
    expect(timelineCounts({ ...base, batchSize: 7 })).toMatchObject({ iterationsPerEpoch: 8, lastBatchSize: 1, partial: true });
  });

  test("iteration 10 at batch 5 takes positions 46-50, not 45-50", () => {
    const batch = epochView({ ...base, batchSize: 5 }, 0).batches[9]!;
    expect(describeBatch(batch)).toBe("Iteration 10: positions 46–50 of this epoch's order = rows 46, 47, 48, 49, 50");
  });

  test("a one-row batch is described in the singular", () => {
    const batch = epochView({ ...base, batchSize: 7 }, 0).batches[7]!;
    expect(describeBatch(batch)).toBe("Iteration 8: position 50 of this epoch's order = row 50");
  });

  test("step counts map to epoch, iteration and samples seen", () => {
    const config = { ...base, batchSize: 10, shuffle: true, epochs: 2 };
    expect(positionAfter(config, 0)).toEqual({ updates: 0, epoch: 0, iterationsDone: 0, samplesSeen: 0, finished: false });
    expect(positionAfter(config, 5)).toEqual({ updates: 5, epoch: 0, iterationsDone: 5, samplesSeen: 50, finished: false });
    expect(positionAfter(config, 6)).toEqual({ updates: 6, epoch: 1, iterationsDone: 1, samplesSeen: 60, finished: false });
    expect(positionAfter(config, 10)).toEqual({ updates: 10, epoch: 1, iterationsDone: 5, samplesSeen: 100, finished: true });
    expect(positionAfter(config, 99).updates).toBe(10);
  });

  test("samples seen counts the short last batch as the rows it has", () => {
    expect(positionAfter(base, 7).samplesSeen).toBe(50);
    expect(positionAfter(base, 6).samplesSeen).toBe(48);
    expect(positionAfter({ ...base, dropLast: true }, 6).samplesSeen).toBe(48);
    expect(positionAfter({ ...base, dropLast: true }, 7).samplesSeen).toBe(56);
  });

  test("shuffling gives each epoch a different order and every row once", () => {
    const config = { ...base, shuffle: true };
    const first = epochView(config, 0).order;
    const second = epochView(config, 1).order;
    expect(first).not.toEqual(second);
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(epochView(config, 1).order).toEqual(second);
  });

  test("without shuffling every epoch visits rows 1-50 in order", () => {
    expect(epochView(base, 2).order).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
