/** Lesson 8's exercises: what a training step keeps in memory. */
import { denseParameterCount } from "../../engine/architecture";
import { describedOf, featureComparison, largestBatchOf, MEMORY_DEFAULTS, MEMORY_EXAMPLE, memoryOf, percentChange } from "../memory";
import { count } from "./format";
import { defineExercises, type PredictionBandSpec } from "./spec";

// A network with exactly 1,000,000 parameters: 999,999 inputs into one unit (999,999 weights + 1 bias), Adam, float32.
const million = memoryOf({ features: 999_999, hidden: [], outputs: 1, bytesPerValue: 4, optimizer: "adam" }, 0);
const bytesPerValue = million.weights / million.parameters;
const fixedBytes = million.weights + million.gradients + million.optimizerState;
const bytesPerParameter = fixedBytes / million.parameters;

const example = MEMORY_EXAMPLE;
const budget = MEMORY_DEFAULTS.budgetBytes;
const [fewFeatures, , manyFeatures] = MEMORY_DEFAULTS.compareFeatures;
const [few, , many] = featureComparison(describedOf(example), example, budget, MEMORY_DEFAULTS.compareFeatures).map((c) => c.budget.batchSize);
const shrink = -percentChange(few!, many!);
const perSample = memoryOf(example, 0).perSampleActivations;
const perSampleValues = perSample / example.bytesPerValue;
const extraValues = manyFeatures - fewFeatures;
const extraWeights = denseParameterCount(manyFeatures, example.hidden[0]!) - denseParameterCount(fewFeatures, example.hidden[0]!);
const largestWithMany = largestBatchOf({ ...example, features: manyFeatures }, budget).batchSize;
const memoryBands: PredictionBandSpec[] = [
  { id: "over-200k", text: "more than 200,000", min: 200000 },
  { id: "100k-200k", text: "100,000 to 200,000", min: 100000, max: 200000 },
  { id: "10k-100k", text: "10,000 to 100,000", min: 10000, max: 100000 },
  { id: "under-10k", text: "fewer than 10,000", max: 10000 },
];

const bigBatch = 64;
const activations64 = memoryOf(example, bigBatch).activations;

export const lesson8 = defineExercises("what-limits-batch-size", {
  "adam-fixed-bytes": {
    kind: "numeric",
    question: `A model has ${count(million.parameters)} parameters stored as float32 and is trained with Adam. How many bytes do weights, gradients and optimizer state take together?`,
    answer: fixedBytes,
    unit: "bytes",
    explanation: `Each parameter has its weight, its gradient and Adam's two moments: ${bytesPerParameter / bytesPerValue} numbers of ${bytesPerValue} bytes, ${bytesPerParameter} bytes per parameter, ${count(fixedBytes)} bytes (${fixedBytes / 1e6} MB) in all. None of it depends on the batch size.`,
    hints: [
      { when: million.weights, hint: "That is the weights alone. Training also keeps a gradient per weight and the optimizer's state." },
      { when: million.weights + million.gradients, hint: "Weights and gradients: now add Adam's two running averages per weight." },
      { when: fixedBytes - million.optimizerState / 2, hint: "Adam keeps two values per weight, not one." },
    ],
  },
  "grows-with-batch": {
    kind: "choice",
    question: "You double the batch size. Which memory terms double?",
    options: [
      { id: "activations", text: "Activations", correct: true, explanation: "They exist once per sample in the batch: twice the samples, twice the activations." },
      { id: "weights", text: "Weights", correct: false, explanation: "The weight shapes depend on layer sizes only." },
      { id: "gradients", text: "Gradients", correct: false, explanation: "There is one gradient per weight; the batch gradient is a mean, the same size for any batch." },
      { id: "optimizer", text: "Optimizer state", correct: false, explanation: "Momentum and Adam keep a fixed number of values per weight." },
    ],
    explanation: "Only the activations carry a batch dimension. Weights, gradients and optimizer state are sized by the parameter count.",
    hints: [{ when: "gradients", hint: "The batch gradient is the mean of the per-sample gradients: what shape is a mean?" }],
  },
  "predict-300-features": {
    kind: "predict",
    question: `Predict: the example network (two hidden layers of ${example.hidden[0]}, float32, Adam) with ${manyFeatures} features instead of ${fewFeatures}. What is the largest batch that fits in ${MEMORY_DEFAULTS.budget} ${MEMORY_DEFAULTS.budgetUnit}?`,
    widget: "memory-calculator",
    valueKey: "largestBatch",
    runWith: { features: manyFeatures, budgetBytes: budget },
    runInstruction: `In the calculator, set Features to ${manyFeatures} and keep the budget at ${MEMORY_DEFAULTS.budget} ${MEMORY_DEFAULTS.budgetUnit}; the line under the table shows the largest batch.`,
    bands: memoryBands,
    expected: largestWithMany,
    explanation: `With ${fewFeatures} features the largest batch is ${count(few!)}; with ${manyFeatures} it is ${count(many!)}, about ${Math.round(shrink)} % smaller for ${manyFeatures / fewFeatures} times as many features. The extra features add ${extraValues} values per sample to the ${count(perSampleValues)} the network already keeps, and ${extraValues} × ${example.hidden[0]} = ${count(extraWeights)} first-layer weights.`,
    hints: [
      { when: "under-10k", hint: "Which memory terms does the feature count enter? Only the first layer and the input tensor." },
      { when: "10k-100k", hint: `${manyFeatures / fewFeatures} times the features is not ${manyFeatures / fewFeatures} times the memory per sample: the hidden layers do not change.` },
    ],
  },
  "activation-bytes-b64": {
    kind: "numeric",
    question: `A network keeps ${count(perSampleValues)} float32 values per sample for the backward pass. How many bytes of activations does a batch of ${bigBatch} take?`,
    answer: activations64,
    unit: "bytes",
    explanation: `${count(perSampleValues)} values × ${example.bytesPerValue} bytes = ${count(perSample)} bytes per sample; × ${bigBatch} samples = ${count(activations64)} bytes. Twice the figure for a batch of ${bigBatch / 2}.`,
    hints: [
      { when: perSampleValues * bigBatch, hint: "That counts values, not bytes: a float32 is 4 bytes." },
      { when: perSample, hint: `That is one sample. The batch holds ${bigBatch}.` },
    ],
  },
});
