/**
 * Lesson 9's comparison, the light half: its settings, defaults and result types. No engine code,
 * so the LstmTrainer island can render a run (the one computed at build time, or one sent back by
 * its worker) without shipping the trainer; ./lstmComparison.ts trains.
 */
import { GREENHOUSE_HIDDEN_UNITS } from "./networks";

/**
 * The held-out hours: rows 33–42 (15:00 on day 2 to midnight), five daylight hours and five dark
 * ones, so the validation loss judges both regimes. The last ten rows would be eight night hours
 * with light 0, a test of one regime only. The block is fixed in hours, so every window length
 * predicts the same held-out targets.
 */
export const HELD_OUT_FIRST_ROW = 33;
export const VALIDATION_WINDOWS = 10;
export const HELD_OUT_LAST_ROW = HELD_OUT_FIRST_ROW + VALIDATION_WINDOWS - 1;
export const LSTM_BATCH_SIZE = 8;
/** The MLP's hidden layer (tanh): the greenhouse network of the earlier lessons. */
export const MLP_HIDDEN = GREENHOUSE_HIDDEN_UNITS;

export interface LstmSettings {
  timesteps: number;
  units: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_LSTM_SETTINGS: Readonly<LstmSettings> = Object.freeze({ timesteps: 5, units: 8, epochs: 100, learningRate: 0.02, seed: 3 });

export interface ModelRun {
  parameters: number;
  /** Loss on the training windows/rows: before training, then after each epoch. */
  trainCurve: number[];
  /** Loss on the held-out tail: before training, then after each epoch. */
  validationCurve: number[];
  finalTrain: number;
  finalValidation: number;
  updates: number;
  /** NaN-free unless the run diverged; then the engine's message. */
  diverged: string | null;
}

export interface LstmComparison {
  settings: LstmSettings;
  windows: number;
  trainSamples: number;
  validationSamples: number;
  /** 1-based rows whose water use the held-out windows predict (the same rows for the MLP). */
  validationRows: [number, number];
  /** Windows dropped from training because they share a row with a held-out window. */
  purgedWindows: number;
  lstm: ModelRun;
  mlp: ModelRun;
}
