import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countParameters, denseNetwork, layerParameterCount, parameterLayout, type ModelSpec } from "../../../src/engine/modelSpec";

const lstm = (units: number, features = 3): ModelSpec => ({
  inputSize: features,
  timesteps: 5,
  layers: [{ kind: "lstm", units }, { kind: "dense", units: 1, activation: "linear" }],
});

describe("one parameter count for every view of a network", () => {
  it("denseNetwork(3, [8], 1) is the course's 3-8-1: 8 tanh units, one linear output, 41 parameters", () => {
    expect(denseNetwork(3, [8], 1)).toEqual({
      inputSize: 3,
      layers: [
        { kind: "dense", units: 8, activation: "tanh" },
        { kind: "dense", units: 1, activation: "linear" },
      ],
    });
    expect(countParameters(denseNetwork(3, [8], 1))).toBe(41);
    expect(countParameters(denseNetwork(16, [], 32))).toBe(544);
  });

  it("the flat weight buffer's layout ends exactly at the parameter count, in both dense and LSTM networks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        (features, hidden, outputs, lstmUnits) => {
          const head = denseNetwork(lstmUnits ?? features, hidden, outputs);
          const spec: ModelSpec = lstmUnits === undefined ? head : { inputSize: features, timesteps: 4, layers: [{ kind: "lstm", units: lstmUnits }, ...head.layers] };
          const layout = parameterLayout(spec);
          const last = layout[layout.length - 1]!;
          expect(last.offset + last.size).toBe(countParameters(spec));
          layout.forEach((p, i) => expect(p.offset).toBe(i === 0 ? 0 : layout[i - 1]!.offset + layout[i - 1]!.size));
        },
      ),
    );
  });

  it("PyTorch counts 4H more for an LSTM (its second bias vector) and the same for a dense layer", () => {
    expect(countParameters(lstm(8), "keras")).toBe(384 + 9);
    expect(countParameters(lstm(8), "pytorch")).toBe(416 + 9);
    expect(layerParameterCount({ kind: "dense", units: 32, activation: "relu" }, 16, "pytorch")).toBe(544);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (features, units) => {
        expect(countParameters(lstm(units, features), "pytorch") - countParameters(lstm(units, features), "keras")).toBe(4 * units);
      }),
    );
  });
});
