/**
 * The lab's first results, shipped from the server inside the page. The server render trains the
 * default run and measures the gradient noise anyway; it writes both as JSON into a
 * <script type="application/json"> (a data block, never executed) so that hydration can reuse them
 * instead of training and measuring again on the reader's phone. Everything read back is checked;
 * anything missing, stale or malformed is ignored and the browser computes as before.
 */
import type { GradientNoisePoint } from "../../engine";
import type { LabRun, NoiseResult } from "../../course/lab";

/** Attribute that marks the lab's data block. */
export const SHIPPED_ATTR = "data-batch-size-lab";

interface ShippedRun {
  key: string;
  run: Omit<LabRun, "batchLoss" | "epochRunningLoss" | "epochFullLoss" | "finalWeights"> & {
    batchLoss: number[];
    epochRunningLoss: number[];
    epochFullLoss: number[];
    finalWeights: number[];
  };
}

interface ShippedNoise {
  key: string;
  sigma2: number;
  n: number;
  samplesPerSize: number;
  batchSizes: number[];
  measured: number[];
  predicted: number[];
}

export type ShippedKind = "run" | "noise";

const allFinite = (values: ArrayLike<number>): boolean => Array.prototype.every.call(values, (v: unknown) => typeof v === "number" && Number.isFinite(v));

const isNumberArray = (value: unknown): value is number[] => Array.isArray(value) && allFinite(value);

/** A run can be shipped when JSON keeps every number exactly (no NaN or Infinity). */
export function shippableRun(key: string, run: LabRun): ShippedRun | undefined {
  const arrays = [run.batchLoss, run.epochRunningLoss, run.epochFullLoss, run.finalWeights];
  if (!arrays.every(allFinite) || !Number.isFinite(run.finalLoss) || !Number.isFinite(run.initialFullLoss)) return undefined;
  return {
    key,
    run: {
      ...run,
      batchLoss: Array.from(run.batchLoss),
      epochRunningLoss: Array.from(run.epochRunningLoss),
      epochFullLoss: Array.from(run.epochFullLoss),
      finalWeights: Array.from(run.finalWeights),
    },
  };
}

/** The initial-weights noise measurement in compact form (the standard deviations are square roots). */
export function shippableNoise(key: string, noise: NoiseResult): ShippedNoise | undefined {
  if (noise.weights !== "initial" || !Number.isFinite(noise.sigma2)) return undefined;
  const measured = noise.points.map((p) => p.measuredVariance);
  const predicted = noise.points.map((p) => p.predictedVariance);
  if (!allFinite(measured) || !allFinite(predicted)) return undefined;
  return { key, sigma2: noise.sigma2, n: noise.n, samplesPerSize: noise.samplesPerSize, batchSizes: noise.points.map((p) => p.batchSize), measured, predicted };
}

/** The data block's text: JSON that cannot close the script element early. */
export function shippedJson(data: ShippedRun | ShippedNoise): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

const consumed: Record<ShippedKind, boolean> = { run: false, noise: false };

/** The parsed data block of this kind, or null. */
function readBlock(kind: ShippedKind): Record<string, unknown> | null {
  if (typeof document === "undefined") return null;
  const element = document.querySelector(`script[${SHIPPED_ATTR}="${kind}"]`);
  if (!element?.textContent) return null;
  try {
    const value: unknown = JSON.parse(element.textContent);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The shipped default run if it was trained with `key`; only the first call can get it. */
export function takeShippedRun(key: string): LabRun | null {
  if (consumed.run) return null;
  consumed.run = true;
  const shipped = readBlock("run") as Partial<ShippedRun> | null;
  if (!shipped || shipped.key !== key || !shipped.run) return null;
  const r = shipped.run;
  const numbers = [r.n, r.iterationsPerEpoch, r.lastBatchSize, r.unusedRowsPerEpoch, r.plannedUpdates, r.updates, r.initialFullLoss, r.finalLoss];
  if (!allFinite(numbers) || !isNumberArray(r.batchRows) || !r.settings || typeof r.settings !== "object") return null;
  if (![r.batchLoss, r.epochRunningLoss, r.epochFullLoss, r.finalWeights].every(isNumberArray)) return null;
  if (r.batchLoss.length !== r.updates || r.batchRows.length !== r.iterationsPerEpoch) return null;
  if (!(r.divergence === null || typeof r.divergence === "string") || !(r.growthWarning === null || typeof r.growthWarning === "string")) return null;
  return {
    ...r,
    batchRows: r.batchRows.slice(),
    batchLoss: Float64Array.from(r.batchLoss),
    epochRunningLoss: Float64Array.from(r.epochRunningLoss),
    epochFullLoss: Float64Array.from(r.epochFullLoss),
    finalWeights: Float64Array.from(r.finalWeights),
  };
}

/** The shipped initial-weights noise measurement if it was made with `key`; only the first call can get it. */
export function takeShippedNoise(key: string): NoiseResult | null {
  if (consumed.noise) return null;
  consumed.noise = true;
  const s = readBlock("noise") as ShippedNoise | null;
  if (!s || s.key !== key) return null;
  if (!allFinite([s.sigma2, s.n, s.samplesPerSize]) || ![s.batchSizes, s.measured, s.predicted].every(isNumberArray)) return null;
  const count = s.batchSizes.length;
  if (count === 0 || s.measured.length !== count || s.predicted.length !== count) return null;
  const points: GradientNoisePoint[] = s.batchSizes.map((batchSize, i) => ({
    batchSize,
    measuredVariance: s.measured[i]!,
    predictedVariance: s.predicted[i]!,
    measuredStd: Math.sqrt(s.measured[i]!),
    predictedStd: Math.sqrt(s.predicted[i]!),
  }));
  return { points, sigma2: s.sigma2, n: s.n, samplesPerSize: s.samplesPerSize, weights: "initial" };
}

/** For tests: forget what was read, so the next read looks at the document again. */
export function resetShippedForTests(): void {
  consumed.run = false;
  consumed.noise = false;
}
