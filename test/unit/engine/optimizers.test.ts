import { describe, expect, it } from "vitest";
import { createOptimizer, type OptimizerConfig } from "../../../src/engine/optimizers";

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

  it("rejects a negative learning rate, and coefficients outside their ranges with their names", () => {
    expect(() => createOptimizer({ kind: "sgd", learningRate: -1 }, 2)).toThrow(/learningRate/);
    expect(() => createOptimizer({ kind: "momentum", learningRate: 0.1, momentum: 1 }, 2)).toThrow(/momentum must be a number from 0 up to/);
    expect(() => createOptimizer({ kind: "adam", learningRate: 0.1, beta2: -0.5 }, 2)).toThrow(/beta2/);
    expect(() => createOptimizer({ kind: "adam", learningRate: 0.1, epsilon: 0 }, 2)).toThrow(/epsilon must be a number > 0/);
  });

  it("each setting exists only on its optimizer (the type checker rejects the rest)", () => {
    // @ts-expect-error plain SGD has no momentum
    const sgd: OptimizerConfig = { kind: "sgd", learningRate: 0.1, momentum: 0.9 };
    // @ts-expect-error β1 is Adam's
    const momentum: OptimizerConfig = { kind: "momentum", learningRate: 0.1, beta1: 0.9 };
    expect([sgd.kind, momentum.kind]).toEqual(["sgd", "momentum"]);
  });
});
