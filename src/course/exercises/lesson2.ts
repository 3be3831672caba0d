/** Lesson 2's exercises: the input layer, weight shapes and parameter counts. */
import { denseParameterCount } from "../../engine/architecture";
import { GREENHOUSE_FEATURES } from "../columns";
import { GREENHOUSE_HIDDEN_UNITS, KERAS_DOCS_DENSE, QUESTION_BATCH_SIZE } from "../networks";
import { denseShapes, tensorShape as shapeOf } from "../shapes";
import { count, shape } from "./format";
import { defineExercises } from "./spec";

const F = GREENHOUSE_FEATURES;
const H = GREENHOUSE_HIDDEN_UNITS;
const B = QUESTION_BATCH_SIZE;
const greenhouseNet = (batchSize: number) => denseShapes(F, [H], 1, batchSize);
const tensorShape = (batchSize: number, name: string): number[] => shapeOf(greenhouseNet(batchSize), name);
const params = greenhouseNet(B).parameterCount;

const { inputs: docsIn, units: docsUnits } = KERAS_DOCS_DENSE;
const docsWeights = docsIn * docsUnits;
const docsParams = denseParameterCount(docsIn, docsUnits);

const wide = { hidden: [16, 16] };
const layerCounts = [denseParameterCount(F, 16), denseParameterCount(16, 16), denseParameterCount(16, 1)];
const wideParams = denseShapes(F, wide.hidden, 1, 1).parameterCount;

export const lesson2 = defineExercises("the-input-layer", {
  "input-units-batch-5": {
    kind: "choice",
    question: `A table has ${F} input columns. You train with batch size ${B}. How many units does the input layer have?`,
    options: [
      {
        id: "three",
        text: String(greenhouseNet(B).inputUnits),
        correct: true,
        explanation: "One unit per feature. The batch size counts samples, which the network takes one row at a time through the same units.",
      },
      {
        id: "fifteen",
        text: String(B * F),
        correct: false,
        explanation: `${B * F} is how many numbers a batch of ${B} samples holds: ${B} × ${F}. They pass through the same ${F} input units, ${B} rows of ${F}.`,
      },
      { id: "five", text: String(B), correct: false, explanation: `${B} is the batch size, a count of samples. The input layer is sized per sample.` },
      { id: "free", text: "Any number you choose", correct: false, explanation: "That is true of hidden layers. The input layer must match the data." },
    ],
    explanation: `The input layer has one unit per feature: ${F}. A batch adds a leading dimension to the data, ${shape(tensorShape(B, "X"))}, and never changes the network.`,
    hints: [
      { when: "fifteen", hint: "Does the network grow when you feed it more rows at once?" },
      { when: "free", hint: "Which layer's size is a free choice: the input layer or the first hidden layer?" },
    ],
  },
  "keras-docs-params": {
    kind: "numeric",
    question: `How many trainable parameters does \`Dense(${docsUnits}, input_shape=(${docsIn},))\` have?`,
    answer: docsParams,
    unit: "parameters",
    explanation: `${docsIn} inputs × ${docsUnits} units = ${count(docsWeights)} weights, plus one bias per unit: ${count(docsWeights)} + ${docsUnits} = ${count(docsParams)}. The input itself adds none.`,
    hints: [
      { when: docsWeights, hint: "You counted the weights. Each unit also has a bias." },
      { when: docsIn + docsUnits, hint: `${docsIn} + ${docsUnits} counts units. Every input connects to every unit.` },
      { when: docsWeights + docsIn, hint: "There is one bias per unit, not per input." },
      { when: docsParams + docsWeights, hint: `The ${docsIn} inputs are not a layer with weights of their own.` },
    ],
  },
  "hidden-kernel-shape": {
    kind: "shape",
    question: `In Keras, what is the shape of the greenhouse network's first weight matrix W⁽¹⁾ (its kernel): ${F} inputs into ${H} hidden units?`,
    answer: tensorShape(B, "W1"),
    dimNames: ["input", "unit"],
    explanation: `Keras stores a dense kernel as inputs × units: ${shape(tensorShape(B, "W1"))}. Each of the ${H} columns holds one unit's ${F} weights.`,
    hints: [
      { when: shape([H, F]), hint: "That is how PyTorch's nn.Linear stores it. Keras puts the inputs first." },
      { when: shape(tensorShape(B, "X")), hint: "That is a batch of inputs, not a weight matrix." },
      { when: shape([H]), hint: "That is the bias vector b⁽¹⁾." },
    ],
  },
  "params-at-batch-50": {
    kind: "numeric",
    question: `The greenhouse network (${F} → ${H} tanh → 1) has ${params} parameters at batch size ${B}. How many does it have at batch size 50?`,
    answer: greenhouseNet(50).parameterCount,
    unit: "parameters",
    explanation: `Still ${greenhouseNet(50).parameterCount}: parameters belong to the layers, and no layer's size involves the batch. Only the activations grow: X becomes ${shape(tensorShape(50, "X"))} and the output ${shape(tensorShape(50, "Y_hat"))}.`,
    hints: [
      { when: params * (50 / B), hint: "Does the weight matrix get bigger when more rows come in?" },
      { when: params * 50, hint: `Each sample reuses the same ${params} numbers.` },
    ],
  },
  "predict-two-hidden-layers": {
    kind: "predict",
    question: `Predict: how many parameters has a network with ${F} inputs, two hidden layers of 16 units each, and 1 output?`,
    widget: "network-explorer",
    valueKey: "parameterCount",
    runWith: { features: F, hiddenLayers: wide.hidden.length, units: 16, outputs: 1 },
    runInstruction: `In the explorer above, set Features to ${F}, Hidden layers to ${wide.hidden.length}, Units per hidden layer to 16 and Output units to 1.`,
    unit: "parameters",
    tolerance: 0,
    expected: wideParams,
    explanation: `Layer by layer: ${F} · 16 + 16 = ${layerCounts[0]}, then 16 · 16 + 16 = ${layerCounts[1]}, then 16 · 1 + 1 = ${layerCounts[2]}. Together ${wideParams}.`,
    hints: [
      { when: F * 16 + 16 * 16 + 16, hint: "Did you include one bias per unit in every layer?" },
      { when: layerCounts[0]! + layerCounts[2]!, hint: "Count the second hidden layer too: 16 inputs into 16 units." },
    ],
  },
});
