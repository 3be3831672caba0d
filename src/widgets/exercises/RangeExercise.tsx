/**
 * A question answered with an inclusive range of positions counted from 1, e.g. "46-50";
 * see src/exercises/README.md.
 *
 *   <RangeExercise client:visible id="tenth-batch-rows" lesson="iterations-and-epochs"
 *     question="50 rows, batch size 5: which positions of the epoch's order form the 10th batch?"
 *     answer={[46, 50]} explanation="…"
 *     hints={[{ when: "45-50", hint: "That is six rows; a batch here holds five." }]} />
 */
import type { JSX } from "preact";
import { formatRange } from "../../exercises/display";
import { loadChecks } from "./shared";
import type { TargetedHint } from "../../exercises/types";
import { TextAnswerExercise } from "./TextAnswerExercise";

export interface RangeExerciseProps {
  id: string;
  lesson: string;
  question: string;
  /** Inclusive [first, last], counted from 1. */
  answer: [number, number];
  /** What the positions count, for "That range covers 6 rows."; default "rows". */
  itemName?: string;
  explanation: string;
  /** Hints for known wrong ranges: `when` is a range as text ("45-50"), `[a, b]`, or one position n. */
  hints?: TargetedHint[];
  placeholder?: string;
}

export default function RangeExercise(props: RangeExerciseProps): JSX.Element {
  const spec = {
    answer: props.answer,
    ...(props.itemName !== undefined && { itemName: props.itemName }),
    ...(props.hints !== undefined && { hints: props.hints }),
  };
  return (
    <TextAnswerExercise
      id={props.id}
      lesson={props.lesson}
      kind="range"
      question={props.question}
      explanation={props.explanation}
      answerText={formatRange(props.answer)}
      placeholder={props.placeholder ?? "e.g. 12-15"}
      check={async (raw) => (await loadChecks()).checkRange(raw, spec)}
    />
  );
}
