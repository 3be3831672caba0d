/**
 * A question answered with an inclusive range of positions counted from 1, e.g. "46-50"; its spec
 * lives in src/course/exercises and lessons place it with `<Exercise spec={…} />`.
 */
import type { JSX } from "preact";
import type { RangeExerciseSpec } from "../../course/exercises/spec";
import { formatRange } from "../../exercises/display";
import { loadChecks } from "./shared";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface RangeExerciseProps {
  spec: RangeExerciseSpec;
}

export default function RangeExercise({ spec }: RangeExerciseProps): JSX.Element {
  return (
    <TextAnswerExercise
      id={spec.id}
      lesson={spec.lesson}
      kind="range"
      question={spec.question}
      explanation={spec.explanation}
      answerText={formatRange(spec.answer)}
      placeholder={spec.placeholder ?? "e.g. 12-15"}
      check={async (raw) => (await loadChecks()).checkRange(raw, spec)}
    />
  );
}
