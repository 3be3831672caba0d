/** Lesson 10's final check: one or more questions for every fact COURSE.md promises to get right. */
import { denseParameterCount, lstmParameterCount } from "../../engine/architecture";
import { batchRows, epochBatches, iterationsPerEpoch, lastBatchSize, samplesSeen, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { windowCount } from "../../engine/windows";
import { GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { DATALOADER_DEFAULT_BATCH_SIZE, KERAS_DEFAULT_BATCH_SIZE } from "../frameworks";
import { GREENHOUSE_HIDDEN_UNITS, KERAS_DOCS_DENSE, QUESTION_BATCH_SIZE } from "../networks";
import { denseShapes, lstmShapes, tensorShape } from "../shapes";
import { count, range, shape } from "./format";
import { defineExercises } from "./spec";

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;
const it5 = iterationsPerEpoch(N, 5);
const tenth = batchRows(N, 0, 9, { batchSize: 5 });
const [tenthFirst, tenthLast] = [tenth[0]! + 1, tenth[tenth.length - 1]! + 1];
const it8 = iterationsPerEpoch(N, 8);
const last8 = lastBatchSize(N, 8);
const drop8 = iterationsPerEpoch(N, 8, { dropLast: true });
const seen8 = samplesSeen(N, 8, 1, { dropLast: true });
const unused8 = unusedRowsPerEpoch(N, 8, { dropLast: true });
const it7 = iterationsPerEpoch(N, 7);
const last7 = lastBatchSize(N, 7);
const kerasBatches = epochBatches(N, 0, { batchSize: KERAS_DEFAULT_BATCH_SIZE }).map((batch) => batch.length);
const loaderSteps = iterationsPerEpoch(N, DATALOADER_DEFAULT_BATCH_SIZE);
const it10 = iterationsPerEpoch(N, 10);
const updates = totalUpdates(N, 10, 20);
const rowsRead = samplesSeen(N, 10, 20);
const B = QUESTION_BATCH_SIZE;
const inputUnits = denseShapes(F, [GREENHOUSE_HIDDEN_UNITS], 1, B).inputUnits;
const { inputs: docsIn, units: docsUnits } = KERAS_DOCS_DENSE;
const docsParams = denseParameterCount(docsIn, docsUnits);
const T = 5;
const windows = windowCount(N, T);
const lstmBatch = tensorShape(lstmShapes(F, T, 8, 8, "keras"), "X");
const torchLstm = lstmParameterCount(F, 8, "pytorch");
const kerasLstm = lstmParameterCount(F, 8, "keras");

export const lesson10 = defineExercises("cheat-sheet", {
  "final-iterations-b5": {
    kind: "numeric",
    question: `${N} rows, batch size 5: how many iterations make one epoch?`,
    answer: it5,
    unit: "iterations",
    explanation: `${N} / 5 = ${it5} batches of exactly 5 rows, one update each.`,
    hints: [
      { when: 5, hint: "That is the batch size. How many batches of 5 rows fit in 50?" },
      { when: N * 5, hint: "That multiplies; iterations divide the rows by the batch size." },
    ],
  },
  "final-tenth-batch": {
    kind: "range",
    question: `${N} rows, batch size 5: which positions of the epoch's order form the 10th batch?`,
    answer: [tenthFirst, tenthLast],
    itemName: "positions",
    explanation: `Batch k holds positions 5(k − 1) + 1 to 5k, so the 10th holds ${tenthFirst} to ${tenthLast}: five positions. With shuffling these positions hold different rows each epoch.`,
    hints: [
      { when: range(tenthFirst - 1, tenthLast), hint: "That is six positions; a batch here holds five." },
      { when: range(tenthFirst - 1, tenthLast - 1), hint: "The first batch is 1-5, not 0-4." },
    ],
  },
  "final-iterations-b8": {
    kind: "numeric",
    question: `${N} rows, batch size 8, Keras defaults: how many iterations make one epoch?`,
    answer: it8,
    unit: "iterations",
    explanation: `⌈${N}/8⌉ = ${it8}: ${it8 - 1} batches of 8 rows and a last batch of ${last8}, which is still one update.`,
    hints: [
      { when: N / 8, hint: "Batches are whole: there is no quarter of a batch." },
      { when: drop8, hint: `Keras keeps the short last batch of ${last8} rows.` },
    ],
  },
  "final-drop-last-unused": {
    kind: "numeric",
    question: `Same ${N} rows and batch size 8, but a PyTorch DataLoader with drop_last=True. How many rows go unused in each epoch?`,
    answer: unused8,
    unit: "rows",
    explanation: `drop_last=True keeps ⌊${N}/8⌋ = ${drop8} full batches, ${seen8} rows; the remaining ${unused8} rows are skipped that epoch (with shuffling, a different ${unused8} each time).`,
    hints: [
      { when: drop8, hint: `${drop8} is the number of iterations. How many rows do ${drop8} batches of 8 leave out of ${N}?` },
      { when: 0, hint: "That is drop_last=False." },
    ],
  },
  "final-last-batch-b7": {
    kind: "numeric",
    question: `${N} rows, batch size 7, the short batch kept: how many rows are in the last batch?`,
    answer: last7,
    unit: "rows",
    explanation: `⌈${N}/7⌉ = ${it7} iterations; the first ${it7 - 1} hold ${N - last7} rows, so the ${it7}th holds ${last7} row${last7 === 1 ? "" : "s"}, and it still makes a full update.`,
    hints: [
      { when: 7, hint: `${it7 - 1} batches of 7 hold ${N - last7} rows. What is left?` },
      { when: it7, hint: `${it7} is the number of iterations, not the size of the last batch.` },
    ],
  },
  "final-b1-b50": {
    kind: "choice",
    question: `On the ${N} rows, how many weight updates does one epoch make with batch size 1, and with batch size ${N}?`,
    options: [
      {
        id: "fifty-one",
        text: `${iterationsPerEpoch(N, 1)} with B = 1, ${iterationsPerEpoch(N, N)} with B = ${N}`,
        correct: true,
        explanation: `One update per batch: ${N} batches of 1 row (pure SGD), or one batch of all ${N} rows (full batch).`,
      },
      { id: "one-fifty", text: `1 with B = 1, ${N} with B = ${N}`, correct: false, explanation: "That swaps them: the batch size is the rows per update, not the number of updates." },
      { id: "fifty-fifty", text: `${N} in both cases`, correct: false, explanation: `With B = ${N} the ${N} rows are averaged into one gradient and one update.` },
      { id: "one-one", text: "1 in both cases", correct: false, explanation: "With B = 1 every row makes its own update." },
    ],
    explanation: `Updates per epoch = ⌈N/B⌉: ${iterationsPerEpoch(N, 1)} for B = 1, ${iterationsPerEpoch(N, N)} for B = ${N}.`,
    hints: [{ when: "one-fifty", hint: "Is the batch size the number of updates or the number of rows per update?" }],
  },
  "final-keras-default": {
    kind: "numeric",
    question: `Keras model.fit(X, y, epochs=1) on the ${N} rows, with no batch_size: how many steps does the progress bar count?`,
    answer: kerasBatches.length,
    unit: "steps",
    explanation: `batch_size=None means ${KERAS_DEFAULT_BATCH_SIZE}, so an epoch is ${kerasBatches.map((rows) => `a batch of ${rows}`).join(" and ")}: ${kerasBatches.length} steps.`,
    hints: [
      { when: 1, hint: "Keras does not default to the full batch." },
      { when: loaderSteps, hint: `That is PyTorch's DataLoader default (batch_size=${DATALOADER_DEFAULT_BATCH_SIZE}). Keras defaults to ${KERAS_DEFAULT_BATCH_SIZE}.` },
    ],
  },
  "final-dataloader-default": {
    kind: "choice",
    question: `What does DataLoader(dataset) with no other arguments do on the ${N} rows, epoch after epoch?`,
    options: [
      {
        id: "fifty-same",
        text: `${loaderSteps} steps of one row, in the same order every epoch`,
        correct: true,
        explanation: `The defaults are batch_size=${DATALOADER_DEFAULT_BATCH_SIZE}, shuffle=False, drop_last=False.`,
      },
      {
        id: "two-shuffled",
        text: `${kerasBatches.length} steps (${kerasBatches.join(" + ")}), shuffled every epoch`,
        correct: false,
        explanation: "That is Keras' fit default, not PyTorch's.",
      },
      { id: "fifty-shuffled", text: `${loaderSteps} steps of one row, reshuffled every epoch`, correct: false, explanation: "Shuffling is off by default in PyTorch: pass shuffle=True." },
      { id: "one-full", text: `1 step with all ${N} rows`, correct: false, explanation: "No framework defaults to the full batch." },
    ],
    explanation: `PyTorch's DataLoader defaults: batch_size=${DATALOADER_DEFAULT_BATCH_SIZE}, shuffle=False, drop_last=False, so ${loaderSteps} updates per epoch over the rows in their stored order.`,
    hints: [{ when: "two-shuffled", hint: "Those are Keras' defaults. What is PyTorch's default batch_size?" }],
  },
  "final-total-updates": {
    kind: "numeric",
    question: `20 epochs at batch size 10 on the ${N} rows: how many weight updates in total?`,
    answer: updates,
    unit: "updates",
    explanation: `⌈${N}/10⌉ = ${it10} updates per epoch × 20 epochs = ${updates} updates, while the network reads ${count(rowsRead)} rows in all.`,
    hints: [
      { when: rowsRead, hint: "That counts rows read. Each update uses 10 rows." },
      { when: 20 * 10, hint: "That multiplies epochs by the batch size. Updates per epoch are rows / batch size." },
      { when: it10, hint: "That is one epoch. There are 20." },
    ],
  },
  "final-input-units": {
    kind: "choice",
    question: `The table has ${F} input columns and you train with batch size ${B}. How many units does the input layer have?`,
    options: [
      { id: "three", text: String(inputUnits), correct: true, explanation: "One per feature; the batch size never enters the layer sizes." },
      {
        id: "fifteen",
        text: String(F * B),
        correct: false,
        explanation: `${F} × ${B} counts the numbers in one batch, which is a ${shape([B, F])} tensor of data, not a layer.`,
      },
      { id: "five", text: String(B), correct: false, explanation: `${B} is the batch size: the leading axis of the data.` },
      { id: "depends", text: "It depends on the batch size", correct: false, explanation: "The same network trains with any batch size; its shapes do not change." },
    ],
    explanation: `The input layer's size is the number of features, fixed by the data: ${inputUnits}. A batch of ${B} is a ${shape([B, F])} tensor passed through the same weights.`,
    hints: [{ when: "fifteen", hint: "Does the weight matrix grow when the batch does?" }],
  },
  "final-dense-544": {
    kind: "numeric",
    question: `How many parameters has Dense(${docsUnits}, input_shape=(${docsIn},))?`,
    answer: docsParams,
    unit: "parameters",
    explanation: `${docsIn} inputs × ${docsUnits} units + ${docsUnits} biases = ${docsParams}. The input_shape only declares the ${docsIn} inputs; the layer itself has ${docsUnits} units.`,
    hints: [
      { when: docsIn * docsUnits, hint: "Add one bias per unit." },
      { when: docsIn * docsUnits + docsIn, hint: `The biases belong to the ${docsUnits} units, not to the ${docsIn} inputs.` },
      { when: docsIn + docsUnits, hint: "Count the connections: every input connects to every unit." },
    ],
  },
  "final-dense-meaning": {
    kind: "choice",
    question: `Which modern Keras code builds the same network as Dense(${docsUnits}, input_shape=(${docsIn},))?`,
    options: [
      {
        id: "input-then-dense",
        text: `keras.Input(shape=(${docsIn},)) followed by Dense(${docsUnits})`,
        correct: true,
        explanation: `The Input declares ${docsIn} features; Dense(${docsUnits}) is the one layer with weights.`,
      },
      {
        id: "two-dense",
        text: `Dense(${docsIn}) followed by Dense(${docsUnits})`,
        correct: false,
        explanation: `That adds a ${docsIn}-unit hidden layer with its own weights: a different, larger network.`,
      },
      { id: "input-32", text: `keras.Input(shape=(${docsUnits},)) followed by Dense(${docsIn})`, correct: false, explanation: "That swaps inputs and units." },
    ],
    explanation: `input_shape=(${docsIn},) describes the data entering the layer; it never adds a layer. Today it is written as a separate keras.Input, and in PyTorch as nn.Linear(${docsIn}, ${docsUnits}).`,
    hints: [{ when: "two-dense", hint: "Does the input carry weights of its own?" }],
  },
  "final-windows": {
    kind: "numeric",
    question: `Windows of ${T} consecutive rows, sliding by one, over the ${N} rows: how many LSTM samples?`,
    answer: windows,
    unit: "windows",
    explanation: `N − T + 1 = ${N} − ${T} + 1 = ${windows}: the last window starts at row ${windows} and ends at row ${N}.`,
    hints: [
      { when: N / T, hint: "That cuts the table into separate blocks. Sliding windows overlap." },
      { when: windows - 1, hint: `Count the last window, rows ${windows} to ${N}.` },
    ],
  },
  "final-lstm-batch": {
    kind: "shape",
    question: "Those windows in batches of 8: what is the shape of one full batch fed to Keras?",
    answer: lstmBatch,
    dimNames: ["batch", "time-step", "feature"],
    explanation: `(batch, timesteps, features) = ${shape(lstmBatch)}.`,
    hints: [
      { when: shape([8, F, T]), hint: "Features come last." },
      { when: shape([T, 8, F]), hint: "Keras puts the batch first." },
    ],
  },
  "final-pytorch-lstm": {
    kind: "numeric",
    question: `How many parameters has PyTorch's nn.LSTM(input_size=${F}, hidden_size=8)?`,
    answer: torchLstm,
    unit: "parameters",
    explanation: `4 × (H(F + H) + 2H) = 4 × (8 × ${F + 8} + 16) = ${torchLstm}. Keras' LSTM(8) on ${F} features has ${kerasLstm}, with one bias vector per gate instead of two.`,
    hints: [
      { when: kerasLstm, hint: "That is Keras' count. PyTorch keeps two bias vectors, bias_ih and bias_hh." },
      { when: torchLstm / 4, hint: "That is one gate; there are four." },
    ],
  },
});
