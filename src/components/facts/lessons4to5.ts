/**
 * Numbers quoted in the prose of lessons 4 (a batch through the network) and 5 (iterations and
 * epochs), computed at build time from the engine and the shipped greenhouse table.
 */
import {
  batchRows,
  countParameters,
  iterationsPerEpoch,
  lastBatchSize,
  totalUpdates,
  trainRun,
  unusedRowsPerEpoch,
} from "../../engine";
import {
  compareBatchWithLastRow,
  INSPECTOR_MODEL,
  INSPECTOR_SEED,
  inspectBatch,
  standardGreenhouse,
} from "../../widgets/BatchInspector/inspect";

const N = standardGreenhouse.n;

// Lesson 4: rows 1–5 (0-based 0..4), w₁ = dense_1/kernel[0, 0], w₂ = dense_2/kernel[0, 0], η = 0.1.
const LESSON4_ROWS = [0, 1, 2, 3, 4];
const LESSON4_LR = 0.1;
const W1 = 0;
const W2 = 32;
const batch = inspectBatch(LESSON4_ROWS, W1, W2, LESSON4_LR, "matrix");
const rowByRow = inspectBatch(LESSON4_ROWS, W1, W2, LESSON4_LR, "row-by-row");
const versus = compareBatchWithLastRow(LESSON4_ROWS, W1, W2, LESSON4_LR);

const lesson4: Record<string, number | string> = {
  "lesson4.parameters": countParameters(INSPECTOR_MODEL),
  "lesson4.seed": INSPECTOR_SEED,
  "lesson4.learningRate": LESSON4_LR,
  "lesson4.maxAbsDifference": rowByRow.rows.reduce(
    (m, r, i) => Math.max(m, Math.abs(r.prediction - batch.rows[i]!.prediction)),
    0,
  ),
  "lesson4.batchLoss": batch.batchLoss,
  "lesson4.batchLossAfter": batch.batchLossAfter,
  "lesson4.meanGradA": batch.meanGradA,
  "lesson4.meanGradB": batch.meanGradB,
  "lesson4.weightABefore": batch.weightABefore,
  "lesson4.weightAAfter": batch.weightAAfter,
  "lesson4.batchDeltaA": versus.fromBatch.deltaA,
  "lesson4.batchDeltaB": versus.fromBatch.deltaB,
  "lesson4.rowDeltaA": versus.fromLastRow.deltaA,
  "lesson4.rowDeltaB": versus.fromLastRow.deltaB,
  "lesson4.lossAfterBatchUpdate": versus.fromBatch.batchLossAfter,
  "lesson4.lossAfterRowUpdate": versus.fromLastRow.batchLossAfter,
  "lesson4.lossBefore": versus.batchLossBefore,
};
batch.rows.forEach((r) => {
  lesson4[`lesson4.row${r.row}.prediction`] = r.prediction;
  lesson4[`lesson4.row${r.row}.target`] = r.target;
  lesson4[`lesson4.row${r.row}.loss`] = r.loss;
  lesson4[`lesson4.row${r.row}.gradA`] = r.gradA;
  lesson4[`lesson4.row${r.row}.gradB`] = r.gradB;
});

// Lesson 5: the counting facts of COURSE.md, each from the engine's batching functions.
const tenthBatchOfFive = batchRows(N, 0, 9, { batchSize: 5 });

// "Loss per epoch", both meanings, from a real run: batch 10, 5 epochs, shuffled, plain SGD.
export const LESSON5_RUN = { batchSize: 10, epochs: 5, learningRate: 0.05, seed: INSPECTOR_SEED } as const;
const run = trainRun({
  model: INSPECTOR_MODEL,
  data: standardGreenhouse,
  batchSize: LESSON5_RUN.batchSize,
  epochs: LESSON5_RUN.epochs,
  shuffle: true,
  dropLast: false,
  seed: LESSON5_RUN.seed,
  optimizer: { kind: "sgd", learningRate: LESSON5_RUN.learningRate },
});

const lesson5: Record<string, number | string> = {
  "lesson5.n": N,
  "lesson5.b5.iterations": iterationsPerEpoch(N, 5),
  "lesson5.b5.tenthFirstPosition": 9 * 5 + 1,
  "lesson5.b5.tenthLastPosition": 9 * 5 + tenthBatchOfFive.length,
  "lesson5.b5.tenthRows": Array.from(tenthBatchOfFive, (r) => r + 1).join(", "),
  "lesson5.b8.ratio": N / 8,
  "lesson5.b8.iterations": iterationsPerEpoch(N, 8),
  "lesson5.b8.last": lastBatchSize(N, 8),
  "lesson5.b8.dropIterations": iterationsPerEpoch(N, 8, { dropLast: true }),
  "lesson5.b8.dropUnused": unusedRowsPerEpoch(N, 8, { dropLast: true }),
  "lesson5.b8.dropSeen": N - unusedRowsPerEpoch(N, 8, { dropLast: true }),
  "lesson5.b7.iterations": iterationsPerEpoch(N, 7),
  "lesson5.b7.last": lastBatchSize(N, 7),
  "lesson5.b1.iterations": iterationsPerEpoch(N, 1),
  "lesson5.b50.iterations": iterationsPerEpoch(N, 50),
  "lesson5.keras.iterations": iterationsPerEpoch(N, 32),
  "lesson5.keras.last": lastBatchSize(N, 32),
  "lesson5.torch.iterations": iterationsPerEpoch(N, 1),
  "lesson5.b10.iterations": iterationsPerEpoch(N, 10),
  "lesson5.b10.epochs20.updates": totalUpdates(N, 10, 20),
  "lesson5.b8.epochs3.updates": totalUpdates(N, 8, 3),
  "lesson5.run.batchSize": LESSON5_RUN.batchSize,
  "lesson5.run.epochs": LESSON5_RUN.epochs,
  "lesson5.run.learningRate": LESSON5_RUN.learningRate,
  "lesson5.run.iterations": run.iterationsPerEpoch,
  "lesson5.run.updates": run.updates,
  "lesson5.run.initialFull": run.initialFullLoss,
};
run.epochRunningLoss.forEach((value, e) => {
  lesson5[`lesson5.run.epoch${e + 1}.running`] = value;
  lesson5[`lesson5.run.epoch${e + 1}.full`] = run.epochFullLoss[e]!;
});
// The first epoch's batch losses, to show what the running mean averages.
Array.from(run.batchLoss.subarray(0, run.iterationsPerEpoch)).forEach((value, i) => {
  lesson5[`lesson5.run.epoch1.batch${i + 1}`] = value;
});

export const facts: Record<string, number | string> = { ...lesson4, ...lesson5 };
