/** Lesson 3's exercises: one sample through the network, by hand. */
import { perSampleSquaredError } from "../../engine/loss";
import { createModel } from "../../engine/model";
import { GREENHOUSE_FEATURES } from "../columns";
import { forwardWalk } from "../forwardPass";
import { INSPECTOR_DEFAULTS, inspectBatch } from "../inspector";
import { GREENHOUSE_HIDDEN_UNITS } from "../networks";
import { denseShapes } from "../shapes";
import { decimal, fixed, list, shape, signedNumber } from "./format";
import { defineExercises } from "./spec";

const F = GREENHOUSE_FEATURES;
const H = GREENHOUSE_HIDDEN_UNITS;
const oneSample = denseShapes(F, [H], 1, 1);
const tensor = (name: string) => oneSample.tensors.find((t) => t.name === name)!;
const multiplications = tensor("W1").parameters;
const layerParameters = multiplications + tensor("b1").parameters;

// One linear unit with the question's weights and bias: z = x·w + b, computed by the engine.
const unitWeights = [0.5, 0.25, 2];
const unitBias = 0.1;
const unitInputs = [1, -2, 0.5];
const unit = createModel({ inputSize: 3, layers: [{ kind: "dense", units: 1, activation: "linear" }] }, 0);
unit.setWeights([...unitWeights, unitBias]);
const z = unit.predict(Float64Array.from(unitInputs), 1)[0]!;
const products = unitInputs.map((x, j) => x * unitWeights[j]!);
/** A factor as written in a product: negative numbers in brackets, with a true minus sign. */
const signed = (v: number): string => (v < 0 ? `(${signedNumber(v)})` : decimal(v));

const prediction = 0.3;
const target = -0.2;
const squaredError = perSampleSquaredError(Float64Array.of(prediction), Float64Array.of(target), 1, 1, new Float64Array(1))[0]!;
const miss = prediction - target;

// Row 1's miss before training, and the misses of rows 2–5 with the same weights (lesson 4's batch).
const row1 = forwardWalk(0);
const misses = inspectBatch([0, 1, 2, 3, 4], INSPECTOR_DEFAULTS.weightA, INSPECTOR_DEFAULTS.weightB, INSPECTOR_DEFAULTS.learningRate).rows.map((r) =>
  Math.abs(r.prediction - r.target),
);
const row1Miss = Math.abs(row1.yHat - row1.y);
const largestMiss = Math.max(...misses);
const largestRow = misses.indexOf(largestMiss) + 1;
if (Math.min(...misses) !== misses[0]) throw new Error("lesson 3's exercise assumes row 1 has the smallest miss of rows 1–5");

export const lesson3 = defineExercises("one-sample-forward", {
  "hidden-multiplications": {
    kind: "numeric",
    question: `How many multiplications does the hidden layer (${F} inputs, ${H} units) do for one sample?`,
    answer: multiplications,
    unit: "multiplications",
    explanation: `Each of the ${H} units multiplies each of the ${F} inputs by a weight: ${F} × ${H} = ${multiplications}. The ${H} biases are added, not multiplied.`,
    hints: [
      { when: layerParameters, hint: `${layerParameters} is the layer's parameter count. Are the biases multiplied by anything?` },
      { when: F + H, hint: `${F} + ${H} counts values, not connections. Every input meets every unit.` },
      { when: H, hint: "Each unit does more than one multiplication." },
    ],
  },
  "one-unit-by-hand": {
    kind: "numeric",
    question: `A unit has weights ${list(unitWeights.map((w) => decimal(w)))} and bias ${unitBias}. The standardised inputs are ${list(unitInputs.map((x) => signedNumber(x)))}. What is its pre-activation z?`,
    answer: z,
    tolerance: 0.001,
    explanation: `z = ${unitInputs.map((x, j) => `${signed(x)} · ${unitWeights[j]}`).join(" + ")} + ${unitBias} = ${products.map((p, j) => (j === 0 ? decimal(p) : p < 0 ? `− ${decimal(-p)}` : `+ ${decimal(p)}`)).join(" ")} + ${unitBias} = ${decimal(z)}.`,
    hints: [
      { when: z - unitBias, hint: "Don't forget the bias." },
      { when: z - 2 * products[1]!, hint: `Check the sign of the second product: ${signed(unitInputs[1]!)} × ${unitWeights[1]}.` },
    ],
  },
  "hidden-activation-shape": {
    kind: "shape",
    question: "What is the shape of the hidden activations a⁽¹⁾ for one sample in the greenhouse network?",
    answer: tensor("H1").shape,
    dimNames: ["sample", "unit"],
    explanation: `One sample times a ${shape(tensor("W1").shape)} matrix gives one row of ${H} numbers: ${shape(tensor("H1").shape)}.`,
    hints: [
      { when: shape(tensor("W1").shape), hint: "That is the weight matrix W⁽¹⁾. The activations are what it produces." },
      { when: shape([H, 1]), hint: "Samples stay on the first axis all the way through." },
    ],
  },
  "squared-error-by-hand": {
    kind: "numeric",
    question: `A network predicts ŷ = ${prediction} for a sample whose standardised target is ${signedNumber(target)}. What is the squared error?`,
    answer: squaredError,
    tolerance: 0.0001,
    explanation: `(${prediction} − (${signedNumber(target)}))² = ${decimal(miss)}² = ${decimal(squaredError)}.`,
    hints: [
      { when: miss, hint: "That is the error. Now square it." },
      { when: (prediction + target) ** 2, hint: `Subtracting a negative number adds: ${prediction} − (${signedNumber(target)}) = ${decimal(miss)}.` },
    ],
  },
  "untrained-small-miss": {
    kind: "choice",
    question: `Before any training, the network misses row 1's target by ${fixed(row1Miss, 3)} standard deviations, the smallest miss of rows 1–5; with the same weights it misses row ${largestRow} by ${fixed(largestMiss, 3)}. What does row 1's small miss tell you?`,
    options: [
      {
        id: "luck",
        text: "Nothing about the network's skill: its weights are random, so a small miss on one row is luck",
        correct: true,
        explanation: `The same untrained weights miss row ${largestRow} by ${fixed(largestMiss, 3)}. Only the loss over many rows, after training, says how good the network is.`,
      },
      {
        id: "learned",
        text: "The network has already learned row 1",
        correct: false,
        explanation: "No update has happened yet: the weights are the seed's random starting values and the biases are 0.",
      },
      {
        id: "first-row",
        text: "A network always fits the first row of the table best",
        correct: false,
        explanation: "A dense network treats every row alike; row order plays no part in a forward pass.",
      },
      {
        id: "standardised",
        text: "Standardising the inputs made row 1 easy",
        correct: false,
        explanation: "Standardising rescales every row the same way; it does not favour one of them.",
      },
    ],
    explanation: `A forward pass with random weights gives random-ish predictions: close for row 1, ${fixed(largestMiss, 3)} standard deviations off for row ${largestRow}. The arithmetic is right; the parameters are not trained yet.`,
    hints: [{ when: "learned", hint: "Has the network made a single weight update yet?" }],
  },
});
