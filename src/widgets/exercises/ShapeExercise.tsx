/**
 * A question answered with a tensor shape, e.g. `(8, 5, 3)` in any bracket style; its spec lives in
 * src/course/exercises and lessons place it with `<Exercise spec={…} />`.
 */
import type { JSX } from "preact";
import type { ShapeExerciseSpec } from "../../course/exercises/spec";
import { formatShape } from "../../exercises/display";
import { loadChecks } from "./shared";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface ShapeExerciseProps {
  spec: ShapeExerciseSpec;
}

export default function ShapeExercise({ spec }: ShapeExerciseProps): JSX.Element {
  return (
    <TextAnswerExercise
      id={spec.id}
      lesson={spec.lesson}
      kind="shape"
      question={spec.question}
      explanation={spec.explanation}
      answerText={formatShape(spec.answer)}
      placeholder={spec.placeholder ?? "e.g. (2, 4)"}
      check={async (raw) => (await loadChecks()).checkShape(raw, spec)}
    />
  );
}
