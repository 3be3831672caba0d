/** The LSTM comparison's outcome in words the trainer prints. */
import type { LstmComparison } from "../../course/lstm";

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
