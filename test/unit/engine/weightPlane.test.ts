import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/engine/dataset";
import { createModel } from "../../../src/engine/model";
import { planeLossGrid, planeSgdPath } from "../../../src/engine/weightPlane";

/**
 * ŷ = w₁x₁ + w₂x₂ + b on two rows x = (1, 0) and (0, 1), both targets 0, at w = (1, 2), b = 0:
 * L = (w₁² + w₂²)/2 on both rows, ∂L/∂w₁ = w₁ and ∂L/∂w₂ = w₂; row 1 alone has ∂ℓ/∂w₁ = 2w₁, row 2 ∂ℓ/∂w₂ = 2w₂.
 */
function unitRows(): { model: ReturnType<typeof createModel>; data: Dataset } {
  const model = createModel({ inputSize: 2, layers: [{ kind: "dense", units: 1, activation: "linear" }] }, 1);
  model.setWeights([1, 2, 0]);
  const data: Dataset = { n: 2, features: 2, x: Float64Array.from([1, 0, 0, 1]), y: Float64Array.from([0, 0]) };
  return { model, data };
}
const BOTH = Int32Array.from([0, 1]);
const AXES = { a: 0, b: 1 };

describe("the loss in the plane of two weights", () => {
  it("the grid holds (w₁² + w₂²)/2 at every point of a 3 × 3 grid over [0, 2]², row by row of w₂", () => {
    const { model, data } = unitRows();
    const g = planeLossGrid(model, data, BOTH, AXES, [0, 2], [0, 2], 3);
    expect(Array.from(g.grid)).toEqual([0, 0.5, 2, 0.5, 1, 2.5, 2, 2.5, 4]);
    expect([g.min, g.max]).toEqual([0, 4]);
    expect(Array.from(model.weights)).toEqual([1, 2, 0]);
  });

  it("one batch update moves (1, 2) to (0.9, 1.8) at η = 0.1 and the loss from 2.5 to 2.025", () => {
    const { model, data } = unitRows();
    const p = planeSgdPath(model, data, AXES, [BOTH], 0.1, BOTH);
    expect(Array.from(p.a)).toEqual([1, 0.9]);
    expect(p.b[1]).toBeCloseTo(1.8, 15);
    expect(p.loss[0]).toBe(2.5);
    expect(p.loss[1]).toBeCloseTo(2.025, 14);
  });

  it("the rows one at a time make two updates, (1, 2) → (0.8, 2) → (0.8, 1.6), loss 2.5 → 2.32 → 1.6", () => {
    const { model, data } = unitRows();
    const p = planeSgdPath(model, data, AXES, [Int32Array.of(0), Int32Array.of(1)], 0.1, BOTH);
    expect(Array.from(p.a, (v) => Number(v.toFixed(12)))).toEqual([1, 0.8, 0.8]);
    expect(Array.from(p.b, (v) => Number(v.toFixed(12)))).toEqual([2, 2, 1.6]);
    expect(Array.from(p.loss, (v) => Number(v.toFixed(12)))).toEqual([2.5, 2.32, 1.6]);
    expect(Array.from(model.weights)).toEqual([1, 2, 0]);
  });

  it("only the two weights move: the bias keeps its value though its gradient is not zero", () => {
    const { model, data } = unitRows();
    model.setWeights([1, 2, 0.5]);
    const p = planeSgdPath(model, data, { a: 0, b: 2 }, [BOTH], 0.1, BOTH);
    // ∂L/∂w₁ = (1.5·1 + 0)·2/2 = 1.5 and ∂L/∂b = (1.5 + 2.5)·2/2 = 4; w₂ = 2 stays.
    expect(p.a[1]).toBeCloseTo(0.85, 14);
    expect(p.b[1]).toBeCloseTo(0.1, 14);
    expect(model.weights[1]).toBe(2);
  });

  it("refuses the same weight twice, an index outside the model and a learning rate that is not positive", () => {
    const { model, data } = unitRows();
    expect(() => planeLossGrid(model, data, BOTH, { a: 1, b: 1 }, [0, 1], [0, 1], 3)).toThrow(/two different weights/);
    expect(() => planeSgdPath(model, data, { a: 0, b: 3 }, [BOTH], 0.1, BOTH)).toThrow(/outside 0..2/);
    expect(() => planeSgdPath(model, data, AXES, [BOTH], 0, BOTH)).toThrow(RangeError);
  });
});
