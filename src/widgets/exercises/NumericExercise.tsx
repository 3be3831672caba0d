/**
 * A question answered with one number, checked with a tolerance; see src/exercises/README.md.
 *
 *   <NumericExercise client:visible id="iterations-b8" lesson="iterations-and-epochs"
 *     question="With 50 rows and batch size 8, how many iterations make one epoch?"
 *     answer={7} unit="iterations" explanation="…"
 *     hints={[{ when: 6.25, hint: "Batches are whole." }, { when: 6, hint: "The partial last batch still counts." }]} />
 */
import type { JSX } from "preact";
import { formatNumber } from "../../exercises/display";
import { loadChecks } from "./shared";
import type { TargetedHint } from "../../exercises/types";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface NumericExerciseProps {
  /** Unique on the page and within the lesson; the element's id, so `lesson-url#id` links to it. */
  id: string;
  /** The lesson's slug; progress is stored under `lesson/id`. */
  lesson: string;
  /** The question; the visible label of the answer field. `backticks` mark code. */
  question: string;
  answer: number;
  /** Absolute tolerance; default 0. */
  tolerance?: number;
  /** Relative tolerance (0.01 = 1 %); default 0. Correct if either tolerance is met. */
  relativeTolerance?: number;
  /** Shown after the field; the reader may also type it ("7 iterations"). */
  unit?: string;
  explanation: string;
  /** Hints for known wrong answers: `when` is a number, `[min, max]`, or a number written as text. */
  hints?: TargetedHint[];
  placeholder?: string;
}

export default function NumericExercise(props: NumericExerciseProps): JSX.Element {
  const spec = {
    answer: props.answer,
    ...(props.tolerance !== undefined && { tolerance: props.tolerance }),
    ...(props.relativeTolerance !== undefined && { relativeTolerance: props.relativeTolerance }),
    ...(props.unit !== undefined && { unit: props.unit }),
    ...(props.hints !== undefined && { hints: props.hints }),
  };
  const answerText = `${formatNumber(props.answer)}${props.unit !== undefined ? ` ${props.unit}` : ""}`;
  return (
    <TextAnswerExercise
      id={props.id}
      lesson={props.lesson}
      kind="numeric"
      question={props.question}
      explanation={props.explanation}
      answerText={answerText}
      placeholder={props.placeholder ?? "a number"}
      {...(props.unit !== undefined && { suffix: props.unit })}
      check={async (raw) => (await loadChecks()).checkNumeric(raw, spec)}
    />
  );
}
