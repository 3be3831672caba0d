import { describe, expect, it } from "vitest";
import { createOptimizer } from "../../../src/engine/optimizers";

describe("optimizer updates", () => {
  const g = Float64Array.from([0.5, -2]);

  it("SGD moves by −lr·g", () => {
    const w = Float64Array.from([1, 1]);
    const update = new Float64Array(2);
    createOptimizer({ kind: "sgd", learningRate: 0.1 }, 2).step(w, g, update);
    expect(Array.from(update)).toEqual([-0.05, 0.2]);
    expect(Array.from(w)).toEqual([0.95, 1.2]);
  });

  it("momentum follows Keras: v = m·v − lr·g, w += v", () => {
    const w = Float64Array.from([0, 0]);
    const opt = createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: 0.9 }, 2);
    opt.step(w, g);
    opt.step(w, g);
    // v1 = −0.1g, v2 = 0.9·v1 − 0.1g = −0.19g; w = v1 + v2 = −0.29g
    expect(w[0]).toBeCloseTo(-0.29 * 0.5, 15);
    expect(w[1]).toBeCloseTo(0.58, 15);
  });

  it("Adam's first step is −lr·sign(g) up to ε, as the bias correction intends", () => {
    const w = Float64Array.from([0, 0]);
    createOptimizer({ kind: "adam", learningRate: 0.01 }, 2).step(w, g);
    expect(w[0]).toBeCloseTo(-0.01, 8);
    expect(w[1]).toBeCloseTo(0.01, 8);
  });

  it("reset forgets the optimizer's state", () => {
    const a = Float64Array.from([0, 0]);
    const b = Float64Array.from([0, 0]);
    const opt = createOptimizer({ kind: "adam", learningRate: 0.01 }, 2);
    opt.step(a, g);
    opt.step(a, Float64Array.from([1, 1]));
    opt.reset();
    expect(opt.steps).toBe(0);
    opt.step(b, g);
    expect(Array.from(b)).toEqual(Array.from(createOptimizerResult()));
    function createOptimizerResult(): Float64Array {
      const w = Float64Array.from([0, 0]);
      createOptimizer({ kind: "adam", learningRate: 0.01 }, 2).step(w, g);
      return w;
    }
  });

  it("rejects a negative learning rate", () => {
    expect(() => createOptimizer({ kind: "sgd", learningRate: -1 }, 2)).toThrow(/learningRate/);
  });
});
