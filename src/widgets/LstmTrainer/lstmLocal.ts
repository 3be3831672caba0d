/**
 * The main-thread fallback of the LSTM trainer (when a Web Worker cannot start): LstmTrainer loads this module with
 * import() only then, so the island itself ships no training code.
 */
import { greenhouse } from "../lib/greenhouse";
import { lstmComparison } from "./lstmRun";
import type { LstmComparison, LstmSettings } from "./lstmShared";

export function trainOnGreenhouse(settings: LstmSettings): LstmComparison {
  return lstmComparison(greenhouse, settings);
}
