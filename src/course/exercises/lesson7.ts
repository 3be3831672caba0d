/** Lesson 7's exercises: the loss landscape's paths. */
import { iterationsPerEpoch } from "../../engine/batching";
import { GREENHOUSE_ROWS } from "../columns";
import { DEFAULT_LANDSCAPE_SETTINGS, landscapePaths, pathStateAt } from "../landscape";
import { defineExercises } from "./spec";

const N = GREENHOUSE_ROWS;
const epochs = DEFAULT_LANDSCAPE_SETTINGS.epochs;
const fullBatch = landscapePaths(DEFAULT_LANDSCAPE_SETTINGS)[50];
const fullBatchUpdates = pathStateAt(fullBatch, Infinity).totalUpdates;
const predictEpochs = 8;
const it5 = iterationsPerEpoch(N, 5);
const updatesB5 = pathStateAt(landscapePaths({ ...DEFAULT_LANDSCAPE_SETTINGS, epochs: predictEpochs })[5], Infinity).totalUpdates;

export const lesson7 = defineExercises("loss-landscape", {
  "updates-full-batch": {
    kind: "numeric",
    question: `The full-batch path (B = ${N}) trains for ${epochs} epochs on the ${N} rows. How many updates, that is, how many steps after the start point, does its path have?`,
    answer: fullBatchUpdates,
    unit: "updates",
    explanation: `With B = N = ${N} each epoch is one batch and one update, so ${epochs} epochs make ${fullBatchUpdates} updates. The polyline has ${fullBatch.a.length} points: the start and one point after each update.`,
    hints: [
      { when: epochs * iterationsPerEpoch(N, 1), hint: "That is the count for B = 1. How many batches does one epoch hold when the batch is the whole table?" },
      { when: fullBatch.a.length, hint: `${fullBatch.a.length} is the number of points, the start included. Count the steps between them.` },
      { when: N, hint: `${N} is the number of rows each update uses, not the number of updates.` },
    ],
  },
  "predict-updates-b5": {
    kind: "predict",
    question: `Predict: with ${predictEpochs} epochs, how many updates does the B = 5 path make?`,
    widget: "loss-landscape",
    valueKey: "updatesB5",
    runWith: { epochs: predictEpochs },
    runInstruction: `Set Epochs to ${predictEpochs} in the loss landscape above; its table shows the updates of every path.`,
    unit: "updates",
    tolerance: 0,
    expected: updatesB5,
    explanation: `${N} rows in batches of 5 make ⌈${N}/5⌉ = ${it5} updates per epoch; ${predictEpochs} epochs make ${updatesB5}.`,
    hints: [
      { when: predictEpochs * 5, hint: "That multiplies epochs by the batch size. Updates per epoch are rows divided by batch size." },
      { when: N * predictEpochs, hint: `That multiplies ${N} rows by ${predictEpochs} epochs: it counts rows read, not updates.` },
    ],
  },
  "why-zigzag": {
    kind: "choice",
    question: `Why does the B = 1 path zigzag while the B = ${N} path is smooth, with the same learning rate and start?`,
    options: [
      {
        id: "one-row",
        text: "Each B = 1 step follows one row's gradient, which points toward that row's own best-fit line, not the table's minimum.",
        correct: true,
        explanation: "Single rows disagree about where the minimum is; their pulls average to the full gradient but scatter around it.",
      },
      {
        id: "lr",
        text: "B = 1 uses a larger effective learning rate because it divides by fewer rows.",
        correct: false,
        explanation: `The update is learning rate × mean gradient for every batch size; the mean of one gradient is not larger than a mean of ${N} of the same size.`,
      },
      {
        id: "different-loss",
        text: "The two paths walk on different loss surfaces.",
        correct: false,
        explanation: "The map is the same full-data loss for both; the batch size changes the steps, not the landscape.",
      },
      {
        id: "random-start",
        text: "The B = 1 path starts from a random point each epoch.",
        correct: false,
        explanation: "All three paths start from the same point and never restart.",
      },
    ],
    explanation: "A mini-batch gradient is an unbiased but noisy estimate of the full gradient; its spread falls as the batch grows and is zero at B = N. The zigzag is that noise.",
    hints: [{ when: "lr", hint: "Write the update out: w ← w − η · (mean of the batch's gradients). Which part depends on B?" }],
  },
  "step-direction": {
    kind: "choice",
    question: "A full-batch step leaves its start point along minus the exact gradient and runs straight for the length η·‖∇L‖. How does it meet the contour lines?",
    options: [
      {
        id: "start-only",
        text: "At a right angle to the contour through its start point; the straight step then crosses later contours at other angles",
        correct: true,
        explanation: "The gradient is perpendicular to the contour where it is computed. A step of finite length keeps that direction while the contours around it turn.",
      },
      {
        id: "every",
        text: "At a right angle to every contour line it crosses",
        correct: false,
        explanation: "That holds for gradient flow, a path of infinitely small steps that re-reads the gradient everywhere. A real step re-reads it only where it starts.",
      },
      {
        id: "parallel",
        text: "Parallel to the contour through its start point",
        correct: false,
        explanation: "Moving along a contour line keeps the loss unchanged: that is the one direction with no descent.",
      },
      {
        id: "45",
        text: "At 45 degrees to the contour through its start point",
        correct: false,
        explanation: "No fixed angle other than 90° follows from the gradient's definition.",
      },
    ],
    explanation:
      "Minus the gradient is the steepest way down, perpendicular to the contour through the point where it is computed. Each step starts at a right angle to its own contour; between those points the path is a straight segment, not a curve that stays perpendicular.",
    hints: [{ when: "every", hint: "Where along the step is the gradient computed?" }],
  },
});
