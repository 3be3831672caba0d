import { describe, expect, it } from "vitest";
import { FACTS as facts } from "../../../src/course/facts";

describe("lesson 6 facts", () => {
  it("quotes the course's arithmetic for 50 rows", () => {
    expect(facts["lab.itB8"]).toBe(7);
    expect(facts["lab.lastB8"]).toBe(2);
    expect(facts["lab.itB8Drop"]).toBe(6);
    expect(facts["lab.unusedB8Drop"]).toBe(2);
    expect(facts["lab.itB7"]).toBe(8);
    expect(facts["lab.lastB7"]).toBe(1);
    expect(facts["lab.updatesB10E20"]).toBe(100);
    expect(facts["lab.updatesB1E20"]).toBe(1000);
    expect(facts["lab.updatesB50E20"]).toBe(20);
  });

  it("has the stories the prose tells: B = 1 ends lower than B = 50, linear scaling breaks at B = 25, lr 5 diverges", () => {
    expect(Number(facts["lab.lossB1"])).toBeLessThan(Number(facts["lab.lossB50"]));
    expect(Number(facts["lab.lossRatioB50B1"])).toBeGreaterThan(1);
    expect(Number(facts["lab.scaleLossB10"])).toBeLessThan(0.05);
    expect(Number(facts["lab.scaleLossB25"])).toBeGreaterThan(1);
    expect(Number.isInteger(facts["lab.divergeUpdate"])).toBe(true);
    expect(facts["lab.noiseB50"]).toBe("0");
  });

  it("compares B = 1 and B = 50 at equal updates, and there the full batch ends lower (the gain of small batches is their number of steps)", () => {
    expect(facts["lab.updatesB1E2"]).toBe(facts["lab.equalUpdates"]);
    expect(facts["lab.updatesB50E100"]).toBe(facts["lab.equalUpdates"]);
    expect([facts["lab.equalEpochsB1"], facts["lab.equalEpochsB50"]]).toEqual([2, 100]);
    expect(Number(facts["lab.lossB50E100"])).toBeLessThan(Number(facts["lab.lossB1E2"]));
    expect([facts["lab.samplesB1E2"], facts["lab.samplesB50E100"]]).toEqual([100, 5000]);
  });
});
