import { describe, expect, it } from "vitest";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { runLab } from "../../../src/course/lab";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import {
  playbackReducer, positionAfter, progressAt, updatesPerSecond, type PlaybackState,
} from "../../../src/widgets/BatchSizeLab/playback";
import { batchStrip, describeStrip, listRows } from "../../../src/widgets/BatchSizeLab/batchStrip";
import { modelParameters, predictRows, replayable, RunReplay } from "../../../src/widgets/BatchSizeLab/runReplay";

const base = runSettings({ ...DEFAULT_STATE });
const data = GREENHOUSE_DATA.dataset;

describe("the playhead", () => {
  const at = (position: number, playing = false): PlaybackState => ({ position, playing });

  it("Step moves one update, pauses a playing run, and starts a finished run over at update 1", () => {
    expect(playbackReducer(at(9), { kind: "step" }, 200)).toEqual(at(10));
    expect(playbackReducer(at(40, true), { kind: "step" }, 200)).toEqual(at(41));
    expect(playbackReducer(at(200), { kind: "step" }, 200)).toEqual(at(1));
  });

  it("Play from the end replays from update 0; Pause keeps the position", () => {
    expect(playbackReducer(at(140), { kind: "play" }, 140)).toEqual(at(0, true));
    expect(playbackReducer(at(30), { kind: "play" }, 140)).toEqual(at(30, true));
    expect(playbackReducer(at(30, true), { kind: "pause" }, 140)).toEqual(at(30));
  });

  it("a tick that reaches the end stops playing; a settings change rests at the end", () => {
    expect(playbackReducer(at(138, true), { kind: "tick", to: 150 }, 140)).toEqual(at(140));
    expect(playbackReducer(at(10, true), { kind: "tick", to: 12.7 }, 140)).toEqual(at(12, true));
    expect(playbackReducer(at(10, true), { kind: "rest" }, 1000)).toEqual(at(1000));
  });

  it("a frame that arrives after Pause, or one behind the playhead, does not move it", () => {
    expect(playbackReducer(at(13), { kind: "tick", to: 14 }, 140)).toEqual(at(13));
    expect(playbackReducer(at(20, true), { kind: "tick", to: 15 }, 140)).toEqual(at(20, true));
  });

  it("moving the playhead by hand pauses there, within the run", () => {
    expect(playbackReducer(at(60, true), { kind: "seek", to: 10 }, 200)).toEqual(at(10));
    expect(playbackReducer(at(0), { kind: "seek", to: 250 }, 200)).toEqual(at(200));
    expect(playbackReducer(at(5), { kind: "seek", to: -3 }, 200)).toEqual(at(0));
  });

  it("a run with no updates cannot play or step", () => {
    expect(playbackReducer(at(0), { kind: "play" }, 0)).toEqual(at(0));
    expect(playbackReducer(at(0), { kind: "step" }, 0)).toEqual(at(0));
  });

  it("plays 2 updates a second slowly, a 140-update run in 10 s normally and in 3 s fast", () => {
    expect(updatesPerSecond("slow", 140)).toBe(2);
    expect(updatesPerSecond("normal", 140)).toBe(14);
    expect(updatesPerSecond("fast", 1000)).toBeCloseTo(333.33, 2);
    expect(updatesPerSecond("normal", 10)).toBe(2);
    // Whole updates only: after 1 s at 14 a second, 14 more; never past the end.
    expect(positionAfter(0, 1000, 14, 140)).toBe(14);
    expect(positionAfter(20, 999, 2, 140)).toBe(21);
    expect(positionAfter(130, 5000, 14, 140)).toBe(140);
  });
});

describe("where update u sits in the run", () => {
  const shape = { batchRows: [8, 8, 8, 8, 8, 8, 2], epochs: 20 };

  it("50 rows at batch 8: update 7 ends epoch 1 after 50 samples, update 8 starts epoch 2", () => {
    expect(progressAt(shape, 0)).toMatchObject({ updates: 0, epoch: 0, iteration: 0, samplesSeen: 0, plannedUpdates: 140, plannedSamples: 1000 });
    expect(progressAt(shape, 7)).toMatchObject({ epoch: 1, iteration: 7, iterationsPerEpoch: 7, samplesSeen: 50 });
    expect(progressAt(shape, 8)).toMatchObject({ epoch: 2, iteration: 1, samplesSeen: 58 });
    expect(progressAt(shape, 140)).toMatchObject({ epoch: 20, iteration: 7, samplesSeen: 1000 });
  });

  it("dropping the last batch: 6 iterations of 8, 48 samples an epoch", () => {
    expect(progressAt({ batchRows: [8, 8, 8, 8, 8, 8], epochs: 20 }, 120)).toMatchObject({ epoch: 20, iteration: 6, samplesSeen: 960, plannedSamples: 960 });
  });
});

describe("the batch strip", () => {
  const fixed = { batchSize: 5, shuffle: false, seed: 1, dropLast: false, iterationsPerEpoch: 10 };

  it("batch 5 without shuffling: iteration 10 of epoch 1 takes positions 46-50, rows 46-50", () => {
    const strip = batchStrip(50, 10, fixed);
    expect(strip).toMatchObject({ epoch: 1, iteration: 10, positions: [46, 50], rows: [46, 47, 48, 49, 50] });
    expect(strip.cells.filter((c) => c.state === "seen")).toHaveLength(45);
    expect(strip.cells.filter((c) => c.state === "current").map((c) => c.position)).toEqual([46, 47, 48, 49, 50]);
    expect(describeStrip(strip, 10)).toBe("Epoch 1, iteration 10 of 10: positions 46–50 of this epoch's order, rows 46, 47, 48, 49, 50.");
  });

  it("the next update starts epoch 2 at iteration 1, positions 1-5, nothing seen yet", () => {
    const strip = batchStrip(50, 11, fixed);
    expect(strip).toMatchObject({ epoch: 2, iteration: 1, positions: [1, 5], rows: [1, 2, 3, 4, 5] });
    expect(strip.cells.filter((c) => c.state === "ahead")).toHaveLength(45);
  });

  it("with shuffling, epoch 2 visits the rows in a new order (the engine's, seeded)", () => {
    const shuffled = { ...fixed, shuffle: true };
    expect(batchStrip(50, 10, shuffled).rows).toEqual([43, 2, 26, 42, 18]);
    expect(batchStrip(50, 1, shuffled).cells.slice(0, 8).map((c) => c.row)).toEqual([23, 15, 7, 31, 19, 38, 49, 47]);
    expect(batchStrip(50, 11, shuffled).cells.slice(0, 8).map((c) => c.row)).toEqual([41, 12, 49, 34, 46, 19, 30, 28]);
    // Still a permutation of the 50 rows.
    expect(new Set(batchStrip(50, 11, shuffled).cells.map((c) => c.row)).size).toBe(50);
  });

  it("before training nothing is highlighted; a dropped tail is marked unused", () => {
    const before = batchStrip(50, 0, fixed);
    expect(before.positions).toBeNull();
    expect(before.cells.every((c) => c.state === "ahead")).toBe(true);
    const dropped = batchStrip(50, 6, { batchSize: 8, shuffle: false, seed: 1, dropLast: true, iterationsPerEpoch: 6 });
    expect(dropped.positions).toEqual([41, 48]);
    expect(dropped.cells.filter((c) => c.state === "unused").map((c) => c.position)).toEqual([49, 50]);
    const partial = batchStrip(50, 7, { batchSize: 8, shuffle: false, seed: 1, dropLast: false, iterationsPerEpoch: 7 });
    expect(describeStrip(partial, 7)).toBe("Epoch 1, iteration 7 of 7: positions 49–50 of this epoch's order, rows 49, 50.");
  });

  it("lists long batches briefly", () => {
    expect(listRows([1, 2, 3])).toBe("1, 2, 3");
    expect(listRows(Array.from({ length: 25 }, (_, i) => i + 1))).toBe("1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 15 more");
  });
});

describe("replaying a run", () => {
  it("stepping with the engine's stepper to the end gives trainRun's final weights bit for bit", () => {
    const run = runLab(base, data);
    const replay = new RunReplay(base, data, run.updates);
    expect(Array.from(replay.weightsAt(run.updates))).toEqual(Array.from(run.finalWeights));
  });

  it("replays any greenhouse run, and refuses runs whose copies or retraining would not fit a page", () => {
    const longest = runLab({ ...base, batchSize: 1, epochs: 100 }, data);
    expect(longest.updates).toBe(5000);
    expect(replayable(longest, 3)).toBe(true);
    const weights = new Float64Array(33);
    expect(replayable({ updates: 15_000, finalWeights: weights, n: 6000, settings: { epochs: 20 } }, 2)).toBe(true);
    expect(replayable({ updates: 75_000, finalWeights: weights, n: 6000, settings: { epochs: 100 } }, 2)).toBe(false);
  });

  it("moves back and forth: update 3 after update 10 is update 3", () => {
    const run = runLab(base, data);
    const replay = new RunReplay(base, data, run.updates, run.finalWeights);
    const third = Array.from(replay.weightsAt(3));
    replay.weightsAt(10);
    expect(Array.from(replay.weightsAt(3))).toEqual(third);
    expect(replay.weightsAt(run.updates)).toBe(run.finalWeights);
    expect(Array.from(replay.weightsAt(0))).not.toEqual(third);
  });

  it("predicts every row, and the predictions' mean squared error is the run's loss", () => {
    const run = runLab(base, data);
    const predicted = predictRows("mlp", data, run.finalWeights);
    expect(predicted).toHaveLength(50);
    const mse = predicted.reduce((sum, p, i) => sum + (p - data.y[i]!) ** 2, 0) / 50;
    expect(mse).toBeCloseTo(run.finalLoss, 12);
    expect(modelParameters("mlp", 3).map((p) => p.name)).toEqual(["dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"]);
  });
});
