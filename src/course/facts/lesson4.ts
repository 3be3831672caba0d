/**
 * Numbers quoted in lesson 4 (a batch through the network): rows 1–5, the weights W⁽¹⁾₁,₁ and
 * W⁽²⁾₁,₁, one SGD step, all from the batch inspector's scenario (src/course/inspector.ts) and its
 * map of the three readings (src/course/batchFigure.ts).
 */
import { countParameters } from "../../engine/model";
import { batchFigure, finalLoss } from "../batchFigure";
import { compareBatchWithLastRow, INSPECTOR_DEFAULT_ROWS, INSPECTOR_DEFAULTS, inspectBatch } from "../inspector";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED } from "../networks";
import type { FactValue } from "./types";

const { weightA, weightB, learningRate } = INSPECTOR_DEFAULTS;
const batch = inspectBatch(INSPECTOR_DEFAULT_ROWS, weightA, weightB, learningRate, "matrix");
const versus = compareBatchWithLastRow(INSPECTOR_DEFAULT_ROWS, weightA, weightB, learningRate);
const map = batchFigure(INSPECTOR_DEFAULT_ROWS, { a: weightA, b: weightB }, learningRate);

type RowNumber = 1 | 2 | 3 | 4 | 5;
type RowFact = `lesson4.row${RowNumber}.${"prediction" | "target" | "loss" | "gradA" | "gradB"}`;
const rowFacts = Object.fromEntries(
  batch.rows.flatMap((r) => [
    [`lesson4.row${r.row}.prediction`, r.prediction],
    [`lesson4.row${r.row}.target`, r.target],
    [`lesson4.row${r.row}.loss`, r.loss],
    [`lesson4.row${r.row}.gradA`, r.gradA],
    [`lesson4.row${r.row}.gradB`, r.gradB],
  ]),
) as Record<RowFact, number>;

export const lesson4Facts = {
  "lesson4.parameters": countParameters(GREENHOUSE_NET),
  "lesson4.seed": GREENHOUSE_NET_SEED,
  "lesson4.learningRate": learningRate,
  "lesson4.maxAbsDifference": batch.maxAbsDifference,
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
  "lesson4.lossAfterOneAtATime": versus.oneRowAtATime.batchLossAfter,
  "lesson4.lossBefore": versus.batchLossBefore,
  // The map of lesson 4's figure: only the two chosen weights move.
  "lesson4.map.lossAfterBatch": finalLoss(map.readings.batch),
  "lesson4.map.lossAfterRow": finalLoss(map.readings["last-row"]),
  "lesson4.map.lossAfterOneAtATime": finalLoss(map.readings["one-at-a-time"]),
  "lesson4.otherWeights": countParameters(GREENHOUSE_NET) - 2,
  ...rowFacts,
} satisfies Record<`lesson4.${string}`, FactValue>;
