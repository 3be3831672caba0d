/**
 * Lesson 8's memory scenario: the example network the lesson and the calculator start from, and the
 * questions the lesson asks of it. The memory arithmetic itself is the engine's (memory.ts); this module
 * describes networks the way the lesson does (features, hidden widths, outputs, number type, optimizer).
 */
import {
  largestBatchForBudget,
  trainingMemory,
  type BatchBudget,
  type BytesPerValue,
  type MemoryOptimizer,
  type TrainingMemory,
  type TrainingMemorySpec,
} from "../engine/memory";
import { GREENHOUSE_FEATURES } from "./columns";

/** A dense network as lesson 8 describes one. */
export interface MemoryNetwork {
  features: number;
  hidden: readonly number[];
  outputs: number;
  bytesPerValue: BytesPerValue;
  optimizer: MemoryOptimizer;
}

/** The greenhouse inputs into a wider network: 3 → 256 → 256 → 1, float32, Adam. */
export const MEMORY_EXAMPLE: Readonly<MemoryNetwork> = Object.freeze({
  features: GREENHOUSE_FEATURES,
  hidden: Object.freeze([256, 256]),
  outputs: 1,
  bytesPerValue: 4,
  optimizer: "adam",
});

/** The calculator's other starting values: batch size 32 in a 1 GB budget. */
export const MEMORY_DEFAULTS = {
  batchSize: 32,
  budget: 1,
  budgetUnit: "GB",
  /** Bytes in that budget (decimal units: 1 GB = 10⁹ bytes). */
  budgetBytes: 1e9,
  /** Feature counts the calculator compares: the greenhouse's 3, ten and a hundred times as many. */
  compareFeatures: [GREENHOUSE_FEATURES, 10 * GREENHOUSE_FEATURES, 100 * GREENHOUSE_FEATURES],
  lstmUnits: 64,
} as const;

/** The engine's description of the same network. */
export function memorySpec(network: MemoryNetwork): TrainingMemorySpec {
  return { ...network, hidden: [...network.hidden] };
}

/** Bytes of one training step at batch size B, term by term. */
export function memoryOf(network: MemoryNetwork, batchSize: number): TrainingMemory {
  return trainingMemory(memorySpec(network), batchSize);
}

/** The largest batch whose training step fits `budget` bytes. */
export function largestBatchOf(network: MemoryNetwork, budget: number): BatchBudget {
  return largestBatchForBudget(memorySpec(network), budget);
}

/** The largest batch at each feature count, everything else as `spec` says (the calculator's network, LSTM included). */
export function featureComparison(spec: TrainingMemorySpec, budget: number, featureCounts: readonly number[]): { features: number; budget: BatchBudget }[] {
  return featureCounts.map((features) => ({ features, budget: largestBatchForBudget({ ...spec, features }, budget) }));
}

/** How much a change moves a count, as a percentage of the first (negative = smaller): (to − from)/from · 100. */
export function percentChange(from: number, to: number): number {
  return from === 0 ? 0 : ((to - from) / from) * 100;
}
