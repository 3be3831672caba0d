import { describe, expect, it } from "vitest";
import { denseNetwork, trainingMemory, type TrainingMemorySpec } from "../../../src/engine";
import { describedNetworkSpec, featureComparison, percentChange, type DescribedNetwork } from "../../../src/course/memory";
import { batchSamples, budgetBytes, formatBytes, memoryAt, parseHiddenLayers } from "../../../src/widgets/MemoryCalculator/memoryHelpers";

const net: DescribedNetwork = { features: 3, timesteps: 1, lstmUnits: null, hidden: [256, 256], outputs: 1 };
const spec: TrainingMemorySpec = { network: describedNetworkSpec(net), bytesPerValue: 4, optimizer: "adam" };

describe("reading the list of hidden layers", () => {
  it("accepts commas, spaces and an empty list", () => {
    expect(parseHiddenLayers("256, 256")).toEqual({ ok: true, value: [256, 256] });
    expect(parseHiddenLayers(" 64 32,16 ")).toEqual({ ok: true, value: [64, 32, 16] });
    expect(parseHiddenLayers("8,")).toEqual({ ok: true, value: [8] });
    expect(parseHiddenLayers("")).toEqual({ ok: true, value: [] });
  });

  it("names the bad entry and says what is allowed", () => {
    const abc = parseHiddenLayers("256, abc");
    expect(abc.ok).toBe(false);
    if (!abc.ok) expect(abc.message).toBe("Hidden layer 2: “abc” is not a number. Write whole unit counts separated by commas, e.g. 256, 256.");
    const half = parseHiddenLayers("2.5");
    expect(!half.ok && half.message).toContain("whole number of units");
    const zero = parseHiddenLayers("0");
    expect(!zero.ok && zero.message).toContain("at least 1 unit");
    const negative = parseHiddenLayers("-4");
    expect(!negative.ok && negative.message).toContain("at least 1 unit");
    const huge = parseHiddenLayers("1e999");
    expect(!huge.ok && huge.message).toContain("at most 100,000 units");
    const many = parseHiddenLayers(Array(21).fill("8").join(","));
    expect(!many.ok && many.message).toContain("At most 20 hidden layers");
  });

  it("a pasted 100,000-character list gets a message at once, quoting nothing of it", () => {
    expect(parseHiddenLayers("8,".repeat(50_000))).toEqual({
      ok: false,
      message: "The list is 100,000 characters long; at most 20 layers of up to 100,000 units fit in 160.",
    });
    expect(parseHiddenLayers("\u202Eabc")).toMatchObject({ message: expect.stringContaining("“abc” is not a number") });
  });
});

describe("bytes for people", () => {
  it("uses decimal units with three significant figures", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(131_712)).toBe("132 kB");
    expect(formatBytes(1_204_880)).toBe("1.2 MB");
    expect(formatBytes(1e9)).toBe("1 GB");
    expect(budgetBytes(1, "GB")).toBe(1e9);
    expect(budgetBytes(100, "MB")).toBe(1e8);
  });
});

describe("the calculator's questions to the engine", () => {
  it("activations double with the batch size; the other terms stay", () => {
    const [a, b] = memoryAt(spec, [32, 64]);
    expect(b!.activations).toBe(2 * a!.activations);
    expect(b!.total - a!.total).toBe(a!.activations);
    expect(trainingMemory(spec, 64).weights).toBe(trainingMemory(spec, 32).weights);
  });

  it("3 → 300 features shrinks the largest batch in 1 GB by about a fifth, not a hundredfold", () => {
    const rows = featureComparison(net, spec, 1e9, [3, 30, 300]);
    expect(rows.map((r) => r.budget.batchSize)).toEqual([242_693, 236_462, 188_105]);
    const change = percentChange(rows[0]!.budget.batchSize, rows[2]!.budget.batchSize);
    expect(change).toBeGreaterThan(-25);
    expect(change).toBeLessThan(-20);
  });

  it("describes a window flattened into T·F dense inputs, or an LSTM over it, as the engine's network", () => {
    const windowed: DescribedNetwork = { ...net, timesteps: 5 };
    expect(describedNetworkSpec(windowed)).toEqual(denseNetwork(15, [256, 256], 1));
    expect(trainingMemory({ ...spec, network: describedNetworkSpec(windowed) }, 1).parameters).toBe(15 * 256 + 256 + 256 * 256 + 256 + 257);
    const lstm = describedNetworkSpec({ ...windowed, lstmUnits: 8, hidden: [] });
    expect(lstm).toEqual({ inputSize: 3, timesteps: 5, layers: [{ kind: "lstm", units: 8 }, { kind: "dense", units: 1, activation: "linear" }] });
    expect(trainingMemory({ ...spec, network: lstm }, 1).parameters).toBe(393);
  });

  it("samples batch sizes in powers of 4 up to the largest batch", () => {
    expect(batchSamples(100)).toEqual([1, 4, 16, 64, 100]);
    expect(batchSamples(0)).toEqual([1, 4, 16, 64]);
    expect(batchSamples(64)).toEqual([1, 4, 16, 64]);
  });
});
