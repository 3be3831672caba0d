/**
 * The weights of a run at any playhead position, recomputed as the playhead moves with the engine's
 * stepper (the same arithmetic as trainRun, so stepping to the end lands on the run's final weights
 * bit for bit). Moving forward steps on from where the replay is; moving back starts over. Only the
 * position's weights are kept, so a long run costs no memory per update. Also: the model's
 * predictions for every row with given weights, and where each weight sits.
 */
import type { Dataset } from "../../engine/dataset";
import { createModel, type Model, type ParameterInfo } from "../../engine/model";
import { createTrainer, type Trainer } from "../../engine/stepper";
import { labModelSpec, labTrainConfig, type RunSettings } from "./labRun";

export class RunReplay {
  private readonly trainer: Trainer;
  private at = 0;
  private weights: Float64Array;

  /**
   * `end` and `finalWeights` describe the run as trainRun computed it: the playhead at `end` shows
   * those weights without stepping there.
   */
  constructor(
    settings: RunSettings,
    data: Dataset,
    private readonly end: number,
    private readonly finalWeights: Float64Array | null = null,
  ) {
    this.trainer = createTrainer(labTrainConfig(settings, data));
    this.weights = this.trainer.state.weights;
  }

  /** Weights after u updates (u clamped to 0 … end). */
  weightsAt(u: number): Float64Array {
    const target = Math.max(0, Math.min(this.end, u));
    if (target === this.end && this.finalWeights) return this.finalWeights;
    if (target < this.at) {
      this.trainer.reset();
      this.at = 0;
      this.weights = this.trainer.state.weights;
    }
    while (this.at < target) {
      const record = this.trainer.step();
      if (!record) break;
      this.weights = record.weightsAfter;
      this.at++;
    }
    return this.weights;
  }
}

/** One model per architecture, reused: predictions are asked for on every frame of a replay. */
const models = new Map<string, Model>();

function modelFor(model: RunSettings["model"], features: number): Model {
  const key = `${model}|${features}`;
  let found = models.get(key);
  if (!found) {
    found = createModel(labModelSpec(model, features), 0);
    models.set(key, found);
  }
  return found;
}

/** The model's output for every row of `data` with these weights (standardised units). */
export function predictRows(model: RunSettings["model"], data: Dataset, weights: Float64Array): Float64Array {
  const network = modelFor(model, data.features);
  network.setWeights(weights);
  return network.predict(data.x, data.n);
}

/** Where each weight matrix and bias vector of the lab's model sits in the flat weights. */
export function modelParameters(model: RunSettings["model"], features: number): ParameterInfo[] {
  return modelFor(model, features).parameters();
}
