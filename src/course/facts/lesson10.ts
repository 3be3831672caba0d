/** Numbers quoted in lesson 10 (the cheat sheet): the course's facts table, from the engine. */
import { denseParameterCount } from "../../engine/architecture";
import { iterationsPerEpoch, lastBatchSize, samplesSeen, totalUpdates, unusedRowsPerEpoch } from "../../engine/batching";
import { windowCount } from "../../engine/windows";
import { GREENHOUSE_ROWS } from "../columns";
import { DATALOADER_DEFAULT_BATCH_SIZE, KERAS_DEFAULT_BATCH_SIZE } from "../frameworks";
import { KERAS_DOCS_DENSE } from "../networks";
import type { FactValue } from "./types";

const N = GREENHOUSE_ROWS;

export const lesson10Facts = {
  "lesson10.itersB5": iterationsPerEpoch(N, 5),
  "lesson10.itersB8": iterationsPerEpoch(N, 8),
  "lesson10.lastB8": lastBatchSize(N, 8),
  "lesson10.itersB8Drop": iterationsPerEpoch(N, 8, { dropLast: true }),
  "lesson10.unusedB8Drop": unusedRowsPerEpoch(N, 8, { dropLast: true }),
  "lesson10.itersB7": iterationsPerEpoch(N, 7),
  "lesson10.lastB7": lastBatchSize(N, 7),
  "lesson10.itersB1": iterationsPerEpoch(N, 1),
  "lesson10.itersB50": iterationsPerEpoch(N, 50),
  "lesson10.kerasDefaultSteps": iterationsPerEpoch(N, KERAS_DEFAULT_BATCH_SIZE),
  "lesson10.kerasDefaultLast": lastBatchSize(N, KERAS_DEFAULT_BATCH_SIZE),
  "lesson10.loaderDefaultSteps": iterationsPerEpoch(N, DATALOADER_DEFAULT_BATCH_SIZE),
  "lesson10.updates20x10": totalUpdates(N, 10, 20),
  "lesson10.dense16to32": denseParameterCount(KERAS_DOCS_DENSE.inputs, KERAS_DOCS_DENSE.units),
  "lesson10.windowsT5": windowCount(N, 5),
  "lesson10.samples20Epochs": samplesSeen(N, 10, 20),
} satisfies Record<`lesson10.${string}`, FactValue>;
