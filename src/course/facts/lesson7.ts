/** Numbers quoted in lesson 7: the landscape and three paths from one start (src/course/landscape.ts). */
import { BATCH_SIZES, DEFAULT_LANDSCAPE_SETTINGS, gridMinimum, landscapeGrid, landscapePaths, pathStateAt, type PathBatchSize } from "../landscape";
import type { FactValue } from "./types";

const settings = DEFAULT_LANDSCAPE_SETTINGS;
const floor = gridMinimum(landscapeGrid());
const paths = landscapePaths(settings);
const ends = Object.fromEntries(BATCH_SIZES.map((b) => [b, pathStateAt(paths[b], Infinity)]));

type PerPath = `lesson7.${"updates" | "loss" | "w1" | "w2"}B${PathBatchSize}`;
const perPath = Object.fromEntries(
  BATCH_SIZES.flatMap((b) => [
    [`lesson7.updatesB${b}`, ends[b]!.totalUpdates],
    [`lesson7.lossB${b}`, ends[b]!.loss],
    [`lesson7.w1B${b}`, ends[b]!.w1],
    [`lesson7.w2B${b}`, ends[b]!.w2],
  ]),
) as Record<PerPath, number>;

// Equal numbers of updates (50 each): B = 1 for 1 epoch, B = 5 for 10, B = 50 for 50.
const equal = { 1: 1, 5: 10, 50: 50 } as const;
const equalLoss = Object.fromEntries(
  BATCH_SIZES.map((b) => [`lesson7.equalUpdatesLossB${b}`, pathStateAt(landscapePaths({ ...settings, epochs: equal[b] })[b], Infinity).loss]),
) as Record<`lesson7.equalUpdatesLossB${PathBatchSize}`, number>;

export const lesson7Facts = {
  "lesson7.startW1": settings.start[0],
  "lesson7.startW2": settings.start[1],
  "lesson7.learningRate": settings.learningRate,
  "lesson7.epochs": settings.epochs,
  "lesson7.floorW1": floor.w1,
  "lesson7.floorW2": floor.w2,
  "lesson7.floorLoss": floor.loss,
  "lesson7.startLoss": paths[1].loss[0]!,
  ...perPath,
  "lesson7.equalUpdates": 50,
  "lesson7.equalEpochsB5": equal[5],
  "lesson7.equalEpochsB50": equal[50],
  ...equalLoss,
} satisfies Record<`lesson7.${string}`, FactValue>;
