/**
 * Multiple choice: radio buttons when one option is correct, checkboxes when several are. Options are
 * shuffled per reader with a seed stored in their progress (stable across reloads); after checking,
 * each ticked option shows its own explanation, and after a correct answer (or "Show answer") all do.
 * Its spec lives in src/course/exercises; lessons place it with `<Exercise spec={…} />`.
 */
import type { JSX, TargetedEvent } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import { isMultipleChoice } from "../../exercises/display";
import { exerciseSeed, recordAttempt } from "../../exercises/progress";
import { seededOrder } from "../../exercises/shuffle";
import type { ChoiceExerciseSpec } from "../../course/exercises/spec";
import type { CheckResult, ChoiceVerdict } from "../../exercises/types";
import {
  ExerciseFrame,
  ExerciseActions,
  loadChecks,
  RichText,
  StaticFallback,
  submitOnEnter,
  useExerciseRecord,
  useProgressNotice,
} from "./shared";
import { useHydrated } from "../lib/useHydrated";

export interface ChoiceExerciseProps {
  spec: ChoiceExerciseSpec;
}

export default function ChoiceExercise({ spec: props }: ChoiceExerciseProps): JSX.Element {
  const { id, lesson } = props;
  const hydrated = useHydrated();
  const record = useExerciseRecord(lesson, id, hydrated);
  const [notice, claimNotice] = useProgressNotice(hydrated);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{
    result: Exclude<CheckResult, { kind: "invalid" }>;
    verdicts: ChoiceVerdict[];
  } | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [attemptedHere, setAttemptedHere] = useState(false);
  const multiple = isMultipleChoice(props);

  // The seed is read (or drawn and stored) only in the browser; the server keeps the authored order.
  const ordered = useMemo(
    () => (hydrated && !props.fixedOrder ? seededOrder(props.options, exerciseSeed(lesson, id)) : props.options),
    [hydrated, props.options, props.fixedOrder, lesson, id],
  );

  const correctOptions = props.options.filter((o) => o.correct);
  const answerText = correctOptions.map((o) => o.text).join("; ");

  if (!hydrated) {
    return (
      <ExerciseFrame id={id} kind="choice">
        <StaticFallback question={props.question} answer={answerText} explanation={props.explanation}>
          <ul class="exercise-static-options">
            {props.options.map((o) => (
              <li key={o.id}>
                <RichText text={o.text} />
              </li>
            ))}
          </ul>
        </StaticFallback>
        <details class="exercise-static-notes" data-pagefind-ignore="all">
          <summary>Why each option is right or wrong</summary>
          <ul>
            {props.options.map((o) => (
              <li key={o.id}>
                <strong>
                  <RichText text={o.text} />
                </strong>{" "}
                ({o.correct ? "correct" : "not correct"}): <RichText text={o.explanation} />
              </li>
            ))}
          </ul>
        </details>
      </ExerciseFrame>
    );
  }

  const solved = outcome?.result.kind === "correct";
  const canReveal = (attemptedHere || (record?.attempts ?? 0) > 0) && !solved;
  const showAll = solved || revealed;
  const questionId = `${id}-question`;
  const errorId = `${id}-error`;

  /** A check is under way (the checkers may still be loading): a second Enter does not count twice. */
  const checking = useRef(false);

  function toggle(optionId: string, checked: boolean): void {
    if (solved) return;
    setError(null);
    // A changed selection makes the previous verdicts stale.
    setOutcome(null);
    if (multiple) {
      setSelected((current) =>
        checked ? [...current.filter((x) => x !== optionId), optionId] : current.filter((x) => x !== optionId),
      );
    } else if (checked) {
      setSelected([optionId]);
    }
  }

  async function onSubmit(event: TargetedEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (solved || checking.current) return;
    checking.current = true;
    const { checkChoice } = await loadChecks().finally(() => (checking.current = false));
    const checked = checkChoice(selected, props);
    if (checked.result.kind === "invalid") {
      setError(checked.result.message);
      return;
    }
    setError(null);
    setOutcome({ result: checked.result, verdicts: checked.verdicts });
    setAttemptedHere(true);
    recordAttempt(lesson, id, { correct: checked.result.kind === "correct", answer: checked.result.answer });
    claimNotice();
  }

  function tryAgain(): void {
    setSelected([]);
    setOutcome(null);
    setRevealed(false);
    setError(null);
    const first = document.getElementById(`${id}-option-${ordered[0]?.id ?? ""}`);
    first?.focus();
  }

  const state = solved ? "correct" : outcome ? "wrong" : revealed ? "revealed" : "answering";

  return (
    <ExerciseFrame id={id} kind="choice" state={state}>
      <form class="exercise-form" onSubmit={(event) => void onSubmit(event)} onFocusIn={() => void loadChecks()} onKeyDown={submitOnEnter} noValidate>
        <fieldset class="exercise-fieldset" aria-describedby={errorId}>
          <legend id={questionId} class="exercise-question">
            <RichText text={props.question} />
            {multiple && <span class="exercise-instruction"> (tick every correct option)</span>}
          </legend>
          <ul class="exercise-options">
            {ordered.map((option) => {
              const inputId = `${id}-option-${option.id}`;
              const noteId = `${inputId}-note`;
              const verdict = outcome?.verdicts.find((v) => v.id === option.id);
              const isSelected = selected.includes(option.id);
              const showNote = showAll || (verdict?.selected ?? false);
              return (
                <li key={option.id} class="exercise-option" data-verdict={showNote ? (option.correct ? "ok" : "bad") : undefined}>
                  <input
                    id={inputId}
                    type={multiple ? "checkbox" : "radio"}
                    name={`${id}-choice`}
                    value={option.id}
                    checked={isSelected}
                    aria-describedby={showNote ? noteId : undefined}
                    onChange={(event) => toggle(option.id, event.currentTarget.checked)}
                  />
                  <label for={inputId}>
                    <RichText text={option.text} />
                  </label>
                  {showNote && (
                    <p id={noteId} class="exercise-option-note">
                      <span class={`exercise-mark ${option.correct ? "exercise-mark-ok" : "exercise-mark-bad"}`}>
                        {option.correct ? "Correct option" : "Not correct"}
                      </span>
                      {": "}
                      <RichText text={option.explanation} />
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <p id={errorId} class="exercise-error" aria-live="polite">
          {error}
        </p>
        <div class="exercise-row">
          <button type="submit" class="exercise-button exercise-check" aria-disabled={solved}>
            Check
          </button>
        </div>
        <div role="status" class="exercise-feedback">
          {solved && (
            <>
              <p class="exercise-verdict exercise-verdict-ok">Correct.</p>
              <p>
                <RichText text={props.explanation} />
              </p>
            </>
          )}
          {outcome?.result.kind === "wrong" && (
            <>
              <p class="exercise-verdict exercise-verdict-bad">Not quite.</p>
              {outcome.result.message !== undefined && <p>{outcome.result.message}</p>}
              {outcome.result.hint !== undefined && (
                <p class="exercise-hint">
                  <strong>Hint:</strong> <RichText text={outcome.result.hint} />
                </p>
              )}
              <p>The note under each option you ticked says why.</p>
            </>
          )}
          {revealed && !solved && (
            <div class="exercise-reveal">
              <p>
                <strong>Answer:</strong> <RichText text={answerText} />
              </p>
              <p>
                <RichText text={props.explanation} />
              </p>
            </div>
          )}
        </div>
        <ExerciseActions
          canReveal={canReveal}
          revealed={revealed}
          onToggleReveal={() => setRevealed(!revealed)}
          canRetry={outcome !== null || revealed}
          onRetry={tryAgain}
          solvedBefore={record?.correct === true && outcome === null && !revealed}
          notice={notice}
        />
      </form>
    </ExerciseFrame>
  );
}
