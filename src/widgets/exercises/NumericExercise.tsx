/**
 * A question answered with one number, checked with a tolerance. Its spec (src/course/exercises)
 * holds the question, the answer, the unit, hints for known wrong answers and the explanation;
 * lessons place it with `<Exercise spec={…} />` (src/components/Exercise.astro).
 */
import type { JSX } from "preact";
import type { NumericExerciseSpec } from "../../course/exercises/spec";
import { formatNumber } from "../../exercises/display";
import { loadChecks } from "./shared";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface NumericExerciseProps {
  spec: NumericExerciseSpec;
}

export default function NumericExercise({ spec }: NumericExerciseProps): JSX.Element {
  const answerText = `${formatNumber(spec.answer)}${spec.unit !== undefined ? ` ${spec.unit}` : ""}`;
  return (
    <TextAnswerExercise
      id={spec.id}
      lesson={spec.lesson}
      kind="numeric"
      question={spec.question}
      explanation={spec.explanation}
      answerText={answerText}
      placeholder={spec.placeholder ?? "a number"}
      {...(spec.unit !== undefined && { suffix: spec.unit })}
      check={async (raw) => (await loadChecks()).checkNumeric(raw, spec)}
    />
  );
}
