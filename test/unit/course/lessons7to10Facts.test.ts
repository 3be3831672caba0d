import { describe, expect, it } from "vitest";
import { FACTS as facts } from "../../../src/course/facts";
import { lstmTrainerDefault } from "../../../src/course/facts/lesson9";
import { DEFAULT_LANDSCAPE_SETTINGS, landscapePaths, pathStateAt } from "../../../src/course/landscape";
import { totalUpdates } from "../../../src/engine/batching";

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

  it("lesson 7 compares at equal updates: the epochs it names make the same number of updates at B = 1, 5 and 50", () => {
    expect(facts["lesson7.equalUpdates"]).toBe(50);
    for (const b of [1, 5, 50] as const) {
      expect(totalUpdates(50, b, facts[`lesson7.equalEpochsB${b}`]), `B = ${b}`).toBe(facts["lesson7.equalUpdates"]);
      const path = landscapePaths({ ...DEFAULT_LANDSCAPE_SETTINGS, epochs: facts[`lesson7.equalEpochsB${b}`] })[b];
      expect(pathStateAt(path, Infinity).totalUpdates).toBe(facts["lesson7.equalUpdates"]);
    }
    expect([facts["lesson7.equalEpochsB1"], facts["lesson7.equalEpochsB5"], facts["lesson7.equalEpochsB50"]]).toEqual([1, 5, 50]);
  });

  it("lesson 7's conclusion holds: in the figure's shuffle B = 1 ends lowest and B = 5 highest; over seeds the full batch never moves and B = 1 scatters most", () => {
    expect(facts["lesson7.equalUpdatesLossB1"]).toBeLessThan(facts["lesson7.equalUpdatesLossB50"]);
    expect(facts["lesson7.equalUpdatesLossB50"]).toBeLessThan(facts["lesson7.equalUpdatesLossB5"]);
    // The full batch is the same every epoch; only the order of summing its rows changes with the shuffle.
    expect(facts["lesson7.equalSeedsMaxB50"] - facts["lesson7.equalSeedsMinB50"]).toBeLessThan(1e-12);
    const spread = (b: 1 | 5) => facts[`lesson7.equalSeedsMaxB${b}`] - facts[`lesson7.equalSeedsMinB${b}`];
    expect(spread(1)).toBeGreaterThan(spread(5));
    expect(facts["lesson7.equalSeedsMeanB1"]).toBeGreaterThan(facts["lesson7.equalSeedsMeanB5"]);
    expect(facts["lesson7.equalSeedsMeanB1"]).toBeGreaterThan(facts["lesson7.equalSeedsMeanB50"]);
    expect(Math.abs(facts["lesson7.equalSeedsMeanB5"] - facts["lesson7.equalSeedsMeanB50"])).toBeLessThan(0.01);
    expect(facts["lesson7.equalLowestB1"] + facts["lesson7.equalLowestB5"] + facts["lesson7.equalLowestB50"]).toBe(facts["lesson7.equalSeeds"]);
    expect(facts["lesson7.equalLowestB1"]).toBeGreaterThan(0);
    expect(facts["lesson7.equalLowestB1"]).toBeLessThan(facts["lesson7.equalSeeds"] / 2);
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
