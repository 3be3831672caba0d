import { describe, expect, it } from "vitest";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { formatLoss, labModelSpec, lossGrowthWarning, noiseSamplesPerSize, runLab, sweepBatchSizes, sweepRow } from "../../../src/course/lab";
import { batchLossSeries, csvFileName, fullLossSeries, isLargeJob, runCsv, runSettings } from "../../../src/widgets/BatchSizeLab/labRun";

const base = runSettings({ ...DEFAULT_STATE });
const data = GREENHOUSE_DATA.dataset;

describe("one lab run", () => {
  it("50 rows at batch 8 gives 7 iterations, the last of 2 rows, 140 updates in 20 epochs", () => {
    const run = runLab(base, data);
    expect(run.iterationsPerEpoch).toBe(7);
    expect(run.lastBatchSize).toBe(2);
    expect(run.batchRows).toEqual([8, 8, 8, 8, 8, 8, 2]);
    expect(run.updates).toBe(140);
    expect(run.batchLoss).toHaveLength(140);
    expect(run.finalLoss).toBe(run.epochFullLoss[19]);
    expect(run.finalLoss).toBeLessThan(run.initialFullLoss);
    expect(run.divergence).toBeNull();
  });

  it("dropping the last batch gives 6 iterations of 8 and 2 unused rows", () => {
    const run = runLab({ ...base, dropLast: true }, data);
    expect(run.iterationsPerEpoch).toBe(6);
    expect(run.lastBatchSize).toBe(8);
    expect(run.unusedRowsPerEpoch).toBe(2);
    expect(run.updates).toBe(120);
  });

  it("20 epochs at batch 10 make 100 updates", () => {
    expect(runLab({ ...base, batchSize: 10 }, data).updates).toBe(100);
  });

  it("is deterministic: the same settings give the same final loss", () => {
    expect(runLab(base, data).finalLoss).toBe(runLab(base, data).finalLoss);
  });

  it("reports divergence at a huge learning rate with a NaN final loss", () => {
    const run = runLab({ ...base, learningRate: 10 }, data);
    expect(run.divergence).toMatch(/^The loss became (Infinity|NaN) at epoch \d+, iteration \d+ \(update \d+\)/);
    expect(Number.isNaN(run.finalLoss)).toBe(true);
    expect(run.updates).toBeLessThan(140);
    expect(formatLoss(run.finalLoss)).toBe("not finite");
  });

  it("calls a finite run diverging when its loss ends more than 10 times its start (batch 50, learning rate 1)", () => {
    const run = runLab({ ...base, batchSize: 50, learningRate: 1 }, data);
    expect(run.divergence).toBeNull();
    expect(run.finalLoss / run.initialFullLoss).toBeGreaterThan(10);
    expect(run.growthWarning).toMatch(/^The loss grew from 2\.766 → \S+, more than 10 times its start: this run is diverging\./);
  });

  it("a loss going from 1 to 1.031 is described as no improvement, not as divergence", () => {
    expect(lossGrowthWarning(1, 1.031)).toBe(
      "The loss ended 3.1% above where it started (1 → 1.031): these settings did not improve the fit. " +
        "That is not divergence (the loss did not run away); more epochs or another learning rate may help.",
    );
    expect(lossGrowthWarning(1, 9.99)).toMatch(/^The loss ended 900% above where it started \(1 → 9\.99\)/);
    expect(lossGrowthWarning(1, 10)).toMatch(/^The loss grew from 1 → 10, more than 10 times its start: this run is diverging\./);
    expect(lossGrowthWarning(1, 0.5)).toBeNull();
    expect(lossGrowthWarning(1, 1)).toBeNull();
  });

  it("sizes the input layer from the data", () => {
    expect(labModelSpec("mlp", 7).inputSize).toBe(7);
    expect(labModelSpec("linear", 2).layers).toEqual([{ kind: "dense", units: 1, activation: "linear" }]);
  });
});

describe("series on the three x axes", () => {
  const run = runLab(base, data);
  it("places update u at u/k epochs, u iterations, and the rows read so far", () => {
    const epochs = batchLossSeries(run, "epoch");
    const iterations = batchLossSeries(run, "iteration");
    const samples = batchLossSeries(run, "samples");
    expect(epochs[6]).toEqual({ x: 1, y: run.batchLoss[6] });
    expect(iterations[6]!.x).toBe(7);
    expect(samples.slice(0, 8).map((p) => p.x)).toEqual([8, 16, 24, 32, 40, 48, 50, 58]);
    expect(samples[139]!.x).toBe(1000);
  });

  it("puts the full-dataset loss at 0 and after each epoch", () => {
    expect(fullLossSeries(run, "iteration").slice(0, 3).map((p) => p.x)).toEqual([0, 7, 14]);
    expect(fullLossSeries(run, "samples")[20]).toEqual({ x: 1000, y: run.finalLoss });
    const dropped = runLab({ ...base, dropLast: true }, data);
    expect(fullLossSeries(dropped, "samples")[1]!.x).toBe(48);
  });
});

describe("CSV export", () => {
  it("has one row per iteration and the epoch columns on each epoch's last iteration", () => {
    const run = runLab(base, data);
    const lines = runCsv(run).trim().split("\n");
    expect(lines[0]).toBe("iteration,epoch,iteration_in_epoch,batch_rows,batch_loss,epoch_running_loss,epoch_full_loss");
    expect(lines).toHaveLength(141);
    expect(lines[1]).toMatch(/^1,1,1,8,[^,]+,,$/);
    expect(lines[7]).toBe(`7,1,7,2,${run.batchLoss[6]},${run.epochRunningLoss[0]},${run.epochFullLoss[0]}`);
    expect(csvFileName(base)).toBe("batch-size-lab_b8_lr0.05_e20_sgd_mlp_seed1.csv");
  });

  it("stops at the last update made when a run diverges", () => {
    const run = runLab({ ...base, learningRate: 10 }, data);
    expect(runCsv(run).trim().split("\n")).toHaveLength(run.updates + 1);
  });
});

describe("sweeps and sizes", () => {
  it("visits 1..N on small data and 50 log-spaced sizes including 1 and N on large data", () => {
    expect(sweepBatchSizes(50)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(sweepBatchSizes(30)).toHaveLength(30);
    const large = sweepBatchSizes(10_000);
    expect(large).toHaveLength(50);
    expect(large[0]).toBe(1);
    expect(large[49]).toBe(10_000);
    expect(new Set(large).size).toBe(50);
    expect([...large].sort((a, b) => a - b)).toEqual(large);
  });

  it("a sweep row at B = 10 has 5 iterations and 100 updates", () => {
    expect(sweepRow(base, data, 10)).toMatchObject({ batchSize: 10, iterationsPerEpoch: 5, updates: 100, diverged: false });
  });

  it("keeps large jobs off the main thread and the noise measurement bounded", () => {
    expect(isLargeJob(50, 100, 3)).toBe(false);
    expect(isLargeJob(10_000, 20, 2)).toBe(true);
    expect(noiseSamplesPerSize(50, 41, sweepBatchSizes(50))).toBe(200);
    expect(noiseSamplesPerSize(10_000, 41, sweepBatchSizes(10_000))).toBeGreaterThanOrEqual(10);
    expect(noiseSamplesPerSize(10_000, 41, sweepBatchSizes(10_000))).toBeLessThan(200);
  });

  it("formats losses as plain numbers", () => {
    expect(formatLoss(0.0155912345)).toBe("0.01559");
    expect(formatLoss(2.76600720)).toBe("2.766");
    expect(formatLoss(0)).toBe("0");
    expect(formatLoss(7.53e46)).toBe("7.530e+46");
    expect(formatLoss(0.00001234)).toBe("1.234e-5");
  });
});
