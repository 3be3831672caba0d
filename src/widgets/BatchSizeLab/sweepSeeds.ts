/**
 * A sweep trains every batch size with several seeds (different starting weights and batch orders)
 * and reports the mean final loss with the lowest and highest seed's: differences between
 * neighbouring batch sizes smaller than that spread are the seed's doing, not the batch size's.
 */
import { LIMITS } from "./labState";
import { SWEEP_SEEDS, type SweepRow } from "../../course/lab";

export { SWEEP_SEEDS };

/** The reader's seed and the next ones: seed, seed + 1, … (wrapping past the largest seed to 0). */
export function sweepSeeds(seed: number, count = SWEEP_SEEDS): number[] {
  const span = LIMITS.seed.max - LIMITS.seed.min + 1;
  return Array.from({ length: count }, (_, i) => LIMITS.seed.min + ((seed - LIMITS.seed.min + i) % span));
}

export interface SweepPoint {
  batchSize: number;
  iterationsPerEpoch: number;
  updates: number;
  /** Mean final loss over the seeds that did not diverge; NaN when all diverged. */
  mean: number;
  /** Lowest and highest final loss among those seeds. */
  min: number;
  max: number;
  /** Final loss of each seed, in seed order (NaN where a seed diverged). */
  losses: number[];
  diverged: number;
}

/** One batch size's seeds, summarised. */
export function summariseSeeds(rows: readonly SweepRow[]): SweepPoint {
  const first = rows[0];
  if (!first || rows.some((r) => r.batchSize !== first.batchSize)) throw new RangeError("summariseSeeds needs rows of one batch size");
  const finite = rows.filter((r) => !r.diverged && Number.isFinite(r.finalLoss)).map((r) => r.finalLoss);
  return {
    batchSize: first.batchSize,
    iterationsPerEpoch: first.iterationsPerEpoch,
    // A diverged seed stops early; the others make every planned update.
    updates: Math.max(...rows.map((r) => r.updates)),
    mean: finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN,
    min: finite.length > 0 ? Math.min(...finite) : Number.NaN,
    max: finite.length > 0 ? Math.max(...finite) : Number.NaN,
    losses: rows.map((r) => (r.diverged ? Number.NaN : r.finalLoss)),
    diverged: rows.length - finite.length,
  };
}
