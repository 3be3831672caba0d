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

describe("tanh's exponential branch (|x| ≥ 0.625, one division)", () => {
  it("agrees with Math.tanh within 2 ulp on a dense grid of [0.625, 22], both signs", () => {
    let worst = 0;
    for (let k = 0; k <= 100_000; k++) {
      const x = 0.625 + (21.375 * k) / 100_000;
      for (const v of [x, -x]) {
        const t = Math.tanh(v);
        worst = Math.max(worst, Math.abs(tanh(v) - t) / (ULP * Math.abs(t)));
      }
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it("is continuous across the switch at 0.625 and saturates exactly at 1 past 22", () => {
    const below = tanh(0.625 - 2 ** -50);
    const at = tanh(0.625);
    expect(at - below).toBeGreaterThan(0);
    expect(at - below).toBeLessThan(4 * ULP);
    expect(tanh(22)).toBe(Math.tanh(22));
    expect(tanh(22.5)).toBe(1);
    expect(tanh(-22.5)).toBe(-1);
  });
});
