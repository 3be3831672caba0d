import { describe, expect, it } from "vitest";
import { FACTS as facts } from "../../../src/course/facts";
import { lstmTrainerDefault } from "../../../src/course/facts/lesson9";

describe("facts quoted in lessons 7–10 (COURSE.md's facts table)", () => {
  it("N = 50 at B = 5, 8, 7, 1 and 50", () => {
    expect(facts["lesson10.itersB5"]).toBe(10);
    expect([facts["lesson10.itersB8"], facts["lesson10.lastB8"]]).toEqual([7, 2]);
    expect([facts["lesson10.itersB8Drop"], facts["lesson10.unusedB8Drop"]]).toEqual([6, 2]);
    expect([facts["lesson10.itersB7"], facts["lesson10.lastB7"]]).toEqual([8, 1]);
    expect([facts["lesson10.itersB1"], facts["lesson10.itersB50"]]).toEqual([50, 1]);
  });

  it("framework defaults on 50 rows, total updates, Dense(32, input_shape=(16,)) and windows", () => {
    expect([facts["lesson10.kerasDefaultSteps"], facts["lesson10.kerasDefaultLast"]]).toEqual([2, 18]);
    expect(facts["lesson10.loaderDefaultSteps"]).toBe(50);
    expect(facts["lesson10.updates20x10"]).toBe(100);
    expect(facts["lesson10.dense16to32"]).toBe(544);
    expect(facts["lesson10.windowsT5"]).toBe(46);
    expect([facts["lesson9.kerasH8"], facts["lesson9.pytorchH8"]]).toEqual([384, 416]);
  });

  it("lesson 7: 5 epochs make 250, 50 and 5 updates, and every path ends lower than it started", () => {
    expect([facts["lesson7.updatesB1"], facts["lesson7.updatesB5"], facts["lesson7.updatesB50"]]).toEqual([250, 50, 5]);
    for (const b of [1, 5, 50] as const) expect(facts[`lesson7.lossB${b}`]).toBeLessThan(facts["lesson7.startLoss"]);
  });

  it("lesson 8: activations double from B = 32 to 64; features move the largest batch far less than width", () => {
    expect(facts["lesson8.parameters"]).toBe(67_073);
    expect(facts["lesson8.activations64"]).toBe(2 * (facts["lesson8.activations32"]));
    expect(facts["lesson8.changeF300"]).toBeLessThan(facts["lesson8.changeWide"]);
    expect(facts["lesson8.changeF30"]).toBeLessThan(5);
  });

  it("lesson 9: the default LSTM run is finite and its curves span every epoch", () => {
    expect(lstmTrainerDefault.lstm.trainCurve).toHaveLength(lstmTrainerDefault.settings.epochs + 1);
    expect(Number.isFinite(lstmTrainerDefault.lstm.finalValidation)).toBe(true);
    expect(facts["lesson9.lstmParameters"]).toBe(393);
    expect(facts["lesson9.mlpParameters"]).toBe(41);
  });
});
