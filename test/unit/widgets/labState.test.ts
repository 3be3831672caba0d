import { describe, expect, it } from "vitest";
import {
  DEFAULT_STATE, describeSettings, labQuery, mergeLabQuery, parseLabQuery, quoteParam, reconcileLabState,
} from "../../../src/widgets/BatchSizeLab/labState";

const greenhouse = { n: 50, description: "the greenhouse table" };

describe("settings fitted to the data in use", () => {
  it("a 3-row table at batch 8: the lab uses 3, and says so", () => {
    expect(reconcileLabState({ ...DEFAULT_STATE }, { n: 3, description: "your table" })).toEqual({
      state: { ...DEFAULT_STATE, batchSize: 3 },
      notices: ["Batch size 8 is more than the 3 rows of your table, so the lab uses 3."],
    });
  });

  it("back to the greenhouse table from batch 600: the lab uses 50", () => {
    expect(reconcileLabState({ ...DEFAULT_STATE, batchSize: 600 }, greenhouse)).toEqual({
      state: { ...DEFAULT_STATE, batchSize: 50 },
      notices: ["Batch size 600 is more than the 50 rows of the greenhouse table, so the lab uses 50."],
    });
  });

  it("settings that fit are returned unchanged, with nothing to say", () => {
    const state = { ...DEFAULT_STATE, batchSize: 50 };
    expect(reconcileLabState(state, greenhouse)).toEqual({ state, notices: [] });
  });
});

describe("lab settings in the address", () => {
  it("reads a full, valid query", () => {
    const { state, notices } = parseLabQuery("?b=13&lr=0.1&e=30&opt=momentum&model=linear&seed=7&shuffle=0&drop=1&x=iteration");
    expect(notices).toEqual([]);
    expect(state).toEqual({
      batchSize: 13, learningRate: 0.1, epochs: 30, optimizer: "momentum", model: "linear",
      seed: 7, shuffle: false, dropLast: true, xAxis: "iteration",
    });
  });

  it("round-trips every state through labQuery", () => {
    const state = { ...DEFAULT_STATE, batchSize: 50, learningRate: 0.0001, epochs: 100, optimizer: "adam" as const, xAxis: "samples" as const };
    expect(parseLabQuery(labQuery(state)).state).toEqual(state);
    expect(labQuery(DEFAULT_STATE)).toBe("?b=8&lr=0.05&e=20&opt=sgd&model=mlp&seed=1&shuffle=1&drop=0&x=epoch");
  });

  it("an empty query gives the defaults with nothing ignored", () => {
    expect(parseLabQuery("")).toEqual({ state: { ...DEFAULT_STATE }, notices: [] });
  });

  it.each([
    ["b=abc", "Ignored b=abc in the address: batch size must be a whole number from 1 to 50. The lab uses the default."],
    ["b=1e999", "Ignored b=1e999 in the address: batch size must be a whole number from 1 to 50. The lab uses the default."],
    ["b=2.5", "Ignored b=2.5 in the address: batch size must be a whole number from 1 to 50. The lab uses the default."],
    ["b=", "Ignored b= in the address: batch size must be a whole number from 1 to 50. The lab uses the default."],
    ["lr=NaN", "Ignored lr=NaN in the address: learning rate must be a number from 0.0001 to 10. The lab uses the default."],
    ["lr=Infinity", "Ignored lr=Infinity in the address: learning rate must be a number from 0.0001 to 10. The lab uses the default."],
    ["opt=rmsprop", "Ignored opt=rmsprop in the address: optimizer must be sgd, momentum or adam. The lab uses the default."],
    ["model=cnn", "Ignored model=cnn in the address: model must be linear or mlp. The lab uses the default."],
    ["shuffle=true", "Ignored shuffle=true in the address: shuffle must be 0 (off) or 1 (on). The lab uses the default."],
    ["x=time", "Ignored x=time in the address: the x axis must be epoch, iteration or samples. The lab uses the default."],
    ["e=0x10", "Ignored e=0x10 in the address: epochs must be a whole number from 1 to 100. The lab uses the default."],
  ])("ignores malformed %s with a message and keeps the default", (query, message) => {
    const { state, notices } = parseLabQuery(`?${query}`);
    expect(notices).toEqual([message]);
    expect(state).toEqual({ ...DEFAULT_STATE });
  });

  it.each([
    ["e=200", { epochs: 100 }, "The address asks for epochs = 200; the most the lab allows is 100, so it uses 100."],
    ["e=0", { epochs: 1 }, "The address asks for epochs = 0; the least the lab allows is 1, so it uses 1."],
    ["b=0", { batchSize: 1 }, "The address asks for batch size = 0; the least the lab allows is 1, so it uses 1."],
    ["b=-3", { batchSize: 1 }, "The address asks for batch size = -3; the least the lab allows is 1, so it uses 1."],
    ["lr=0", { learningRate: 0.0001 }, "The address asks for learning rate = 0; the least the lab allows is 0.0001, so it uses 0.0001."],
    ["lr=50", { learningRate: 10 }, "The address asks for learning rate = 50; the most the lab allows is 10, so it uses 10."],
    ["seed=-3", { seed: 0 }, "The address asks for seed = -3; the least the lab allows is 0, so it uses 0."],
    ["seed=5000000", { seed: 999_999 }, "The address asks for seed = 5000000; the most the lab allows is 999,999, so it uses 999,999."],
  ])("clamps out-of-range %s into range, saying what was asked and what is used", (query, patch, message) => {
    const { state, notices } = parseLabQuery(`?${query}`);
    expect(state).toEqual({ ...DEFAULT_STATE, ...patch });
    expect(notices).toEqual([message]);
  });

  it("quotes hostile values as plain, clipped text, without bidi controls", () => {
    const { notices } = parseLabQuery("?lr=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(notices[0]).toBe("Ignored lr=<script>alert(1)</script> in the address: learning rate must be a number from 0.0001 to 10. The lab uses the default.");
    expect(quoteParam("a".repeat(40))).toBe(`${"a".repeat(30)}…`);
    expect(quoteParam("x\u0000y\u009fz\n")).toBe("xyz ");
    expect(parseLabQuery(`?opt=${encodeURIComponent("\u202Eadam")}x`).notices[0]).toBe(
      "Ignored opt=adamx in the address: optimizer must be sgd, momentum or adam. The lab uses the default.",
    );
  });

  it("leaves a batch size above the rows to reconcileLabState, which fits it to the data in use", () => {
    expect(parseLabQuery("?b=200", 1000)).toEqual({ state: { ...DEFAULT_STATE, batchSize: 200 }, notices: [] });
    expect(reconcileLabState(parseLabQuery("?b=200").state, greenhouse)).toEqual({
      state: { ...DEFAULT_STATE, batchSize: 50 },
      notices: ["Batch size 200 is more than the 50 rows of the greenhouse table, so the lab uses 50."],
    });
    expect(reconcileLabState({ ...DEFAULT_STATE, batchSize: 600 }, { n: 1000, description: "your table" })).toEqual({
      state: { ...DEFAULT_STATE, batchSize: 600 },
      notices: [],
    });
  });

  it("keeps parameters that are not the lab's when writing the address", () => {
    expect(mergeLabQuery("?utm_source=x&b=3", DEFAULT_STATE)).toBe("?utm_source=x&b=8&lr=0.05&e=20&opt=sgd&model=mlp&seed=1&shuffle=1&drop=0&x=epoch");
  });

  it("describes settings for pins and sweeps", () => {
    expect(describeSettings(DEFAULT_STATE)).toBe("B=8, lr=0.05, 20 epochs, SGD, MLP, seed 1, shuffled");
    expect(describeSettings({ ...DEFAULT_STATE, epochs: 1, dropLast: true, shuffle: false })).toBe("B=8, lr=0.05, 1 epoch, SGD, MLP, seed 1, fixed order, drop last");
  });
});
