/** Numbers quoted in lesson 7: the landscape and three paths from one start (src/course/landscape.ts). */
import { iterationsPerEpoch } from "../../engine/batching";
import { GREENHOUSE_ROWS } from "../columns";
import {
  BATCH_SIZES,
  DEFAULT_LANDSCAPE_SETTINGS,
  landscapeMinimum,
  landscapePaths,
  pathStateAt,
  type PathBatchSize,
} from "../landscape";
import { epochsForUpdates } from "../updates";
import type { FactValue } from "./types";

const settings = DEFAULT_LANDSCAPE_SETTINGS;
const floor = landscapeMinimum();
const paths = landscapePaths(settings);
const ends = Object.fromEntries(BATCH_SIZES.map((b) => [b, pathStateAt(paths[b], Infinity)]));

type PerPath = `lesson7.${"updates" | "updatesPerEpoch" | "loss" | "w1" | "w2"}B${PathBatchSize}`;
const perPath = Object.fromEntries(
  BATCH_SIZES.flatMap((b) => [
    [`lesson7.updatesPerEpochB${b}`, iterationsPerEpoch(GREENHOUSE_ROWS, b)],
    [`lesson7.updatesB${b}`, ends[b]!.totalUpdates],
    [`lesson7.lossB${b}`, ends[b]!.loss],
    [`lesson7.w1B${b}`, ends[b]!.w1],
    [`lesson7.w2B${b}`, ends[b]!.w2],
  ]),
) as Record<PerPath, number>;

// Equal numbers of updates: as many as B = 1 makes in one epoch (50), so each batch size runs
// updates / ⌈50/B⌉ epochs: 1 at B = 1, 5 at B = 5, 50 at B = 50.
const equalUpdates = iterationsPerEpoch(GREENHOUSE_ROWS, 1);
const equalEpochs = Object.fromEntries(BATCH_SIZES.map((b) => [b, epochsForUpdates(equalUpdates, GREENHOUSE_ROWS, b)])) as Record<PathBatchSize, number>;
const equalEnd = (b: PathBatchSize, seed: number): number => pathStateAt(landscapePaths({ ...settings, seed, epochs: equalEpochs[b] })[b], Infinity).loss;
const equalLoss = Object.fromEntries(BATCH_SIZES.map((b) => [`lesson7.equalUpdatesLossB${b}`, equalEnd(b, settings.seed)])) as Record<
  `lesson7.equalUpdatesLossB${PathBatchSize}`,
  number
>;
// The same comparison over 20 shuffle seeds: one seed is one draw of the batch order.
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const survey = Object.fromEntries(BATCH_SIZES.map((b) => [b, SEEDS.map((seed) => equalEnd(b, seed))])) as Record<PathBatchSize, number[]>;
const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
type SurveyFact = `lesson7.equalSeeds${"Mean" | "Min" | "Max"}B${PathBatchSize}`;
const surveyFacts = Object.fromEntries(
  BATCH_SIZES.flatMap((b) => [
    [`lesson7.equalSeedsMeanB${b}`, mean(survey[b])],
    [`lesson7.equalSeedsMinB${b}`, Math.min(...survey[b])],
    [`lesson7.equalSeedsMaxB${b}`, Math.max(...survey[b])],
  ]),
) as Record<SurveyFact, number>;
const lowest = SEEDS.map((_, k) => BATCH_SIZES.reduce((best, b) => (survey[b][k]! < survey[best][k]! ? b : best)));

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
  "lesson7.equalUpdates": equalUpdates,
  "lesson7.equalEpochsB1": equalEpochs[1],
  "lesson7.equalEpochsB5": equalEpochs[5],
  "lesson7.equalEpochsB50": equalEpochs[50],
  ...equalLoss,
  "lesson7.equalSeeds": SEEDS.length,
  "lesson7.equalLowestB1": lowest.filter((b) => b === 1).length,
  "lesson7.equalLowestB5": lowest.filter((b) => b === 5).length,
  "lesson7.equalLowestB50": lowest.filter((b) => b === 50).length,
  ...surveyFacts,
} satisfies Record<`lesson7.${string}`, FactValue>;
