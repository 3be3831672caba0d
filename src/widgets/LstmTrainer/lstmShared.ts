/**
 * Lesson 9's comparison, the light half: settings, result types and the verdict in words. No engine code, so the
 * LstmTrainer island can render a run (the one computed at build time, or one sent back by the worker) without
 * shipping the trainer; ./lstmRun.ts trains, and is loaded only when the reader asks for a new run.
 */
export const VALIDATION_WINDOWS = 10;
export const LSTM_BATCH_SIZE = 8;

export interface LstmSettings {
  timesteps: number;
  units: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_LSTM_SETTINGS: LstmSettings = { timesteps: 5, units: 8, epochs: 100, learningRate: 0.02, seed: 3 };
/** The MLP's hidden layer (tanh), the network of the earlier lessons. */
export const MLP_HIDDEN = 8;

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

/** Validation losses within this relative distance count as a tie: one seed cannot separate them. */
export const TIE_TOLERANCE = 0.1;

/** Which model fits and which predicts the held-out hours better, in words the page can print. */
export function verdict(result: LstmComparison): string {
  const { lstm, mlp } = result;
  if (lstm.diverged || mlp.diverged) return "A run diverged: lower the learning rate.";
  const fitsBetter = lstm.finalTrain < mlp.finalTrain ? "LSTM" : "MLP";
  const fit = `The ${fitsBetter} fits its training samples more closely`;
  const gap = Math.abs(lstm.finalValidation - mlp.finalValidation) / Math.min(lstm.finalValidation, mlp.finalValidation);
  if (gap < TIE_TOLERANCE) return `${fit}; on the ${result.validationSamples} held-out hours the two are within ${Math.round(TIE_TOLERANCE * 100)} % of each other, a tie.`;
  const predictsBetter = lstm.finalValidation < mlp.finalValidation ? "LSTM" : "MLP";
  if (fitsBetter === predictsBetter) return `${fit} and also predicts the ${result.validationSamples} held-out hours better.`;
  return `${fit}, but the ${predictsBetter} predicts the ${result.validationSamples} held-out hours better.`;
}
