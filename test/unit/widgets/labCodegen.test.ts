import { describe, expect, it } from "vitest";
import { kerasCode, pytorchCode } from "../../../src/widgets/BatchSizeLab/codegen";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";

const data = { fileName: "greenhouse.csv", featureNames: ["temperature_c", "humidity_pct", "light_klux"], targetName: "water_use_ml", n: 50 };
const base = runSettings({ ...DEFAULT_STATE });

describe("Keras code for the lab's settings", () => {
  it("declares the input layer, the MLP, SGD and fit with batch_size, epochs and shuffle", () => {
    const code = kerasCode(base, data);
    expect(code).toContain("keras.Input(shape=(3,))");
    expect(code).toContain('layers.Dense(8, activation="tanh")');
    expect(code).toContain("keras.optimizers.SGD(learning_rate=0.05)");
    expect(code).toContain("model.fit(X, y, batch_size=8, epochs=20, shuffle=True)");
    expect(code).toContain("7 iterations per epoch, 140 weight updates in 20 epochs");
    expect(code).toContain('df[["temperature_c", "humidity_pct", "light_klux"]]');
  });

  it("uses tf.data with drop_remainder=True for drop last, since fit has no drop_last", () => {
    const code = kerasCode({ ...base, dropLast: true }, data);
    expect(code).toContain("ds.batch(8, drop_remainder=True)");
    expect(code).toContain("reshuffle_each_iteration=True");
    expect(code).toContain("model.fit(ds, epochs=20)");
    expect(code).toContain("6 iterations per epoch, 120 weight updates");
    expect(kerasCode({ ...base, dropLast: true, shuffle: false }, data)).not.toContain("ds.shuffle");
  });

  it("spells momentum, Adam and a linear model", () => {
    expect(kerasCode({ ...base, optimizer: "momentum" }, data)).toContain("SGD(learning_rate=0.05, momentum=0.9)");
    expect(kerasCode({ ...base, optimizer: "adam", learningRate: 1 }, data)).toContain("Adam(learning_rate=1.0)");
    const linear = kerasCode({ ...base, model: "linear" }, data);
    expect(linear).not.toContain("tanh");
    expect(linear).toContain("layers.Dense(1),");
  });
});

describe("PyTorch code for the lab's settings", () => {
  it("builds a DataLoader with batch_size, shuffle and drop_last and the training loop", () => {
    const code = pytorchCode({ ...base, batchSize: 10, dropLast: true, shuffle: false }, data);
    expect(code).toContain("DataLoader(TensorDataset(X, y), batch_size=10, shuffle=False, drop_last=True)");
    expect(code).toContain("nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))");
    expect(code).toContain("for epoch in range(20):");
    expect(code).toContain("optimizer.step()");
    expect(code).toContain("nn.init.xavier_uniform_");
    expect(pytorchCode({ ...base, optimizer: "adam" }, data)).toContain("torch.optim.Adam(model.parameters(), lr=0.05, eps=1e-7)");
  });

  it("writes column names as safe Python string literals", () => {
    const code = pytorchCode(base, { ...data, featureNames: ['a"b', "c\\d"], targetName: "t'" });
    expect(code).toContain('df[["a\\"b", "c\\\\d"]]');
    expect(code).toContain("nn.Linear(2, 8)");
  });
});
