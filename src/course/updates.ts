/** Counting runs by weight updates rather than epochs (lessons 6 and 7 compare batch sizes this way). */
import { iterationsPerEpoch } from "../engine/batching";

/**
 * Epochs that make exactly `updates` weight updates at batch size B on `n` rows: updates / ⌈n/B⌉.
 * Throws when no whole number of epochs does.
 */
export function epochsForUpdates(updates: number, n: number, batchSize: number): number {
  const perEpoch = iterationsPerEpoch(n, batchSize);
  if (updates % perEpoch !== 0) {
    throw new RangeError(`${updates} updates are not a whole number of epochs at batch size ${batchSize} (${perEpoch} updates per epoch).`);
  }
  return updates / perEpoch;
}
