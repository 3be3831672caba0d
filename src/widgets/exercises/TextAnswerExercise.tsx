/**
 * The form shared by the exercises answered in one text field (numbers, shapes, ranges): a labelled
 * input, Check, feedback in a polite live region, targeted hints, "Show answer" after the first
 * counted attempt and "Try again". The kind-specific parts are the `check` function and the texts.
 */
import type { JSX, TargetedEvent } from "preact";
import { useRef, useState } from "preact/hooks";
import { ANSWER_MAX_LENGTH } from "../../exercises/display";
import { recordAttempt } from "../../exercises/progress";
import { echoText } from "../../engine/echo";
import type { CheckResult } from "../../exercises/types";
import {
  ExerciseFrame,
  ExerciseActions,
  loadChecks,
  RichText,
  StaticFallback,
  useExerciseRecord,
  useProgressNotice,
} from "./shared";
import { useHydrated } from "../lib/useHydrated";

export interface TextAnswerExerciseProps {
  id: string;
  lesson: string;
  kind: string;
  question: string;
  explanation: string;
  /** The answer as the reader should read it: "7 iterations", "(8, 5, 3)", "46-50". */
  answerText: string;
  /** Shown after the field, e.g. the unit. */
  suffix?: string;
  placeholder?: string;
  /** Read and judge what was typed; pure (see src/exercises/check.ts), loaded with loadChecks. */
  check: (raw: string) => Promise<CheckResult>;
}

export function TextAnswerExercise(props: TextAnswerExerciseProps): JSX.Element {
  const { id, lesson } = props;
  const hydrated = useHydrated();
  const record = useExerciseRecord(lesson, id, hydrated);
  const [notice, claimNotice] = useProgressNotice(hydrated);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Exclude<CheckResult, { kind: "invalid" }> | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [attemptedHere, setAttemptedHere] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  /** A check is under way (the checkers may still be loading): a second Enter does not count twice. */
  const checking = useRef(false);

  if (!hydrated) {
    return (
      <ExerciseFrame id={id} kind={props.kind}>
        <StaticFallback question={props.question} answer={props.answerText} explanation={props.explanation} />
      </ExerciseFrame>
    );
  }

  const solved = result?.kind === "correct";
  // "Show answer" toggles rather than disappearing, so keyboard focus is never dropped onto the page.
  const canReveal = (attemptedHere || (record?.attempts ?? 0) > 0) && !solved;
  const inputId = `${id}-answer`;
  const errorId = `${id}-error`;
  const questionId = `${id}-question`;

  async function onSubmit(event: TargetedEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (solved || checking.current) return;
    checking.current = true;
    let checked: CheckResult;
    try {
      checked = await props.check(value);
    } finally {
      checking.current = false;
    }
    if (checked.kind === "invalid") {
      // Not an answer at all: say why beside the field, and do not count it as an attempt.
      setError(checked.message);
      setResult(null);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setResult(checked);
    setAttemptedHere(true);
    recordAttempt(lesson, id, { correct: checked.kind === "correct", answer: checked.answer });
    claimNotice();
  }

  function tryAgain(): void {
    setValue("");
    setError(null);
    setResult(null);
    setRevealed(false);
    inputRef.current?.focus();
  }

  const state = solved ? "correct" : result?.kind === "wrong" ? "wrong" : revealed ? "revealed" : "answering";

  return (
    <ExerciseFrame id={id} kind={props.kind} state={state}>
      <form class="exercise-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <label id={questionId} for={inputId} class="exercise-question">
          <RichText text={props.question} />
        </label>
        <div class="exercise-row">
          <input
            ref={inputRef}
            id={inputId}
            class="exercise-input"
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder={props.placeholder}
            value={value}
            maxLength={ANSWER_MAX_LENGTH}
            readOnly={solved}
            aria-invalid={error !== null}
            aria-describedby={errorId}
            onFocus={() => void loadChecks()}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              setError(null);
            }}
          />
          {props.suffix !== undefined && <span class="exercise-suffix">{props.suffix}</span>}
          <button type="submit" class="exercise-button exercise-check" aria-disabled={solved}>
            Check
          </button>
        </div>
        <p id={errorId} class="exercise-error" aria-live="polite">
          {error}
        </p>
        <div role="status" class="exercise-feedback">
          {result?.kind === "correct" && (
            <>
              <p class="exercise-verdict exercise-verdict-ok">Correct.</p>
              <p>
                <RichText text={props.explanation} />
              </p>
            </>
          )}
          {result?.kind === "wrong" && (
            <>
              <p class="exercise-verdict exercise-verdict-bad">Not quite: {echoText(result.answer)} is not the answer.</p>
              {result.message !== undefined && <p>{result.message}</p>}
              {result.hint !== undefined && (
                <p class="exercise-hint">
                  <strong>Hint:</strong> <RichText text={result.hint} />
                </p>
              )}
            </>
          )}
          {revealed && !solved && (
            <div class="exercise-reveal">
              <p>
                <strong>Answer:</strong> {props.answerText}
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
          canRetry={result !== null || revealed}
          onRetry={tryAgain}
          solvedBefore={record?.correct === true && result === null && !revealed}
          notice={notice}
        />
      </form>
    </ExerciseFrame>
  );
}
