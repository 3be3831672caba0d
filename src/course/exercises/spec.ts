/**
 * What an exercise is: its question, its answer, the hints for known wrong answers and the
 * explanation, as plain JSON-serialisable data (Astro passes a spec to its island as props).
 * Specs are written in ./lessonN.ts, where every answer and every number an explanation quotes is
 * computed with the engine; src/exercises/check.ts checks readers' answers against them.
 *
 * Prose fields (question, explanation, hints, option texts) are plain text in which `backticks`
 * mark code; nothing else is interpreted.
 */
import type { LessonSlug } from "../lessons";
import type { WidgetName, WidgetRunKey } from "../widgetRuns";

/**
 * When a targeted hint applies to a wrong answer.
 * - a number: the reader's number equals it (numeric and predict exercises);
 * - `[min, max]`: the reader's number lies in the closed interval;
 * - a string: an answer written the way the exercise kind reads it, compared after parsing
 *   ("(5, 8, 3)" for a shape, "45-50" for a range, an option id for a choice, "6.25" for a number).
 */
export type HintWhen = number | readonly [number, number] | string;

/** A hint for a known wrong answer; the first one whose `when` matches is shown. */
export interface TargetedHint {
  when: HintWhen;
  hint: string;
}

export interface ChoiceOption {
  id: string;
  text: string;
  correct: boolean;
  /** Why this option is right or wrong; shown after checking. */
  explanation: string;
}

/** A band of a predict exercise: the reader picks one; the run's value falls in exactly one, [min, max). */
export interface PredictionBandSpec {
  id: string;
  text: string;
  min?: number;
  max?: number;
}

interface Common {
  /** The question; the visible label of the answer field (or legend of the options). */
  question: string;
  /** Shown once the answer is right or revealed. */
  explanation: string;
}

export interface NumericInput extends Common {
  kind: "numeric";
  answer: number;
  /** Absolute tolerance; default 0. */
  tolerance?: number;
  /** Relative tolerance (0.01 = 1 %); default 0. Correct if either tolerance is met. */
  relativeTolerance?: number;
  /** Shown after the field; the reader may also type it ("7 iterations"). */
  unit?: string;
  hints?: readonly TargetedHint[];
  placeholder?: string;
}

export interface ShapeInput extends Common {
  kind: "shape";
  /** The shape; `null` for a dimension Keras prints as None. */
  answer: readonly (number | null)[];
  /** Names of the dimensions in order, to say which one is misplaced or wrong. */
  dimNames?: readonly string[];
  hints?: readonly TargetedHint[];
  placeholder?: string;
}

export interface RangeInput extends Common {
  kind: "range";
  /** Inclusive [first, last], counted from 1. */
  answer: readonly [number, number];
  /** What the positions count, for "That range covers 6 rows."; default "rows". */
  itemName?: string;
  hints?: readonly TargetedHint[];
  placeholder?: string;
}

export interface ChoiceInput extends Common {
  kind: "choice";
  options: readonly ChoiceOption[];
  /** Hints keyed by a wrong option's id. */
  hints?: readonly TargetedHint[];
  /** Keep the authored order (for options like "all of the above"); default false. */
  fixedOrder?: boolean;
}

/** Predict, then run widget W; the prediction is compared with `values[valueKey]` of its next run. */
export interface PredictInputFor<W extends WidgetName> extends Common {
  kind: "predict";
  widget: W;
  valueKey: WidgetRunKey<W>;
  /** Settings the run must have been made with; a run with other values is not compared. */
  runWith?: Partial<Record<WidgetRunKey<W>, number>>;
  /** What to do after predicting, e.g. "Press Run in the batch-size lab above." */
  runInstruction: string;
  tolerance?: number;
  relativeTolerance?: number;
  unit?: string;
  /** Band mode: the reader picks one band instead of typing a number. */
  bands?: readonly PredictionBandSpec[];
  hints?: readonly TargetedHint[];
  /** What the widget produces with `runWith`, computed with the widget's own scenario: the no-JavaScript answer. */
  expected?: number | string;
}

export type PredictInput = { [W in WidgetName]: PredictInputFor<W> }[WidgetName];

/** An exercise as a lesson module writes it; `id` and `lesson` are added by defineExercises. */
export type ExerciseInput = NumericInput | ShapeInput | RangeInput | ChoiceInput | PredictInput;

interface Placed {
  /** Unique within the lesson; the element id, so `lesson-url#id` links to it. Progress is stored under `lesson/id`. */
  id: string;
  lesson: LessonSlug;
}

export type NumericExerciseSpec = NumericInput & Placed;
export type ShapeExerciseSpec = ShapeInput & Placed;
export type RangeExerciseSpec = RangeInput & Placed;
export type ChoiceExerciseSpec = ChoiceInput & Placed;
export type PredictExerciseSpec = PredictInput & Placed;
export type ExerciseSpec = NumericExerciseSpec | ShapeExerciseSpec | RangeExerciseSpec | ChoiceExerciseSpec | PredictExerciseSpec;

/**
 * A lesson's exercises in page order, keyed by id: an object literal cannot repeat a key, so ids are
 * unique within the lesson by construction. `lesson5["iterations-b8"]` is the spec a lesson places
 * with `<Exercise spec={lesson5["iterations-b8"]} />`.
 */
export function defineExercises<Id extends string>(lesson: LessonSlug, inputs: Record<Id, ExerciseInput>): Record<Id, ExerciseSpec> {
  const specs = {} as Record<Id, ExerciseSpec>;
  for (const id of Object.keys(inputs) as Id[]) specs[id] = { ...inputs[id], id, lesson } as ExerciseSpec;
  return specs;
}
