/**
 * The loss of the whole data set after every update of a run: what a pinned run keeps, so that it
 * can be compared with another at full resolution on the iterations and samples-seen axes (the
 * full-dataset loss after each epoch has only one point per epoch: 21 points for 1,000 updates at
 * batch size 1). The engine trains with a copy of the weights after each update and evaluates each.
 */
import type { Dataset } from "../../engine/dataset";
import { createModel } from "../../engine/model";
import { trainRun } from "../../engine/train";
import { labTrainConfig, type LabSettings } from "../../course/lab";

/** Row evaluations one curve may cost (updates × rows ÷ stride); beyond it every stride-th update is evaluated. */
export const MAX_CURVE_EVALUATIONS = 2_000_000;

export interface UpdateLossCurve {
  /** losses[i] is the full-dataset loss after update (i + 1)·stride. */
  losses: Float64Array;
  stride: number;
}

/** The evaluation stride for a run of `updates` updates on `n` rows: 1 unless the curve would cost too much. */
export function curveStride(updates: number, n: number): number {
  return Math.max(1, Math.ceil((updates * n) / MAX_CURVE_EVALUATIONS));
}

export function lossAfterEachUpdate(settings: LabSettings, data: Dataset): UpdateLossCurve {
  const config = labTrainConfig(settings, data);
  const result = trainRun({ ...config, snapshots: "iteration", fullLossEachEpoch: false });
  const stride = curveStride(result.updates, data.n);
  const model = createModel(config.model, settings.seed);
  // snapshots[0] holds the starting weights; snapshots[u] the weights after update u.
  const count = Math.floor(result.updates / stride);
  const losses = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    model.setWeights(result.snapshots[(i + 1) * stride]!);
    losses[i] = model.datasetLoss(data.x, data.y, data.n);
  }
  return { losses, stride };
}
