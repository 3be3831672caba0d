import { describe, expect, it } from "vitest";
import { exp, sigmoid, tanh } from "../../../src/engine/elementary";
import { createRng } from "../../../src/engine/random";

const ULP = 2 ** -52;

describe("exp, tanh and σ in plain arithmetic", () => {
  it("agree with Math.exp / Math.tanh within 2 ulp over a wide range", () => {
    const rng = createRng(1);
    // Largest error in units of the true value's ulp scale, collected first: one assertion, not 10⁵.
    let worstExp = 0;
    let worstTanh = 0;
    let worstSigmoid = 0;
    for (let k = 0; k < 50_000; k++) {
      const x = (rng() - 0.5) * (k % 2 ? 60 : 1400);
      const e = Math.exp(x);
      if (e > 1e-300 && Number.isFinite(e)) worstExp = Math.max(worstExp, Math.abs(exp(x) - e) / (ULP * e));
      const t = Math.tanh(x);
      if (t !== 0) worstTanh = Math.max(worstTanh, Math.abs(tanh(x) - t) / (ULP * Math.abs(t)));
      const s = 1 / (1 + Math.exp(-x));
      if (s > 1e-300) worstSigmoid = Math.max(worstSigmoid, Math.abs(sigmoid(x) - s) / (ULP * s));
    }
    expect(worstExp).toBeLessThanOrEqual(2);
    expect(worstTanh).toBeLessThanOrEqual(2);
    expect(worstSigmoid).toBeLessThanOrEqual(2);
  });

  it("handle the edges: 0, ±0, saturation, overflow, underflow and NaN", () => {
    expect(exp(0)).toBe(1);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(30)).toBe(1);
    expect(tanh(-30)).toBe(-1);
    expect(tanh(1e-300)).toBe(1e-300);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(exp(-740)).toBe(Math.exp(-740));
    expect(Number.isNaN(tanh(Number.NaN))).toBe(true);
    expect(Number.isNaN(exp(Number.NaN))).toBe(true);
    expect(sigmoid(0)).toBe(0.5);
  });
});
