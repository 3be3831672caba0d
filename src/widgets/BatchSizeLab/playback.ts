/**
 * Watching a run train: a playhead over the run the lab has already computed. The playhead is a
 * number of weight updates u, from 0 (the starting weights) to the updates the run made; at rest,
 * after every settings change, it sits at the end. Pure functions: the reducer behind Play, Pause
 * and Step, the playback rate, and where update u sits in the run (epoch, iteration, samples seen).
 */

export interface PlaybackState {
  /** Weight updates applied at the playhead: 0 … end. */
  position: number;
  playing: boolean;
}

export type PlaybackAction =
  | { kind: "play" }
  | { kind: "pause" }
  /** One iteration: one batch, one update. From the end, a replay starts over at update 1. */
  | { kind: "step" }
  /**
   * A frame of Play: move the playhead on to update `to` (clamped). Ignored unless playing: a frame
   * already queued when Pause is pressed must not move the playhead.
   */
  | { kind: "tick"; to: number }
  /** The reader moves the playhead to update `to` (clamped): playing stops there. */
  | { kind: "seek"; to: number }
  /** The run changed: rest at its end. */
  | { kind: "rest" };

/** The playhead after `action`, for a run that ends after `end` updates. */
export function playbackReducer(state: PlaybackState, action: PlaybackAction, end: number): PlaybackState {
  switch (action.kind) {
    case "play":
      if (end === 0) return { position: 0, playing: false };
      return { position: state.position >= end ? 0 : state.position, playing: true };
    case "pause":
      return state.playing ? { ...state, playing: false } : state;
    case "step":
      if (end === 0) return { position: 0, playing: false };
      return { position: state.position >= end ? 1 : state.position + 1, playing: false };
    case "tick": {
      if (!state.playing) return state;
      const position = Math.max(state.position, Math.min(end, Math.floor(action.to)));
      return { position, playing: position < end };
    }
    case "seek":
      return { position: Math.max(0, Math.min(end, Math.round(action.to))), playing: false };
    case "rest":
      return { position: end, playing: false };
  }
}

export type PlaybackSpeed = "slow" | "normal" | "fast";

export const SPEED_LABELS: Record<PlaybackSpeed, string> = {
  slow: "Slow: 2 updates a second",
  normal: "Normal: the run in 10 s",
  fast: "Fast: the run in 3 s",
};

/** Updates a second: slow is slow enough to read each batch; the others fit the run in a fixed time. */
export function updatesPerSecond(speed: PlaybackSpeed, end: number): number {
  if (speed === "slow") return 2;
  return Math.max(2, end / (speed === "normal" ? 10 : 3));
}

/**
 * The playhead `elapsedMs` after Play was pressed at `start`: whole updates only, so every frame
 * shows a state the run really passed through.
 */
export function positionAfter(start: number, elapsedMs: number, rate: number, end: number): number {
  return Math.min(end, start + Math.floor((Math.max(0, elapsedMs) * rate) / 1000));
}

/** What a run's shape says about update u; every count 1-based as the page shows it. */
export interface RunProgress {
  /** Updates applied: u. */
  updates: number;
  plannedUpdates: number;
  /** Epoch of update u (1 … epochs), 0 before the first update. */
  epoch: number;
  epochs: number;
  /** Iteration of update u within its epoch (1 … k), 0 before the first update. */
  iteration: number;
  iterationsPerEpoch: number;
  /** Rows used by updates 1 … u. */
  samplesSeen: number;
  plannedSamples: number;
}

export interface RunShape {
  /** Rows in each batch of an epoch, in order (every epoch has the same sizes). */
  batchRows: readonly number[];
  epochs: number;
}

/** Epoch (0-based) and batches done in it for update u ≥ 1; update 0 is epoch 0 with none done. */
export function epochAndBatch(u: number, iterationsPerEpoch: number): { epoch: number; done: number } {
  if (u <= 0) return { epoch: 0, done: 0 };
  return { epoch: Math.floor((u - 1) / iterationsPerEpoch), done: ((u - 1) % iterationsPerEpoch) + 1 };
}

export function progressAt(shape: RunShape, u: number): RunProgress {
  const k = shape.batchRows.length;
  const perEpoch = shape.batchRows.reduce((sum, rows) => sum + rows, 0);
  const { epoch, done } = epochAndBatch(u, k);
  // Samples seen: whole epochs, then the batches done in the current one.
  let samplesSeen = u <= 0 ? 0 : epoch * perEpoch;
  for (let i = 0; i < done; i++) samplesSeen += shape.batchRows[i]!;
  return {
    updates: Math.max(0, u),
    plannedUpdates: shape.epochs * k,
    epoch: u <= 0 ? 0 : epoch + 1,
    epochs: shape.epochs,
    iteration: done,
    iterationsPerEpoch: k,
    samplesSeen,
    plannedSamples: shape.epochs * perEpoch,
  };
}
