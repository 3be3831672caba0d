/** Lesson 4's exercises: a batch through the network. */
import { countParameters } from "../../engine/model";
import { GREENHOUSE_FEATURES } from "../columns";
import { INSPECTOR_DEFAULT_ROWS, INSPECTOR_DEFAULTS, inspectBatch } from "../inspector";
import { GREENHOUSE_HIDDEN_UNITS, GREENHOUSE_NET, QUESTION_BATCH_SIZE } from "../networks";
import { denseShapes, tensorShape as shapeOf } from "../shapes";
import { shape } from "./format";
import { defineExercises } from "./spec";

const F = GREENHOUSE_FEATURES;
const H = GREENHOUSE_HIDDEN_UNITS;
const B = QUESTION_BATCH_SIZE;
const atBatch = (batchSize: number) => denseShapes(F, [H], 1, batchSize);
const tensorShape = (batchSize: number, name: string): number[] => shapeOf(atBatch(batchSize), name);
const params = countParameters(GREENHOUSE_NET);
const net = `${F}-${H}-1`;
const firstRow = INSPECTOR_DEFAULTS.start;
const lastRow = INSPECTOR_DEFAULTS.start + INSPECTOR_DEFAULTS.batchSize - 1;
const rowsText = `rows ${firstRow}–${lastRow}`;
const { weightA, weightB, learningRate } = INSPECTOR_DEFAULTS;
const computationDifference = inspectBatch(INSPECTOR_DEFAULT_ROWS, weightA, weightB, learningRate, "row-by-row").maxAbsDifference;

export const lesson4 = defineExercises("a-batch-forward", {
  "input-units-batch-5": {
    kind: "numeric",
    question: `The table has ${F} input columns and you train with batch size ${B}. How many units does the input layer have?`,
    answer: atBatch(B).inputUnits,
    unit: "units",
    explanation: `One unit per feature. The batch size adds a leading dimension to the data tensor, ${shape(tensorShape(B, "X"))}, and never enters the layer sizes.`,
    hints: [
      { when: F * B, hint: `${F * B} = ${F} × ${B} counts the numbers in one batch, not the units of the layer. Which axis of the batch does the layer see?` },
      { when: B, hint: `${B} is how many rows arrive together. The input layer is sized by what one row contains.` },
    ],
  },
  "batch-input-shape": {
    kind: "shape",
    question: `What is the shape of the input tensor X for one batch of ${B} rows of the greenhouse table?`,
    answer: tensorShape(B, "X"),
    dimNames: ["batch", "feature"],
    explanation: `Rows stack along a new leading axis: ${B} samples by ${F} features, ${shape(tensorShape(B, "X"))}.`,
    hints: [{ when: shape([F, B]), hint: "Frameworks put the batch axis first: each row of X is one sample." }],
  },
  "kernel-shape-batch-50": {
    kind: "shape",
    question: `Train the ${net} network with batch size 50 instead of ${B}. What is the shape of the first layer's weight matrix W⁽¹⁾?`,
    answer: tensorShape(50, "W1"),
    dimNames: ["input", "unit"],
    explanation: `The kernel maps ${F} features to ${H} hidden units whatever the batch size: ${shape(tensorShape(50, "W1"))}. Only X and the activations get a longer first axis.`,
    hints: [
      { when: shape(tensorShape(50, "H1")), hint: "That is the shape of the hidden activations for the batch, not of the weights." },
      { when: shape(tensorShape(50, "X")), hint: "That is the batch X itself. The weights do not depend on how many rows come in." },
    ],
  },
  "parameters-batch-50": {
    kind: "numeric",
    question: `The ${net} network has ${params} parameters at batch size ${B}. How many does it have at batch size 50?`,
    answer: atBatch(50).parameterCount,
    unit: "parameters",
    explanation: `Parameters are weights and biases: ${F}·${H} + ${H} + ${H}·1 + 1 = ${atBatch(50).parameterCount}, with no batch size anywhere in the formula.`,
    hints: [
      { when: params * (50 / B), hint: "The weights are shared by every row of the batch; there is no copy per row." },
      { when: params * 50, hint: "The weights are shared by every row of the batch; there is no copy per row." },
    ],
  },
  "batch-versus-row-five": {
    kind: "choice",
    question: `The network sees ${rowsText} as one batch and then updates its weights. Which statement is true?`,
    options: [
      {
        id: "mean",
        text: `The update follows the mean of the ${B} rows' gradients, so every row has an equal say.`,
        correct: true,
        explanation: `The batch gradient is (1/${B}) Σᵢ ∇ℓᵢ, the mean of the per-row gradients.`,
      },
      {
        id: "last",
        text: `Only row ${lastRow} matters, because it was the last to pass through the network.`,
        correct: false,
        explanation: `No row overwrites another: each is computed with the same weights, and all ${B} gradients are averaged.`,
      },
      {
        id: "order",
        text: `Rows ${firstRow}–${lastRow - 1} prepare a state that row ${lastRow} then uses.`,
        correct: false,
        explanation: "A dense network keeps no state between rows; reordering the batch changes nothing.",
      },
      {
        id: "sum",
        text: `The weights are updated ${B} times, once after each row.`,
        correct: false,
        explanation: `That would be ${B} batches of one row. One batch is one update.`,
      },
    ],
    explanation: `All ${B} rows are computed with the same weights, their losses and gradients are averaged, and one update follows. Row ${lastRow} alone would give a different update.`,
    hints: [{ when: "last", hint: "Look at the inspector's map of the three readings: the batch's step and row 5's step point different ways." }],
  },
  "predict-computation-difference": {
    kind: "predict",
    question: `Predict: for the batch of ${rowsText}, what is the largest difference between the predictions computed row by row and as one matrix product?`,
    widget: "batch-inspector",
    valueKey: "maxAbsDifference",
    runWith: { batchSize: B },
    runInstruction: `Set the inspector to start row ${firstRow} and batch size ${B}, then switch Computation between the two options.`,
    tolerance: 1e-12,
    expected: computationDifference,
    explanation: `Each row of a matrix product uses only its own row of X, so the two methods do the same arithmetic in the same order and agree exactly: the largest difference is ${computationDifference}.`,
  },
});
