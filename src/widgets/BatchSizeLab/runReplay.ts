/**
 * The weights of a run at any playhead position: trainRun's copy of the weights after every update
 * (the same loop that trained the run, so the last copy is the run's final weights bit for bit),
 * computed once per run, on first use: a run that is only looked at finished costs nothing more.
 * Also: the model's predictions for every row with given weights, and where each weight sits.
 */
import type { Dataset } from "../../engine/dataset";
import { createModel, type Model, type ParameterInfo } from "../../engine/model";
import { trainRun } from "../../engine/train";
import { labModelSpec, labTrainConfig, type LabSettings } from "../../course/lab";

/** Weights copies a replay may keep (updates × parameters): about 16 MB. */
export const MAX_REPLAY_NUMBERS = 2_000_000;
/** Row-epoch-feature products a replay may train again on the page (ten times what the lab trains live). */
export const MAX_REPLAY_WORK = 600_000;

/** Whether a run can be replayed on the page: its copies fit in memory and retraining it takes a moment at most. */
export function replayable(run: { updates: number; finalWeights: Float64Array; n: number; settings: { epochs: number } }, features: number): boolean {
  return (run.updates + 1) * run.finalWeights.length <= MAX_REPLAY_NUMBERS && run.n * run.settings.epochs * Math.max(features, 3) <= MAX_REPLAY_WORK;
}

export class RunReplay {
  private snapshots: Float64Array[] | null = null;

  /**
   * `end` and `finalWeights` describe the run as trainRun computed it: the playhead at `end` shows
   * those weights without training again.
   */
  constructor(
    private readonly settings: LabSettings,
    private readonly data: Dataset,
    private readonly end: number,
    private readonly finalWeights: Float64Array | null = null,
  ) {}

  /** Weights after u updates (u clamped to 0 … end). */
  weightsAt(u: number): Float64Array {
    const target = Math.max(0, Math.min(this.end, u));
    if (target === this.end && this.finalWeights) return this.finalWeights;
    // snapshots[0] is the starting weights, snapshots[u] the weights after update u.
    this.snapshots ??= trainRun({ ...labTrainConfig(this.settings, this.data), snapshots: "iteration" }).snapshots;
    return this.snapshots[Math.min(target, this.snapshots.length - 1)]!;
  }
}

/** One model per architecture, reused: predictions are asked for on every frame of a replay. */
const models = new Map<string, Model>();

function modelFor(model: LabSettings["model"], features: number): Model {
  const key = `${model}|${features}`;
  let found = models.get(key);
  if (!found) {
    found = createModel(labModelSpec(model, features), 0);
    models.set(key, found);
  }
  return found;
}

/** The model's output for every row of `data` with these weights (standardised units). */
export function predictRows(model: LabSettings["model"], data: Dataset, weights: Float64Array): Float64Array {
  const network = modelFor(model, data.features);
  network.setWeights(weights);
  return network.predict(data.x, data.n);
}

/** Where each weight matrix and bias vector of the lab's model sits in the flat weights. */
export function modelParameters(model: LabSettings["model"], features: number): ParameterInfo[] {
  return modelFor(model, features).parameters();
}
