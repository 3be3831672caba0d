/**
 * Pieces every exercise island shares: the hydration flag that switches the no-JS fallback for the
 * interactive form, inline text with `code`, the one-time progress notice, and the reader's record.
 */
import type { ComponentChildren, JSX, TargetedKeyboardEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  exerciseState,
  subscribe,
  takeProgressNotice,
  type ExerciseRecord,
} from "../../exercises/progress";
import "./exercises.css";

/**
 * The answer checkers, loaded when the reader first engages with an exercise (focus, or Check) rather than with
 * the page: most readers scroll past most exercises. The module system loads it once.
 */
export function loadChecks(): Promise<typeof import("../../exercises/check")> {
  return import("../../exercises/check");
}

/**
 * Prose in props is plain text in which `backticks` mark code, the one markup a question about
 * `Dense(32, input_shape=(16,))` needs. Anything else is rendered as text, never as HTML.
 */
export function RichText({ text }: { text: string }): JSX.Element {
  const parts = text.split(/`([^`]*)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

/** The reader's stored record for this exercise, kept current as answers arrive here or in other tabs. */
export function useExerciseRecord(lesson: string, id: string, hydrated: boolean): ExerciseRecord | undefined {
  const [record, setRecord] = useState<ExerciseRecord | undefined>(undefined);
  useEffect(() => {
    if (!hydrated) return undefined;
    setRecord(exerciseState(lesson, id));
    return subscribe(() => setRecord(exerciseState(lesson, id)));
  }, [lesson, id, hydrated]);
  return record;
}

/**
 * The progress store's notice ("could not be saved"), shown by whichever island
 * claims it first; `claim` is called after hydration and after each of this island's own writes.
 */
export function useProgressNotice(hydrated: boolean): [string | null, () => void] {
  const [notice, setNotice] = useState<string | null>(null);
  const claim = (): void => {
    const taken = takeProgressNotice();
    if (taken !== null) setNotice(taken);
  };
  useEffect(() => {
    if (hydrated) claim();
  }, [hydrated]);
  return [notice, claim];
}

export function ProgressNotice({ notice }: { notice: string | null }): JSX.Element | null {
  return notice === null ? null : <p class="exercise-notice">{notice}</p>;
}

/** The root every exercise shares: `id` is the anchor the progress page links to. */
export function ExerciseFrame(props: {
  id: string;
  kind: string;
  state?: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <div class="exercise" id={props.id} data-exercise-kind={props.kind} data-state={props.state ?? "static"}>
      <p class="exercise-kicker" aria-hidden="true">
        Exercise
      </p>
      {props.children}
    </div>
  );
}

/**
 * What the page shows without JavaScript: the question and, folded, the answer and explanation. The fold is kept out
 * of the search index (data-pagefind-ignore), so search results never quote an answer.
 */
export function StaticFallback(props: {
  question: string;
  answer?: ComponentChildren;
  explanation: string;
  children?: ComponentChildren;
}): JSX.Element {
  return (
    <div class="exercise-fallback">
      <p class="exercise-question">
        <RichText text={props.question} />
      </p>
      {props.children}
      <details data-pagefind-ignore="all">
        <summary>Show the answer</summary>
        {props.answer !== undefined && (
          <p>
            <strong>Answer:</strong> {props.answer}
          </p>
        )}
        <p>
          <RichText text={props.explanation} />
        </p>
      </details>
    </div>
  );
}

/** Enter on a radio button or checkbox submits the form, as it does in a text field. */
export function submitOnEnter(event: TargetedKeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLInputElement | null;
  if (event.key !== "Enter" || !target || (target.type !== "radio" && target.type !== "checkbox")) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

interface ExerciseActionsProps {
  canReveal: boolean;
  revealed: boolean;
  onToggleReveal: () => void;
  /** "Try again" shows once there is a verdict or the answer is revealed. */
  canRetry: boolean;
  onRetry: () => void;
  /** A correct answer from an earlier visit, and nothing checked on this one yet. */
  solvedBefore: boolean;
  notice: string | null;
}

/**
 * The end of every exercise form: "Show answer" (a toggle, so keyboard focus is never dropped onto the page),
 * "Try again", the note about an earlier correct answer, and the one-time progress notice.
 */
export function ExerciseActions(props: ExerciseActionsProps): JSX.Element {
  return (
    <>
      <div class="exercise-actions">
        {props.canReveal && (
          <button type="button" class="exercise-button exercise-secondary" aria-expanded={props.revealed} onClick={props.onToggleReveal}>
            {props.revealed ? "Hide answer" : "Show answer"}
          </button>
        )}
        {props.canRetry && (
          <button type="button" class="exercise-button exercise-secondary" onClick={props.onRetry}>
            Try again
          </button>
        )}
      </div>
      {props.solvedBefore && <p class="exercise-previous">You answered this correctly before.</p>}
      <ProgressNotice notice={props.notice} />
    </>
  );
}
