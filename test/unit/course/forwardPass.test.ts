import { describe, expect, it } from "vitest";
import { columnStats, createModel } from "../../../src/engine";
import { greenhouseTable } from "../../../src/course/data";
import { FACTS as facts } from "../../../src/course/facts";
import { forwardWalk } from "../../../src/course/forwardPass";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED } from "../../../src/course/networks";
import { formatFixed } from "../../../src/widgets/lib/formatFixed";

const greenhouse = greenhouseTable();

describe("forwardWalk", () => {
  const walk = forwardWalk(0);

  it("standardises row 1 with the table's own means and population stds", () => {
    const stats = columnStats(greenhouse);
    walk.x.forEach((value, j) => expect(value).toBeCloseTo((greenhouse.x[j]! - stats.features[j]!.mean) / stats.features[j]!.std, 12));
    expect(walk.raw).toEqual([greenhouse.x[0], greenhouse.x[1], greenhouse.x[2]]);
  });

  it("each hidden pre-activation is the row times that unit's column of W1 plus its bias", () => {
    expect(walk.w1).toHaveLength(3);
    walk.z1.forEach((z, k) => {
      const sum = walk.x.reduce((acc, x, i) => acc + x * walk.w1[i]![k]!, walk.b1[k]!);
      expect(z).toBeCloseTo(sum, 12);
      expect(walk.a1[k]).toBeCloseTo(Math.tanh(z), 12);
    });
  });

  it("the output is the activations times W2 plus b2, and the loss its squared miss", () => {
    const sum = walk.a1.reduce((acc, a, k) => acc + a * walk.w2[k]!, walk.b2);
    expect(walk.yHat).toBeCloseTo(sum, 12);
    expect(walk.squaredError).toBeCloseTo((walk.yHat - walk.y) ** 2, 12);
    expect(walk.yHatRaw).toBeCloseTo(walk.yHat * walk.targetStd + walk.targetMean, 9);
  });

  it("agrees with the engine's own forward pass for every row", () => {
    const model = createModel(GREENHOUSE_NET, GREENHOUSE_NET_SEED);
    for (const row of [0, 9, 49]) {
      const w = forwardWalk(row);
      expect(w.yHat).toBe(model.forwardTrace(new Float64Array(w.x)).output[0]);
    }
  });

  it("starts untrained: zero biases, 41 parameters", () => {
    expect(walk.b1.every((b) => b === 0)).toBe(true);
    expect(walk.b2).toBe(0);
    expect(walk.parameterCount).toBe(41);
  });

  it("rejects rows outside the table", () => {
    expect(() => forwardWalk(50)).toThrow(RangeError);
    expect(() => forwardWalk(-1)).toThrow(RangeError);
    expect(() => forwardWalk(1.5)).toThrow(RangeError);
  });
});

describe("formatFixed", () => {
  it("uses a true minus sign, never prints −0, and shows a dash for a number that is not finite", () => {
    expect(formatFixed(-0.7344, 3)).toBe("\u22120.734");
    expect(formatFixed(0.1235, 2)).toBe("0.12");
    expect(formatFixed(-0.0001, 3)).toBe("0.000");
    expect(formatFixed(2, 3)).toBe("2.000");
    expect(formatFixed(Number.NaN, 3)).toBe("—");
  });
});

describe("lessons 1-3 facts", () => {
  it("quote the course's fixed answers", () => {
    expect(facts["lesson1.rows"]).toBe(50);
    expect(facts["lesson1.features"]).toBe(3);
    expect(facts["lesson1.values"]).toBe(200);
    expect(facts["lesson2.ourNetParams"]).toBe(41);
    expect(facts["lesson2.ourNetParamsAtBatch5"]).toBe(41);
    expect(facts["lesson2.inputUnitsAtBatch5"]).toBe(3);
    expect(facts["lesson2.kerasDocsParams"]).toBe(544);
    expect(facts["lesson2.kerasDocsWeights"]).toBe(512);
    expect(facts["lesson3.params"]).toBe(41);
  });
  it("lesson 3's claim: row 1's miss (0.247 standard deviations) is the smallest of rows 1–5, row 5's the largest", () => {
    const misses = [0, 1, 2, 3, 4].map((row) => Math.abs(forwardWalk(row).yHat - forwardWalk(row).y));
    expect(misses[0]).toBeCloseTo(0.247, 3);
    expect(Math.min(...misses)).toBe(misses[0]);
    expect(facts["lesson3.largestMissRow"]).toBe(5);
    expect(facts["lesson3.largestMiss"]).toBe(Math.max(...misses));
  });

  it("lesson 3's products add up to z1", () => {
    const sum = facts["lesson3.p1"] + facts["lesson3.p2"] + facts["lesson3.p3"];
    expect(sum).toBeCloseTo(facts["lesson3.z1"], 12);
  });
});
