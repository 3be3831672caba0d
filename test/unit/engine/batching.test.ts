import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  batchRows,
  epochBatches,
  epochOrder,
  iterationsPerEpoch,
  lastBatchSize,
  samplesSeen,
  totalUpdates,
  unusedRowsPerEpoch,
} from "../../../src/engine/batching";

const N = 50;

describe("the batch facts of the course (N = 50)", () => {
  it("batch 5 gives 10 iterations, and the 10th holds positions 46-50 (1-based) of the epoch's order", () => {
    expect(iterationsPerEpoch(N, 5)).toBe(10);
    for (const shuffle of [false, true]) {
      const order = epochOrder(N, 3, { shuffle, seed: 11 });
      const tenth = batchRows(N, 3, 9, { batchSize: 5, shuffle, seed: 11 });
      expect(tenth.length).toBe(5);
      expect(Array.from(tenth)).toEqual(Array.from(order.subarray(45, 50)));
    }
    expect(Array.from(batchRows(N, 0, 9, { batchSize: 5 }))).toEqual([45, 46, 47, 48, 49]);
  });

  it("batch 8 gives 7 iterations, the last of 2 rows", () => {
    expect(iterationsPerEpoch(N, 8)).toBe(7);
    expect(lastBatchSize(N, 8)).toBe(2);
    expect(epochBatches(N, 0, { batchSize: 8 }).map((b) => b.length)).toEqual([8, 8, 8, 8, 8, 8, 2]);
  });

  it("batch 8 with dropLast gives 6 iterations and leaves 2 rows unused each epoch", () => {
    expect(iterationsPerEpoch(N, 8, { dropLast: true })).toBe(6);
    expect(lastBatchSize(N, 8, { dropLast: true })).toBe(8);
    expect(unusedRowsPerEpoch(N, 8, { dropLast: true })).toBe(2);
    expect(unusedRowsPerEpoch(N, 8)).toBe(0);
    expect(samplesSeen(N, 8, 1, { dropLast: true })).toBe(48);
  });

  it("batch 7 gives 8 iterations, the last of 1 row", () => {
    expect(iterationsPerEpoch(N, 7)).toBe(8);
    expect(lastBatchSize(N, 7)).toBe(1);
  });

  it("batch 1 gives 50 updates per epoch and batch 50 gives 1", () => {
    expect(iterationsPerEpoch(N, 1)).toBe(50);
    expect(totalUpdates(N, 1, 1)).toBe(50);
    expect(iterationsPerEpoch(N, 50)).toBe(1);
    expect(lastBatchSize(N, 50)).toBe(50);
  });

  it("Keras' default batch 32 gives 2 steps per epoch: 32 then 18", () => {
    expect(iterationsPerEpoch(N, 32)).toBe(2);
    expect(epochBatches(N, 0, { batchSize: 32 }).map((b) => b.length)).toEqual([32, 18]);
  });

  it("PyTorch's DataLoader defaults (batch 1, no shuffle) visit the 50 rows in the same order every epoch", () => {
    const first = epochBatches(N, 0, { batchSize: 1 }).map((b) => b[0]);
    const later = epochBatches(N, 7, { batchSize: 1 }).map((b) => b[0]);
    expect(first).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(later).toEqual(first);
  });

  it("20 epochs at batch 10 make 100 weight updates and 1000 sample visits", () => {
    expect(totalUpdates(N, 10, 20)).toBe(100);
    expect(samplesSeen(N, 10, 20)).toBe(1000);
  });
});

describe("shuffling", () => {
  it("reshuffles at the start of every epoch, the first included", () => {
    const identity = Array.from({ length: N }, (_, i) => i);
    const e0 = Array.from(epochOrder(N, 0, { shuffle: true, seed: 1 }));
    const e1 = Array.from(epochOrder(N, 1, { shuffle: true, seed: 1 }));
    expect(e0).not.toEqual(identity);
    expect(e1).not.toEqual(e0);
  });

  it("computes any epoch's order directly from (seed, epoch)", () => {
    const a = epochOrder(N, 17, { shuffle: true, seed: 42 });
    const b = epochOrder(N, 17, { shuffle: true, seed: 42 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(epochOrder(N, 17, { shuffle: true, seed: 43 }))).not.toEqual(Array.from(a));
  });
});

describe("invalid input", () => {
  it("throws a RangeError naming the argument and the allowed range", () => {
    expect(() => iterationsPerEpoch(50, 0)).toThrow(new RangeError("batchSize must be a whole number from 1 to 50 (got 0)"));
    expect(() => iterationsPerEpoch(50, 51)).toThrow(/batchSize must be a whole number from 1 to 50 \(got 51\)/);
    expect(() => iterationsPerEpoch(50, 2.5)).toThrow(RangeError);
    expect(() => iterationsPerEpoch(Number.NaN, 2)).toThrow(/n \(the number of rows\) must be a whole number ≥ 1 \(got NaN\)/);
    expect(() => iterationsPerEpoch(0, 1)).toThrow(RangeError);
    expect(() => totalUpdates(50, 5, -1)).toThrow(/epochs must be a whole number ≥ 0 \(got -1\)/);
    expect(() => batchRows(50, 0, 10, { batchSize: 5 })).toThrow(/iteration must be a whole number from 0 to 9 \(got 10\)/);
    expect(() => epochOrder(50, -1)).toThrow(/epoch must be/);
    expect(() => epochOrder(50, 0, { shuffle: true, seed: 0.5 })).toThrow(/seed must be a whole number/);
  });
});

const sizes = fc
  .integer({ min: 1, max: 200 })
  .chain((n) => fc.record({ n: fc.constant(n), batchSize: fc.integer({ min: 1, max: n }) }));

describe("properties over random N, B and seeds", () => {
  it("every row appears exactly once per epoch, and batch sizes sum to N", () => {
    fc.assert(
      fc.property(sizes, fc.integer(), fc.nat(50), fc.boolean(), ({ n, batchSize }, seed, epoch, shuffle) => {
        const batches = epochBatches(n, epoch, { batchSize, shuffle, seed });
        expect(batches.length).toBe(iterationsPerEpoch(n, batchSize));
        const seen = new Uint8Array(n);
        let total = 0;
        for (const b of batches) {
          total += b.length;
          for (const r of b) seen[r] = seen[r]! + 1;
        }
        expect(total).toBe(n);
        expect(seen.every((c) => c === 1)).toBe(true);
        expect(batches[batches.length - 1]!.length).toBe(lastBatchSize(n, batchSize));
      }),
      { numRuns: 300 },
    );
  });

  it("with dropLast, batches are all full, sum to B·floor(N/B), and exactly the dropped rows are missing", () => {
    fc.assert(
      fc.property(sizes, fc.integer(), fc.nat(50), fc.boolean(), ({ n, batchSize }, seed, epoch, shuffle) => {
        const options = { batchSize, shuffle, seed, dropLast: true };
        const batches = epochBatches(n, epoch, options);
        const order = epochOrder(n, epoch, { shuffle, seed });
        const used = batchSize * Math.floor(n / batchSize);
        expect(batches.every((b) => b.length === batchSize)).toBe(true);
        expect(batches.reduce((s, b) => s + b.length, 0)).toBe(used);
        const present = new Set(batches.flatMap((b) => Array.from(b)));
        const dropped = Array.from(order.subarray(used));
        expect(dropped.length).toBe(unusedRowsPerEpoch(n, batchSize, { dropLast: true }));
        for (let r = 0; r < n; r++) expect(present.has(r)).toBe(!dropped.includes(r));
      }),
      { numRuns: 300 },
    );
  });

  it("batchRows equals the matching entry of epochBatches", () => {
    fc.assert(
      fc.property(sizes, fc.integer(), fc.nat(20), fc.boolean(), fc.boolean(), ({ n, batchSize }, seed, epoch, shuffle, dropLast) => {
        const options = { batchSize, shuffle, seed, dropLast };
        const batches = epochBatches(n, epoch, options);
        batches.forEach((b, i) => expect(Array.from(batchRows(n, epoch, i, options))).toEqual(Array.from(b)));
        expect(totalUpdates(n, batchSize, 3, { dropLast })).toBe(3 * batches.length);
      }),
      { numRuns: 100 },
    );
  });
});
