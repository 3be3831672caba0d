/**
 * A question answered with a tensor shape, e.g. `(8, 5, 3)`; see src/exercises/README.md.
 *
 *   <ShapeExercise client:visible id="lstm-batch-shape" lesson="lstm-inputs"
 *     question="Windows of 5 rows, batch size 8: what is the shape of one batch?"
 *     answer={[8, 5, 3]} dimNames={["batch", "time-step", "feature"]} explanation="…"
 *     hints={[{ when: "(8, 3, 5)", hint: "Keras wants (batch, timesteps, features)." }]} />
 */
import type { JSX } from "preact";
import { formatShape } from "../../exercises/display";
import { loadChecks } from "./shared";
import type { TargetedHint } from "../../exercises/types";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface ShapeExerciseProps {
  id: string;
  lesson: string;
  question: string;
  /** The shape; `null` for a dimension Keras prints as None. */
  answer: (number | null)[];
  /** Names of the dimensions in order, to say which one is misplaced or wrong. */
  dimNames?: string[];
  explanation: string;
  /** Hints for known wrong shapes: `when` is a shape written as text, "(5, 8, 3)". */
  hints?: TargetedHint[];
  placeholder?: string;
}

export default function ShapeExercise(props: ShapeExerciseProps): JSX.Element {
  const spec = {
    answer: props.answer,
    ...(props.dimNames !== undefined && { dimNames: props.dimNames }),
    ...(props.hints !== undefined && { hints: props.hints }),
  };
  return (
    <TextAnswerExercise
      id={props.id}
      lesson={props.lesson}
      kind="shape"
      question={props.question}
      explanation={props.explanation}
      answerText={formatShape(props.answer)}
      placeholder={props.placeholder ?? "e.g. (2, 4)"}
      check={async (raw) => (await loadChecks()).checkShape(raw, spec)}
    />
  );
}
