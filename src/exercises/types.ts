/**
 * Types shared by the answer checkers (check.ts), the progress store (progress.ts) and the
 * exercise islands (src/widgets/exercises). Nothing here imports Preact or touches the DOM.
 */

// Hints and options are part of an exercise's spec, which the course layer defines.
import type { ChoiceOption, HintWhen, TargetedHint } from "../course/exercises/spec";

export type { ChoiceOption, HintWhen, TargetedHint };

/**
 * What checking one submitted answer gives.
 * - `invalid`: the input could not be read as an answer (empty, "abc", "7..0"); the message goes next
 *   to the field and the attempt is NOT counted.
 * - `correct` / `wrong`: a real attempt. `answer` is what the reader gave, as given: the typed text
 *   (trimmed; never a rounded or reformatted copy, so "41.00001" stays "41.00001") or the ticked
 *   option ids ("a,c"); it is echoed in the verdict and stored as the last answer. `message` is a
 *   specific diagnosis ("right numbers, wrong order"), `hint` an author's targeted hint.
 */
export type CheckResult =
  | { kind: "invalid"; message: string }
  | { kind: "correct"; answer: string; message?: string }
  | { kind: "wrong"; answer: string; message?: string; hint?: string };

/** A reader's answer that parsed, or why it did not. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface NumericSpec {
  answer: number;
  /** Absolute tolerance: |x − answer| ≤ tolerance is correct. Default 0 (exact, up to float rounding). */
  tolerance?: number;
  /** Relative tolerance: |x − answer| ≤ relativeTolerance·|answer| is also correct. Default 0. */
  relativeTolerance?: number;
  /** The unit the reader may type after the number ("7 iterations"); a plural "s" is optional. */
  unit?: string;
  hints?: readonly TargetedHint[];
}

/** A tensor shape; `null` stands for a dimension Keras prints as `None` (an unknown batch size). */
export type Shape = readonly (number | null)[];

export interface ShapeSpec {
  answer: Shape;
  /**
   * Names of the dimensions in order, e.g. `["batch", "time-step", "feature"]`, used to say which
   * one is misplaced: "Right numbers, wrong order: the batch dimension comes first."
   */
  dimNames?: readonly string[];
  hints?: readonly TargetedHint[];
}

export interface RangeSpec {
  /** Inclusive integer range, e.g. `[46, 50]` for "positions 46 to 50". */
  answer: readonly [number, number];
  /** What the range counts, for the message "That range covers 6 rows." Default "rows". */
  itemName?: string;
  hints?: readonly TargetedHint[];
}

export interface ChoiceSpec {
  options: readonly ChoiceOption[];
  /** Keyed by option id: shown when that wrong option is selected. */
  hints?: readonly TargetedHint[];
}

/** Per option, after checking a choice: was it selected, and was selecting it right. */
export interface ChoiceVerdict {
  id: string;
  selected: boolean;
  correct: boolean;
}

/** The outcome of comparing a prediction with what the engine produced. */
export interface PredictionComparison {
  predicted: number;
  produced: number;
  difference: number;
  within: boolean;
}
