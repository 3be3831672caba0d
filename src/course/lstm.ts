/**
 * Lesson 9's comparison, the light half: its settings, defaults and result types. No engine code,
 * so the LstmTrainer island can render a run (the one computed at build time, or one sent back by
 * its worker) without shipping the trainer; ./lstmComparison.ts trains.
 */
import { GREENHOUSE_HIDDEN_UNITS } from "./networks";

/** The last windows (hours) held out of training, to judge prediction of unseen hours. */
export const VALIDATION_WINDOWS = 10;
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
  lstm: ModelRun;
  mlp: ModelRun;
}
