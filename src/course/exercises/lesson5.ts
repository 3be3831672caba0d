/** Lesson 5's exercises: iterations, epochs and updates on the 50 rows. */
import { batchRows, epochBatches, iterationsPerEpoch, lastBatchSize, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { GREENHOUSE_ROWS } from "../columns";
import { KERAS_DEFAULT_BATCH_SIZE } from "../frameworks";
import { count, ordinal, range } from "./format";
import { defineExercises } from "./spec";

const N = GREENHOUSE_ROWS;
/** Positions (from 1) of batch k (from 1) of an epoch at batch size B. */
const positions = (batchSize: number, k: number): [number, number] => {
  const rows = batchRows(N, 0, k - 1, { batchSize });
  return [rows[0]! + 1, rows[rows.length - 1]! + 1];
};
const it8 = iterationsPerEpoch(N, 8);
const last8 = lastBatchSize(N, 8);
const full8 = Math.floor(N / 8);
const drop8 = iterationsPerEpoch(N, 8, { dropLast: true });
const unused8 = unusedRowsPerEpoch(N, 8, { dropLast: true });
const [tenthFirst, tenthLast] = positions(5, 10);
const [ninthFirst, ninthLast] = positions(5, 9);
const it10 = iterationsPerEpoch(N, 10);
const updates20x10 = totalUpdates(N, 10, 20);
const kerasSteps = epochBatches(N, 0, { batchSize: KERAS_DEFAULT_BATCH_SIZE }).map((batch) => batch.length);
const it7 = iterationsPerEpoch(N, 7);

export const lesson5 = defineExercises("iterations-and-epochs", {
  "iterations-b8": {
    kind: "numeric",
    question: `The table has ${N} rows and the batch size is 8, with the default drop_last=False. How many iterations make one epoch?`,
    answer: it8,
    unit: "iterations",
    explanation: `⌈${N}/8⌉ = ${it8}: ${full8} full batches of 8 hold ${full8 * 8} rows, and the last ${last8} rows make a ${ordinal(it8)}, shorter batch.`,
    hints: [
      { when: N / 8, hint: "An iteration is a whole batch; you cannot run a quarter of one. Round to whole batches." },
      { when: full8, hint: `${full8} full batches use only ${full8 * 8} rows. What happens to the other ${last8} when drop_last is False?` },
      { when: it8 + 1, hint: `Batch ${it8 + 1} would start at position ${it8 * 8 + 1}, past the end of the table.` },
    ],
  },
  "tenth-batch-positions": {
    kind: "range",
    question: `${N} rows, batch size 5. Which positions of the epoch's order (counting from 1) does the 10th iteration take?`,
    answer: [tenthFirst, tenthLast],
    itemName: "positions",
    explanation: `Iteration k takes positions (k − 1)·5 + 1 to k·5, so the tenth takes ${tenthFirst}–${tenthLast}: ${tenthLast - tenthFirst + 1} positions, the last five of the epoch.`,
    hints: [
      { when: range(tenthFirst - 1, tenthLast), hint: `Position ${tenthFirst - 1} already belongs to the ninth batch (${ninthFirst}–${ninthLast}).` },
      { when: range(tenthLast, tenthLast + 5), hint: `Count from 1: the first batch is positions 1–5, so the tenth ends at ${tenthLast}.` },
    ],
  },
  "updates-20-epochs-b10": {
    kind: "numeric",
    question: `You train for 20 epochs on the ${N} rows with batch size 10. How many times are the weights updated?`,
    answer: updates20x10,
    unit: "updates",
    explanation: `${it10} iterations per epoch × 20 epochs = ${updates20x10} updates, one per batch.`,
    hints: [
      { when: 20, hint: "Weights change after every batch, not once per epoch." },
      { when: 20 * N, hint: `That counts sample visits (20 × ${N}). Updates happen once per batch of 10.` },
      { when: it10, hint: "That is one epoch. Multiply by the number of epochs." },
    ],
  },
  "drop-last-b8": {
    kind: "numeric",
    question: `Same ${N} rows and batch size 8, but now DataLoader(..., drop_last=True). How many iterations per epoch?`,
    answer: drop8,
    unit: "iterations",
    explanation: `⌊${N}/8⌋ = ${drop8}: the short batch of ${last8} rows is dropped, and those ${unused8} rows are unused in that epoch.`,
    hints: [{ when: it8, hint: "That is the count with the short last batch kept. drop_last removes it." }],
  },
  "keras-default-steps": {
    kind: "numeric",
    question: `You call model.fit(X, y, epochs=1) on the ${N} rows without a batch_size. How many steps does the epoch take?`,
    answer: kerasSteps.length,
    unit: "steps",
    explanation: `Keras defaults to batch_size=${KERAS_DEFAULT_BATCH_SIZE}: ${kerasSteps.map((rows) => `a batch of ${rows}`).join(", then ")}. The progress bar shows ${kerasSteps.length}/${kerasSteps.length}.`,
    hints: [
      { when: N, hint: "That would be batch size 1, PyTorch's DataLoader default. Keras' fit has a different default." },
      { when: 1, hint: `Keras does not use the whole table as one batch unless you ask for batch_size=${N}.` },
    ],
  },
  "short-batch-update": {
    kind: "choice",
    question: `At batch size 8, the last batch of each epoch holds only ${last8} rows. What does it do to the weights?`,
    options: [
      {
        id: "full",
        text: `One ordinary update, with the mean gradient of its ${last8} rows.`,
        correct: true,
        explanation: "A batch is a batch: its loss and gradient are means, so the step has the usual scale.",
      },
      {
        id: "quarter",
        text: "A quarter of an update, because it has a quarter of the rows.",
        correct: false,
        explanation: "The gradient is a mean over the batch, not a sum, so it is not scaled down by the batch's length.",
      },
      {
        id: "skipped",
        text: "Nothing: Keras and PyTorch skip short batches by default.",
        correct: false,
        explanation: "Both keep it by default; only drop_last=True in PyTorch removes it.",
      },
      {
        id: "carried",
        text: "Its rows are carried over into the first batch of the next epoch.",
        correct: false,
        explanation: "Epochs never share batches; the next epoch starts a fresh order.",
      },
    ],
    explanation: "The short last batch counts as one full iteration and one full weight update; its gradient is just noisier.",
    hints: [{ when: "quarter", hint: "Is the batch loss a sum or a mean over the rows?" }],
  },
  "predict-b7": {
    kind: "predict",
    question: "Predict: how many iterations per epoch does the timeline show at batch size 7?",
    widget: "epoch-timeline",
    valueKey: "iterationsPerEpoch",
    runWith: { batchSize: 7, dropLast: 0 },
    runInstruction: "Set the timeline's batch size to 7 with “Drop last partial batch” unticked.",
    unit: "iterations",
    expected: it7,
    explanation: `⌈${N}/7⌉ = ${it7}: ${it7 - 1} batches of 7 hold ${count((it7 - 1) * 7)} rows, and the last ${lastBatchSize(N, 7) === 1 ? "row is a batch of its own" : `${lastBatchSize(N, 7)} rows make the last batch`}.`,
    hints: [
      { when: it7 - 1, hint: `${it7 - 1} × 7 = ${(it7 - 1) * 7} leaves ${lastBatchSize(N, 7)} row. It still gets a batch.` },
      { when: Number((N / 7).toFixed(2)), hint: "Batches are whole." },
    ],
  },
});
