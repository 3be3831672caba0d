import { describe, expect, it } from "vitest";
import { gradientNoise, perSampleGradientStatistics, predictedGradientVariance } from "../../../src/engine/gradientNoise";
import { createModel, type ModelSpec } from "../../../src/engine/model";
import { greenhouse } from "./fixtures";

const spec: ModelSpec = {
  inputSize: 3,
  layers: [
    { kind: "dense", units: 8, activation: "tanh" },
    { kind: "dense", units: 1, activation: "linear" },
  ],
};
const data = greenhouse();
const weights = createModel(spec, 4).getWeights();

describe("gradient noise", () => {
  it("the predicted variance (σ²/B)(N−B)/(N−1) is σ² at B = 1 and exactly 0 at B = N", () => {
    expect(predictedGradientVariance(2, 50, 1)).toBe(2);
    expect(predictedGradientVariance(2, 50, 50)).toBe(0);
    expect(predictedGradientVariance(2, 1, 1)).toBe(0);
  });

  it("at B = N every batch is the whole set, so the measured variance is exactly 0 too", () => {
    const [point] = gradientNoise({ model: spec, data, weights, batchSizes: [50], samplesPerBatchSize: 5, seed: 1 });
    expect(point!.measuredVariance).toBe(0);
    expect(point!.predictedVariance).toBe(0);
  });

  it("at B = 1 the measured variance is the mean over random rows of ‖g_i − g‖², close to σ²", () => {
    const { sigma2 } = perSampleGradientStatistics(spec, data, weights);
    const [point] = gradientNoise({ model: spec, data, weights, batchSizes: [1], samplesPerBatchSize: 4000, seed: 2 });
    expect(point!.predictedVariance).toBe(sigma2);
    expect(Math.abs(point!.measuredVariance / sigma2 - 1)).toBeLessThan(0.15);
  });

  it("the measured variance tracks the prediction within sampling error for B = 2, 5, 10, 25, 40", () => {
    const points = gradientNoise({ model: spec, data, weights, batchSizes: [2, 5, 10, 25, 40], samplesPerBatchSize: 3000, seed: 3 });
    for (const p of points) {
      expect(Math.abs(p.measuredVariance / p.predictedVariance - 1)).toBeLessThan(0.15);
      expect(p.measuredStd).toBeCloseTo(Math.sqrt(p.measuredVariance), 15);
    }
    // Variance falls as B grows.
    for (let i = 1; i < points.length; i++) expect(points[i]!.predictedVariance).toBeLessThan(points[i - 1]!.predictedVariance);
  });
});
