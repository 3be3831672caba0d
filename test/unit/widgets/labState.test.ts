import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, describeSettings, labQuery, mergeLabQuery, parseLabQuery, quoteParam } from "../../../src/widgets/BatchSizeLab/labState";

describe("lab settings in the address", () => {
  it("reads a full, valid query", () => {
    const { state, ignored } = parseLabQuery("?b=13&lr=0.1&e=30&opt=momentum&model=linear&seed=7&shuffle=0&drop=1&x=iteration");
    expect(ignored).toEqual([]);
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
    expect(parseLabQuery("")).toEqual({ state: { ...DEFAULT_STATE }, ignored: [] });
  });

  it.each([
    ["b=abc", "Ignored b=abc in the address: batch size must be a whole number from 1 to 50."],
    ["b=-3", "Ignored b=-3 in the address: batch size must be a whole number from 1 to 50."],
    ["b=1e999", "Ignored b=1e999 in the address: batch size must be a whole number from 1 to 50."],
    ["b=0", "Ignored b=0 in the address: batch size must be a whole number from 1 to 50."],
    ["b=51", "Ignored b=51 in the address: batch size must be a whole number from 1 to 50."],
    ["b=2.5", "Ignored b=2.5 in the address: batch size must be a whole number from 1 to 50."],
    ["b=", "Ignored b= in the address: batch size must be a whole number from 1 to 50."],
    ["lr=0", "Ignored lr=0 in the address: learning rate must be a number from 0.0001 to 10."],
    ["lr=NaN", "Ignored lr=NaN in the address: learning rate must be a number from 0.0001 to 10."],
    ["lr=Infinity", "Ignored lr=Infinity in the address: learning rate must be a number from 0.0001 to 10."],
    ["opt=rmsprop", "Ignored opt=rmsprop in the address: optimizer must be sgd, momentum or adam."],
    ["model=cnn", "Ignored model=cnn in the address: model must be linear or mlp."],
    ["shuffle=true", "Ignored shuffle=true in the address: shuffle must be 0 (off) or 1 (on)."],
    ["x=time", "Ignored x=time in the address: the x axis must be epoch, iteration or samples."],
    ["e=0x10", "Ignored e=0x10 in the address: epochs must be a whole number from 1 to 100."],
  ])("ignores %s with a message and keeps the default", (query, message) => {
    const { state, ignored } = parseLabQuery(`?${query}`);
    expect(ignored).toEqual([message]);
    expect(state).toEqual({ ...DEFAULT_STATE });
  });

  it("quotes hostile values as plain, clipped text", () => {
    const { ignored } = parseLabQuery("?lr=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(ignored[0]).toBe("Ignored lr=<script>alert(1)</script> in the address: learning rate must be a number from 0.0001 to 10.");
    expect(quoteParam("a".repeat(40))).toBe(`${"a".repeat(30)}…`);
    expect(quoteParam("x\u0000y\u009fz\n")).toBe("xyz");
  });

  it("allows batch sizes up to the row count of the data in use", () => {
    expect(parseLabQuery("?b=200", 1000).state.batchSize).toBe(200);
    expect(parseLabQuery("?b=200").ignored).toHaveLength(1);
  });

  it("keeps parameters that are not the lab's when writing the address", () => {
    expect(mergeLabQuery("?utm_source=x&b=3", DEFAULT_STATE)).toBe("?utm_source=x&b=8&lr=0.05&e=20&opt=sgd&model=mlp&seed=1&shuffle=1&drop=0&x=epoch");
  });

  it("describes settings for pins and sweeps", () => {
    expect(describeSettings(DEFAULT_STATE)).toBe("B=8, lr=0.05, 20 epochs, SGD, MLP, seed 1, shuffled");
    expect(describeSettings({ ...DEFAULT_STATE, epochs: 1, dropLast: true, shuffle: false })).toBe("B=8, lr=0.05, 1 epoch, SGD, MLP, seed 1, fixed order, drop last");
  });
});
