/** Numbers quoted in lesson 5 (iterations and epochs): the counting facts of COURSE.md and one real run. */
import { batchRows, iterationsPerEpoch, lastBatchSize, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { trainRun } from "../../engine/train";
import { GREENHOUSE_ROWS } from "../columns";
import { standardisedGreenhouse } from "../data";
import { DATALOADER_DEFAULT_BATCH_SIZE, KERAS_DEFAULT_BATCH_SIZE } from "../frameworks";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED } from "../networks";
import { DEFAULT_TIMELINE } from "../timeline";
import type { FactValue } from "./types";

const N = GREENHOUSE_ROWS;
const tenthBatchOfFive = batchRows(N, 0, 9, { batchSize: 5 });

/** "Loss per epoch", both meanings, from a real run: batch 10, 5 epochs, shuffled, plain SGD. */
export const LESSON5_RUN = { batchSize: 10, epochs: 5, learningRate: 0.05, seed: GREENHOUSE_NET_SEED } as const;
const run = trainRun({
  model: GREENHOUSE_NET,
  data: standardisedGreenhouse().dataset,
  batchSize: LESSON5_RUN.batchSize,
  epochs: LESSON5_RUN.epochs,
  shuffle: true,
  dropLast: false,
  seed: LESSON5_RUN.seed,
  optimizer: { kind: "sgd", learningRate: LESSON5_RUN.learningRate },
});

type Epoch = 1 | 2 | 3 | 4 | 5;
const epochFacts = Object.fromEntries(
  Array.from(run.epochRunningLoss, (value, e) => [
    [`lesson5.run.epoch${e + 1}.running`, value],
    [`lesson5.run.epoch${e + 1}.full`, run.epochFullLoss[e]!],
  ]).flat(),
) as Record<`lesson5.run.epoch${Epoch}.${"running" | "full"}`, number>;
// The first epoch's batch losses, to show what the running mean averages.
const firstEpochBatches = Object.fromEntries(
  Array.from(run.batchLoss.subarray(0, run.iterationsPerEpoch), (value, i) => [`lesson5.run.epoch1.batch${i + 1}`, value]),
) as Record<`lesson5.run.epoch1.batch${1 | 2 | 3 | 4 | 5}`, number>;

export const lesson5Facts = {
  "lesson5.n": N,
  "lesson5.b5.iterations": iterationsPerEpoch(N, 5),
  "lesson5.b5.tenthFirstPosition": tenthBatchOfFive[0]! + 1,
  "lesson5.b5.tenthLastPosition": tenthBatchOfFive[tenthBatchOfFive.length - 1]! + 1,
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
  "lesson5.keras.iterations": iterationsPerEpoch(N, KERAS_DEFAULT_BATCH_SIZE),
  "lesson5.keras.last": lastBatchSize(N, KERAS_DEFAULT_BATCH_SIZE),
  "lesson5.torch.iterations": iterationsPerEpoch(N, DATALOADER_DEFAULT_BATCH_SIZE),
  "lesson5.b10.iterations": iterationsPerEpoch(N, 10),
  "lesson5.b10.epochs20.updates": totalUpdates(N, 10, 20),
  "lesson5.b8.epochs3.updates": totalUpdates(N, DEFAULT_TIMELINE.batchSize, DEFAULT_TIMELINE.epochs),
  "lesson5.run.batchSize": LESSON5_RUN.batchSize,
  "lesson5.run.epochs": LESSON5_RUN.epochs,
  "lesson5.run.learningRate": LESSON5_RUN.learningRate,
  "lesson5.run.iterations": run.iterationsPerEpoch,
  "lesson5.run.updates": run.updates,
  "lesson5.run.initialFull": run.initialFullLoss,
  ...epochFacts,
  ...firstEpochBatches,
} satisfies Record<`lesson5.${string}`, FactValue>;
