/** Lesson 1's exercises: the table as X and y. */
import { columnStats, standardise } from "../../engine/dataset";
import { FEATURE_INDEX, GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { greenhouseTable } from "../data";
import { denseShapes, tensorShape } from "../shapes";
import { defineExercises } from "./spec";
import { count, shape } from "./format";

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;
const xValues = N * F;
const firstRows = 20;
const xShape = (rows: number): number[] => tensorShape(denseShapes(F, [], 1, rows), "X");
const yShape = [N, 1];
// A hypothetical table: its columns are the question's premise; features are the inputs only.
const otherColumns = ["date", "temperature", "humidity", "light", "water use"];
const otherFeatures = otherColumns.filter((c) => c !== "date" && c !== "water use").length;
const standardisedHumidityMean = columnStats(standardise(greenhouseTable()).dataset).features[FEATURE_INDEX.humidity]!.mean;

export const lesson1 = defineExercises("samples-and-features", {
  "x-value-count": {
    kind: "numeric",
    question: "How many numbers does the input matrix X of the greenhouse table hold?",
    answer: xValues,
    unit: "numbers",
    explanation: `X has ${N} rows (samples) and ${F} columns (features): ${N} × ${F} = ${count(xValues)}. The target column is kept apart in y.`,
    hints: [
      { when: N * (F + 1), hint: "That counts all four columns. The target is not part of X." },
      { when: N, hint: "That is the number of rows. Each row holds several numbers." },
      { when: F, hint: "That is the number of columns. How many rows are there?" },
    ],
  },
  "target-shape": {
    kind: "shape",
    question: "Write the shape of y, the greenhouse target, as a column with one value per sample.",
    answer: yShape,
    dimNames: ["sample", "target column"],
    explanation: `One row per sample and one column for the single target: ${shape(yShape)}. Samples always come first.`,
    hints: [
      { when: shape([1, N]), hint: "The first axis counts samples, as in X." },
      { when: shape([N, F + 1]), hint: "Only the target column goes into y." },
    ],
  },
  "feature-count": {
    kind: "numeric",
    question: `A table has 200 rows and the columns ${otherColumns.slice(0, -1).join(", ")} and ${otherColumns.at(-1)}. You predict water use and drop the date. How many features does the network get?`,
    answer: otherFeatures,
    unit: "features",
    explanation: `Features are the input columns only: temperature, humidity and light. Water use is the target and the date is dropped, so ${otherFeatures}. The 200 rows are samples, not features.`,
    hints: [
      { when: otherColumns.length, hint: "Leave out the target and the dropped column." },
      { when: otherColumns.length - 1, hint: "Is the target column one of the inputs?" },
      { when: 200, hint: "Rows are samples. Features are columns." },
    ],
  },
  "first-rows-shape": {
    kind: "shape",
    question: `You keep only the first ${firstRows} rows of the greenhouse table. What is the shape of X now?`,
    answer: xShape(firstRows),
    dimNames: ["sample", "feature"],
    explanation: `Fewer samples shrink the first axis only: ${shape(xShape(firstRows))}. The number of features, and so the input layer of lesson 2, does not change.`,
    hints: [
      { when: shape(xShape(N)), hint: "Count the rows you kept." },
      { when: shape([F, firstRows]), hint: "Samples come first, features second." },
    ],
  },
  "standardised-mean": {
    kind: "choice",
    question: "After standardising the humidity column with its own mean and standard deviation, what is the column's new mean?",
    options: [
      {
        id: "zero",
        text: String(Math.round(standardisedHumidityMean)),
        correct: true,
        explanation: "Subtracting the mean moves the column's centre to 0; dividing by the standard deviation does not move it back.",
      },
      { id: "one", text: "1", correct: false, explanation: "1 is the new standard deviation, not the mean." },
      { id: "old-mean", text: "The mean it had before, in %", correct: false, explanation: "Standardising subtracts that mean from every value." },
      { id: "depends", text: "It depends on the row order", correct: false, explanation: "Means and standard deviations ignore order: sorting the table changes nothing." },
    ],
    explanation:
      "Standardised columns have mean 0 and standard deviation 1; the Mean row of the table shows 0.00 for every column once Standardised values is on.",
    hints: [{ when: "one", hint: "Which of the two statistics becomes 1?" }],
  },
});
