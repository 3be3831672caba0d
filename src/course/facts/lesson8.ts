/** Numbers quoted in lesson 8: training memory of the example network (src/course/memory.ts). */
import { denseParameterCount } from "../../engine/architecture";
import { describedOf, featureComparison, largestBatchOf, MEMORY_DEFAULTS, MEMORY_EXAMPLE, memoryOf, percentChange } from "../memory";
import type { FactValue } from "./types";

const spec = MEMORY_EXAMPLE;
const at32 = memoryOf(spec, 32);
const at64 = memoryOf(spec, 64);
const budget = MEMORY_DEFAULTS.budgetBytes;
const fit = largestBatchOf(spec, budget);
const [f3, f30, f300] = featureComparison(describedOf(spec), spec, budget, MEMORY_DEFAULTS.compareFeatures).map((c) => c.budget);
// Doubling the hidden width instead (3 → 512 → 512 → 1): what actually moves the largest batch.
const wide = largestBatchOf({ ...spec, hidden: spec.hidden.map((units) => 2 * units) }, budget);

export const lesson8Facts = {
  "lesson8.parameters": at32.parameters,
  "lesson8.firstLayerParameters": denseParameterCount(spec.features, spec.hidden[0]!),
  "lesson8.weightsBytes": at32.weights,
  "lesson8.optimizerBytes": at32.optimizerState,
  "lesson8.fixedBytes": at32.weights + at32.gradients + at32.optimizerState,
  "lesson8.fixedMB": (at32.weights + at32.gradients + at32.optimizerState) / 1e6,
  "lesson8.perSampleValues": at32.perSampleActivations / spec.bytesPerValue,
  "lesson8.perSampleBytes": at32.perSampleActivations,
  "lesson8.activations32": at32.activations,
  "lesson8.activations64": at64.activations,
  "lesson8.total32": at32.total,
  "lesson8.activationShare32": (at32.activations / at32.total) * 100,
  "lesson8.largestBatch1GB": fit.batchSize,
  "lesson8.largestBatchF3": f3!.batchSize,
  "lesson8.largestBatchF30": f30!.batchSize,
  "lesson8.largestBatchF300": f300!.batchSize,
  "lesson8.parametersF300": f300!.memory.parameters,
  "lesson8.changeF30": -percentChange(f3!.batchSize, f30!.batchSize),
  "lesson8.changeF300": -percentChange(f3!.batchSize, f300!.batchSize),
  "lesson8.largestBatchWide": wide.batchSize,
  "lesson8.changeWide": -percentChange(fit.batchSize, wide.batchSize),
  // A 224 × 224 colour image as one sample's input: height × width × 3 colour channels.
  "lesson8.imageValues": 224 * 224 * 3,
} satisfies Record<`lesson8.${string}`, FactValue>;
