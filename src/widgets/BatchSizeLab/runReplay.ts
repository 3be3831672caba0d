/**
 * The weights and predictions of a run at any playhead position, recomputed as the playhead moves
 * with the engine's stepper (the same arithmetic as trainRun, so stepping to the end lands on the
 * run's final weights bit for bit). Moving forward steps on from where the replay is; moving back
 * starts over. Only the position's weights are kept, so a long run costs no memory per update.
 */
import type { Dataset } from "../../engine/dataset";
import { createModel, type Model, type ParameterInfo } from "../../engine/model";
import { createTrainer, type Trainer } from "../../engine/stepper";
import { labTrainConfig, type RunSettings } from "./labRun";

export class RunReplay {
  private readonly trainer: Trainer;
  private readonly model: Model;
  private readonly data: Dataset;
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
    const config = labTrainConfig(settings, data);
    this.trainer = createTrainer(config);
    this.model = createModel(config.model, settings.seed);
    this.weights = this.model.getWeights();
    this.data = data;
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

  /** The model's output for every row with these weights (standardised units). */
  predictions(weights: Float64Array): Float64Array {
    this.model.setWeights(weights);
    return this.model.predict(this.data.x, this.data.n);
  }

  /** Where each weight matrix and bias vector sits in the flat weights. */
  parameters(): ParameterInfo[] {
    return this.model.parameters();
  }
}
