/** Lesson 9's exercises: windows and LSTM inputs. */
import { lstmParameterCount } from "../../engine/architecture";
import { windowCount, windowRows } from "../../engine/windows";
import { GREENHOUSE_FEATURES, GREENHOUSE_ROWS } from "../columns";
import { lstmShapes, tensorShape } from "../shapes";
import { statefulLayout, statefulSampleRows } from "../stateful";
import { count, range, shape } from "./format";
import { defineExercises } from "./spec";

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;
const T = 5;
const B = 8;
const batchShape = tensorShape(lstmShapes(F, T, 16, B, "keras"), "X");
const inputSize = lstmShapes(F, T, 16, B, "pytorch").inputUnits;
/** Rows (from 1) that window w (from 1) of length T covers. */
const cover = (w: number, timesteps: number): [number, number] => {
  const rows = windowRows(w - 1, timesteps);
  return [rows[0]! + 1, rows[rows.length - 1]! + 1];
};
const windows10 = windowCount(N, 10);
const [window7First, window7Last] = cover(7, T);
const H = 16;
const keras16 = lstmParameterCount(F, H, "keras");
const pytorch16 = lstmParameterCount(F, H, "pytorch");
const windows12 = windowCount(N, 12);
const stateful = statefulLayout();
const [nextFirst, nextLast] = statefulSampleRows(stateful, 2, 2);
const [thisFirst, thisLast] = statefulSampleRows(stateful, 1, 2);
const [neighbourFirst, neighbourLast] = statefulSampleRows(stateful, 1, 3);

export const lesson9 = defineExercises("lstm-inputs", {
  "lstm-batch-shape": {
    kind: "shape",
    question: `Windows of ${T} rows over the ${N}-row greenhouse table, batch size ${B}: what is the shape of one full batch?`,
    answer: batchShape,
    dimNames: ["batch", "time-step", "feature"],
    explanation: `Keras and PyTorch with batch_first=True read (batch, timesteps, features): ${B} windows, ${T} rows each, ${F} features per row, ${shape(batchShape)}.`,
    hints: [
      { when: shape([B, F, T]), hint: `Features are the last axis: ${F} numbers per time step.` },
      { when: shape([T, B, F]), hint: "That is PyTorch's order without batch_first=True. Keras puts the batch first." },
      { when: shape([B, T * F]), hint: "Flattening the window loses the time axis the LSTM steps along." },
    ],
  },
  "windows-t10": {
    kind: "numeric",
    question: `How many windows of 10 consecutive rows can be cut from the ${N} rows, sliding by one row?`,
    answer: windows10,
    unit: "windows",
    explanation: `The last window starts at row ${N} − 10 + 1 = ${cover(windows10, 10)[0]}, so windows start at rows 1 to ${windows10}: ${windows10} windows.`,
    hints: [
      { when: windows10 - 1, hint: `Check the last window: it starts at row ${windows10} and ends at row ${N}. Count the starts 1, 2, …, ${windows10}.` },
      { when: N / 10, hint: "That cuts the table into non-overlapping blocks. Here the windows slide by one row." },
    ],
  },
  "window-seven-rows": {
    kind: "range",
    question: `With windows of ${T} rows, which rows does window 7 cover (counting rows from 1)?`,
    answer: [window7First, window7Last],
    explanation: `Window w covers rows w to w + T − 1: rows ${window7First} to ${window7Last}. Its target is row ${window7Last}'s water use.`,
    hints: [
      { when: range(window7First, window7Last + 1), hint: `That is ${T + 1} rows; a window here holds ${T}.` },
      { when: range((7 - 1) * T + 1, 7 * T), hint: "Windows slide by one row, not by a whole window." },
    ],
  },
  "input-size-lstm": {
    kind: "choice",
    question: `For windows of ${T} rows of the ${F} greenhouse inputs, batch size ${B}, what is PyTorch's input_size in nn.LSTM(input_size=…, hidden_size=16, batch_first=True)?`,
    options: [
      { id: "three", text: String(inputSize), correct: true, explanation: "input_size is the number of features per time step." },
      { id: "five", text: String(T), correct: false, explanation: `${T} is the number of time steps, which the layer never needs to know.` },
      { id: "fifteen", text: String(T * F), correct: false, explanation: `${T * F} = ${T} × ${F} would be a flattened window, which an LSTM does not read.` },
      { id: "eight", text: String(B), correct: false, explanation: `${B} is the batch size: the leading axis of the data, never a layer size.` },
    ],
    explanation: `The LSTM reads one row per step, so its input size is the ${F} features, exactly like the dense network's input layer.`,
    hints: [{ when: "fifteen", hint: "How many numbers does the LSTM read at one time step?" }],
  },
  "keras-lstm-16": {
    kind: "numeric",
    question: `How many parameters has a Keras LSTM(${H}) layer reading ${F} features per time step?`,
    answer: keras16,
    unit: "parameters",
    explanation: `4 × (H(F + H) + H) = 4 × (${H} × ${F + H} + ${H}) = 4 × ${keras16 / 4} = ${count(keras16)}. PyTorch's nn.LSTM(${F}, ${H}) has 4 × (${H} × ${F + H} + ${2 * H}) = ${count(pytorch16)}, with its second bias vector.`,
    hints: [
      { when: pytorch16, hint: "That is PyTorch's count with two bias vectors. Keras keeps one per gate." },
      { when: keras16 / 4, hint: "That is one gate. An LSTM has four." },
      { when: lstmParameterCount(F + T, H, "keras"), hint: "Did the window length enter? The same weights serve every time step." },
    ],
  },
  "predict-windows-t12": {
    kind: "predict",
    question: `Predict: how many windows does a window length of 12 give on the ${N} rows?`,
    widget: "window-explorer",
    valueKey: "windows",
    runWith: { timesteps: 12 },
    runInstruction: "Set Window length T to 12 in the window explorer above; it shows the count.",
    unit: "windows",
    tolerance: 0,
    expected: windows12,
    explanation: `N − T + 1 = ${N} − 12 + 1 = ${windows12} windows.`,
    hints: [
      { when: windows12 - 1, hint: `Count the last window: it starts at row ${windows12}.` },
      { when: Math.floor(N / 12), hint: "The windows overlap: they slide by one row." },
    ],
  },
  "stateful-next-rows": {
    kind: "range",
    question: `A stateful Keras LSTM reads the ${N} rows as ${stateful.batchSize} streams of ${stateful.streamLength} consecutive hours, batch_shape=(${stateful.batchShape.join(", ")}): sample 2 of batch 1 holds rows ${thisFirst}–${thisLast}. Which rows must sample 2 of batch 2 hold?`,
    answer: [nextFirst, nextLast],
    explanation: `The state sample 2 leaves after rows ${thisFirst}–${thisLast} is where sample 2 of the next batch starts, so it must hold the next ${stateful.timesteps} hours of the same stream: rows ${nextFirst}–${nextLast}. Shuffling would hand that state to unrelated hours.`,
    hints: [
      { when: range(neighbourFirst, neighbourLast), hint: "That is the start of the next stream, which sample 3 reads. The state of sample 2 carries over to sample 2." },
      { when: range(thisFirst, thisLast), hint: "Those are the rows it just read. The next batch continues in time." },
    ],
  },
  "stateful-why-fixed": {
    kind: "choice",
    question: `Why does a stateful LSTM fix the batch size in its input spec (batch_shape=(${stateful.batchShape.join(", ")})), when the ordinary LSTM leaves it open?`,
    options: [
      { id: "state-rows", text: `The layer keeps one state per sample position, a (${stateful.batchSize}, H) tensor, and the next batch must bring exactly one sample for each`, correct: true, explanation: "The state carries between batches position by position, so the number of positions cannot change." },
      { id: "weights", text: "The batch size enters the LSTM's weights", correct: false, explanation: "No weight depends on B, stateful or not: 4(H(F + H) + H) parameters in Keras either way." },
      { id: "speed", text: "A fixed batch size makes training faster", correct: false, explanation: "Speed has nothing to do with it: the kept state needs one row per sample position." },
      { id: "shuffle", text: "Keras cannot shuffle batches of unknown size", correct: false, explanation: "Keras shuffles any batch size; a stateful model must not shuffle for another reason: order carries the state." },
    ],
    explanation: "The state tensor has one row per position in the batch; sample i of batch k + 1 continues sample i of batch k. A different batch size would leave rows of state without a sample, or samples without a state.",
    hints: [{ when: "weights", hint: "Count the LSTM's parameters: does B appear in 4(H(F + H) + H)?" }],
  },
});
