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
  type TrainingMemory,
  type TrainingMemorySpec,
} from "../engine/memory";
import { denseNetwork, type ModelSpec } from "../engine/modelSpec";
import type { OptimizerKind } from "../engine/optimizers";
import { GREENHOUSE_FEATURES } from "./columns";

/** A dense network as lesson 8 describes one. */
export interface MemoryNetwork {
  features: number;
  hidden: readonly number[];
  outputs: number;
  bytesPerValue: BytesPerValue;
  optimizer: OptimizerKind;
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
  return { network: describedNetworkSpec(describedOf(network)), bytesPerValue: network.bytesPerValue, optimizer: network.optimizer };
}

/** The network the calculator's reader describes: features per step, an optional LSTM over windows, hidden dense layers, outputs. */
export interface DescribedNetwork {
  features: number;
  timesteps: number;
  lstmUnits: number | null;
  hidden: number[];
  outputs: number;
}

/** As a model: an LSTM over windows of T × F values, or a dense network on the window flattened into T · F inputs. */
export function describedNetworkSpec(net: DescribedNetwork): ModelSpec {
  if (net.lstmUnits === null) return denseNetwork(net.features * net.timesteps, net.hidden, net.outputs);
  const head = denseNetwork(net.lstmUnits, net.hidden, net.outputs);
  return { inputSize: net.features, timesteps: net.timesteps, layers: [{ kind: "lstm", units: net.lstmUnits }, ...head.layers] };
}

/** Bytes of one training step at batch size B, term by term. */
export function memoryOf(network: MemoryNetwork, batchSize: number): TrainingMemory {
  return trainingMemory(memorySpec(network), batchSize);
}

/** The largest batch whose training step fits `budget` bytes. */
export function largestBatchOf(network: MemoryNetwork, budget: number): BatchBudget {
  return largestBatchForBudget(memorySpec(network), budget);
}

/** Lesson 8's network as the calculator describes one: no LSTM, one row per sample. */
export function describedOf(network: MemoryNetwork): DescribedNetwork {
  return { features: network.features, timesteps: 1, lstmUnits: null, hidden: [...network.hidden], outputs: network.outputs };
}

/** The largest batch at each feature count, everything else as the reader described (the calculator's network, LSTM included). */
export function featureComparison(
  net: DescribedNetwork,
  storage: Pick<TrainingMemorySpec, "bytesPerValue" | "optimizer">,
  budget: number,
  featureCounts: readonly number[],
): { features: number; budget: BatchBudget }[] {
  return featureCounts.map((features) => ({
    features,
    budget: largestBatchForBudget({ ...storage, network: describedNetworkSpec({ ...net, features }) }, budget),
  }));
}

/** How much a change moves a count, as a percentage of the first (negative = smaller): (to − from)/from · 100. */
export function percentChange(from: number, to: number): number {
  return from === 0 ? 0 : ((to - from) / from) * 100;
}
