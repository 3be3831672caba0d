import { describe, expect, it } from "vitest";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { runLab } from "../../../src/course/lab";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import { pytorchCode } from "../../../src/widgets/BatchSizeLab/codegen";
import {
  kerasLines, kerasMetric, kerasMidEpochLoss, lineText, pythonFixed4, pytorchLines,
} from "../../../src/widgets/BatchSizeLab/trainingConsole";

const base = runSettings({ ...DEFAULT_STATE });
const data = GREENHOUSE_DATA.dataset;
const run = runLab(base, data);

describe("what Keras' fit(verbose=1) prints for the lab's run", () => {
  it("batch 8 on 50 rows: Epoch 1/20, then 7/7 with the epoch's batch-size-weighted running loss", () => {
    const lines = kerasLines(run, run.updates).map(lineText);
    expect(lines).toHaveLength(40);
    expect(lines[0]).toBe("Epoch 1/20");
    expect(lines[1]).toBe("7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.6390");
    expect(lines[3]).toBe("7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.0461");
    expect(lines[38]).toBe("Epoch 20/20");
    // The printed loss is the engine's epochRunningLoss: Σ B_k·L_k / Σ B_k over the epoch's batches.
    const weighted = run.batchRows.reduce((sum, b, i) => sum + b * run.batchLoss[i]!, 0) / 50;
    expect(run.epochRunningLoss[0]).toBeCloseTo(weighted, 15);
    expect(kerasMetric(run.epochRunningLoss[0]!)).toBe("0.6390");
  });

  it("mid-epoch the bar shows its count, 8 of 20 bars green at 3/7, and the mean of the running means", () => {
    const lines = kerasLines(run, 10);
    expect(lines.map(lineText)).toEqual([
      "Epoch 1/20",
      "7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.6390",
      "Epoch 2/20",
      "3/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.0517",
    ]);
    expect(lines[3]!.find((s) => s.role === "bar-done")!.text).toHaveLength(8);
    expect(lines[3]!.find((s) => s.role === "bar-todo")!.text).toHaveLength(12);
    const [l1, l2, l3] = [run.batchLoss[7]!, run.batchLoss[8]!, run.batchLoss[9]!];
    expect(kerasMidEpochLoss(run, 1, 3)).toBeCloseTo((l1 + (l1 + l2) / 2 + (l1 + l2 + l3) / 3) / 3, 15);
  });

  it("pads the step count to the total's width and prints only the header before the first batch", () => {
    const b1 = runLab({ ...base, batchSize: 1, epochs: 2 }, data);
    const fifth = kerasLines(b1, 5)[1]!;
    expect(lineText(fifth)).toMatch(/^ 5\/50 ━{20} 0s/);
    expect(fifth.find((s) => s.role === "bar-done")!.text).toBe("━━");
    expect(kerasLines(run, 0).map(lineText)).toEqual(["Epoch 1/20"]);
    const once = runLab({ ...base, epochs: 1 }, data);
    expect(kerasLines(once, once.updates).map(lineText)).toEqual([`7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: ${kerasMetric(once.epochRunningLoss[0]!)}`]);
  });

  it("formats numbers as Python and Keras do", () => {
    expect(kerasMetric(0.00051234)).toBe("5.1234e-04");
    expect(kerasMetric(0.0015)).toBe("0.0015");
    expect(kerasMetric(Number.NaN)).toBe("nan");
    expect(pythonFixed4(Number.POSITIVE_INFINITY)).toBe("inf");
    expect(pythonFixed4(6.15563323043438e288)).toMatch(/^61556332304343\d{275}\.0000$/);
  });

  it("a diverged run stops mid-epoch where the engine stopped", () => {
    const diverged = runLab({ ...base, learningRate: 10 }, data);
    const lines = kerasLines(diverged, diverged.updates).map(lineText);
    expect(diverged.updates).toBe(74);
    expect(lines.at(-2)).toBe("Epoch 11/20");
    expect(lines.at(-1)).toMatch(/^4\/7 ━+ 0s 1ms\/step - loss: \d+\.0000$/);
  });
});

describe("what the PyTorch loop prints", () => {
  it("one line per epoch: steps = len(loader), the same weighted loss as Keras, and the full-dataset loss", () => {
    expect(pytorchLines(run, run.updates).slice(0, 2).map(lineText)).toEqual([
      "epoch 1/20  steps 7  loss 0.6390  full 0.0497",
      "epoch 2/20  steps 7  loss 0.0461  full 0.0362",
    ]);
    expect(pytorchLines(run, 13)).toHaveLength(1);
    expect(pythonFixed4(run.epochFullLoss[0]!)).toBe("0.0497");
  });

  it("prints with the f-string of the exported PyTorch code", () => {
    const code = pytorchCode(base, { fileName: "greenhouse.csv", featureNames: ["a", "b", "c"], targetName: "y", n: 50 });
    expect(code).toContain('print(f"epoch {epoch + 1}/20  steps {steps}  loss {running / seen:.4f}  full {full:.4f}")');
    expect(code).toContain("running += loss.item() * len(xb)");
  });
});
