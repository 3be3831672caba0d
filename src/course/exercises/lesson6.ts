/** Lesson 6's exercises: the batch-size lab. */
import { iterationsPerEpoch, totalUpdates } from "../../engine/batching";
import { predictedGradientVariance } from "../../engine/gradientNoise";
import { GREENHOUSE_ROWS } from "../columns";
import { standardisedGreenhouse } from "../data";
import { DEFAULT_LAB_SETTINGS, LINEAR_SCALING_EXAMPLE, linearlyScaledRate, sweepRow, SWEEP_SEEDS } from "../lab";
import { decimal } from "./format";
import { defineExercises, type PredictionBandSpec } from "./spec";

const N = GREENHOUSE_ROWS;
const { epochs, learningRate } = DEFAULT_LAB_SETTINGS;
const it10 = iterationsPerEpoch(N, 10);
const updates10 = totalUpdates(N, 10, epochs);
const drop8 = iterationsPerEpoch(N, 8, { dropLast: true });
const kept8 = iterationsPerEpoch(N, 8);

// B = 1 against B = 50 at the default settings: the ratio of mean final losses (over the sweep's seeds) it publishes.
const ratioBands: PredictionBandSpec[] = [
  { id: "b1-lower", text: "Batch size 1 ends lower", min: 1 },
  { id: "b50-lower", text: "Batch size 50 ends lower", max: 1 },
];
const data = standardisedGreenhouse().dataset;
const sweepSeedList = Array.from({ length: SWEEP_SEEDS }, (_, i) => DEFAULT_LAB_SETTINGS.seed + i);
const meanFinalLoss = (batchSize: number): number =>
  sweepSeedList.reduce((sum, seed) => sum + sweepRow({ ...DEFAULT_LAB_SETTINGS, seed }, data, batchSize).finalLoss, 0) / SWEEP_SEEDS;
const lossRatio = meanFinalLoss(N) / meanFinalLoss(1);
const ratioBand = ratioBands.find((b) => (b.min === undefined || lossRatio >= b.min) && (b.max === undefined || lossRatio < b.max))!;

// The spread of a batch gradient on a very large table, where (N − B)/(N − 1) is about 1.
const veryLarge = 1e9;
const stdAt4 = 0.8;
const sigma2 = stdAt4 ** 2 * 4;
// Six significant digits: the question asks "about what", and (N − B)/(N − 1) differs from 1 only in the ninth.
const stdAt16 = Number(Math.sqrt(predictedGradientVariance(sigma2, veryLarge, 16)).toPrecision(6));
const varianceAtN = predictedGradientVariance(1, N, N);

const scaling = { batchSize: DEFAULT_LAB_SETTINGS.batchSize, learningRate, newBatchSize: 32 };
const factor = scaling.newBatchSize / scaling.batchSize;
const scaledRate = linearlyScaledRate(scaling.learningRate, scaling.batchSize, scaling.newBatchSize);
const { baseRate, batchSizes } = LINEAR_SCALING_EXAMPLE;
const brokenBatch = batchSizes[batchSizes.length - 1]!;

export const lesson6 = defineExercises("batch-size-lab", {
  "predict-updates-b10": {
    kind: "predict",
    question: `Predict: how many weight updates does a run of ${epochs} epochs at batch size 10 make on the ${N} rows?`,
    widget: "batch-size-lab",
    valueKey: "updates",
    runWith: { batchSize: 10, epochs },
    runInstruction: `set Batch size to 10 and Epochs to ${epochs} in the lab above (drop last can stay off); it trains at once.`,
    unit: "updates",
    tolerance: 0,
    expected: updates10,
    hints: [
      { when: epochs, hint: "That counts epochs. Each epoch makes one update per batch." },
      { when: 10 * epochs, hint: `${N} rows in batches of 10 give ${it10} batches per epoch, not 10.` },
      { when: N * epochs, hint: "That would be one update per row. A batch of 10 rows makes a single update." },
    ],
    explanation: `${N} / 10 = ${it10} iterations per epoch, with no partial batch, and one update per iteration: ${it10} × ${epochs} = ${updates10} weight updates.`,
  },
  "predict-drop-last-b8": {
    kind: "predict",
    question: "Predict: with batch size 8 and “Drop last partial batch” ticked, how many iterations make one epoch?",
    widget: "batch-size-lab",
    valueKey: "iterationsPerEpoch",
    runWith: { batchSize: 8, dropLast: 1 },
    runInstruction: "set Batch size to 8 and tick Drop last partial batch in the lab above.",
    unit: "iterations",
    tolerance: 0,
    expected: drop8,
    hints: [
      { when: kept8, hint: `${kept8} is the count that keeps the short last batch of ${N - drop8 * 8} rows. Dropping it removes that iteration.` },
      { when: N / 8, hint: `Iterations are whole batches: ${N} / 8 has to be rounded, and dropping the last batch rounds down.` },
    ],
    explanation: `⌊${N} / 8⌋ = ${drop8} full batches of 8 rows; the remaining ${N - drop8 * 8} rows are skipped this epoch (with shuffling, different rows each epoch).`,
  },
  "predict-b1-vs-b50": {
    kind: "predict",
    question: `Predict: with the default settings (${epochs} epochs of SGD at learning rate ${learningRate}), which batch size ends with the lower full-dataset loss?`,
    widget: "batch-size-sweep",
    valueKey: "lossRatio",
    runWith: { epochs, learningRate },
    runInstruction: `press Run sweep in the lab above (with epochs ${epochs} and learning rate ${learningRate}) and wait for it to finish.`,
    bands: ratioBands,
    hints: [
      {
        when: "b50-lower",
        hint: `Each full-batch step is exact, but in ${epochs} epochs batch size ${N} takes only ${totalUpdates(N, N, epochs)} steps; batch size 1 takes ${totalUpdates(N, 1, epochs)}.`,
      },
    ],
    expected: ratioBand.text,
    explanation: `The number compared is the final loss at batch size ${N} divided by the final loss at batch size 1 (here ${decimal(lossRatio, 1)}, each the mean over ${SWEEP_SEEDS} seeds); above 1 means batch size 1 ended lower. At a fixed number of epochs the small batch makes ${N} times as many updates, and here that outweighs their noise.`,
  },
  "noise-std-b16": {
    kind: "numeric",
    question: `On a very large data set, the standard deviation of the batch gradient around the full gradient is ${stdAt4} at batch size 4. About what is it at batch size 16?`,
    answer: stdAt16,
    tolerance: 0.01,
    hints: [
      { when: stdAt4 / 4, hint: "That divides by 4, which is what happens to the variance. The standard deviation is its square root." },
      { when: stdAt4, hint: "A larger batch averages more rows, so its gradient scatters less." },
      { when: stdAt4 * 4, hint: "Larger batches give less noisy gradients, not more." },
    ],
    explanation: `The variance falls like 1/B, so 4 times the batch gives a quarter of the variance, and the standard deviation falls like 1/√B: ${stdAt4} / √4 = ${decimal(stdAt16, 2)}. On a large data set the (N − B)/(N − 1) correction is close to 1.`,
  },
  "noise-at-n": {
    kind: "numeric",
    question: `With N = ${N} rows, what is the variance of the batch gradient around the full-batch gradient at batch size ${N}?`,
    answer: varianceAtN,
    hints: [{ when: [0.0001, 1000000], hint: "Look at the factor (N − B)/(N − 1) at B = N, or at what a batch of all the rows is." }],
    explanation: `A batch of all ${N} rows is the whole data set, so its gradient is the full gradient every time: (σ²/${N})·(${N} − ${N})/${N - 1} = ${varianceAtN}.`,
  },
  "linear-scaling": {
    kind: "choice",
    question: `A run trains well with SGD at batch size ${scaling.batchSize} and learning rate ${scaling.learningRate}. You change the batch size to ${scaling.newBatchSize}. What does the linear scaling heuristic suggest, and when is it wrong?`,
    options: [
      {
        id: "times-four",
        text: `Use learning rate ${scaledRate}; it can fail if ${scaledRate} is past the rate at which the loss surface makes steps overshoot.`,
        correct: true,
        explanation: `The batch is ${factor} times larger, so the rate is multiplied by ${factor}. The heuristic holds only while the larger step is still stable.`,
      },
      {
        id: "keep",
        text: `Keep ${scaling.learningRate}; the learning rate does not depend on the batch size.`,
        correct: false,
        explanation: `It does: a batch of ${scaling.newBatchSize} gives a steadier gradient than a batch of ${scaling.batchSize}, and each epoch now has ${factor} times fewer updates, so an unchanged rate usually under-trains.`,
      },
      {
        id: "quarter",
        text: `Use ${linearlyScaledRate(scaling.learningRate, scaling.newBatchSize, scaling.batchSize)}, because each update now averages ${factor} times as many rows.`,
        correct: false,
        explanation: "Averaging makes the gradient steadier, not larger, so the step can grow rather than shrink.",
      },
      {
        id: "always",
        text: `Use ${scaledRate}; linear scaling always works for SGD.`,
        correct: false,
        explanation: `In the lab, scaling ${baseRate} at batch 1 to ${linearlyScaledRate(baseRate, 1, brokenBatch)} at batch ${brokenBatch} blows up: the stable rate is capped by the loss surface.`,
      },
    ],
    explanation: `Linear scaling multiplies the rate by the same factor as the batch size, here ${factor} × ${scaling.learningRate} = ${scaledRate}. It works while the larger step stays below the stability limit of the loss surface, and fails beyond it.`,
  },
});
