/**
 * The main-thread fallback of the LSTM trainer (when a Web Worker cannot start): LstmTrainer loads this module with
 * import() only then, so the island itself ships no training code.
 */
import type { LstmComparison, LstmSettings } from "../../course/lstm";
import { lstmComparison } from "../../course/lstmComparison";

export function trainOnGreenhouse(settings: LstmSettings): LstmComparison {
  return lstmComparison(settings);
}
