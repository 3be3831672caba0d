/**
 * Predict, then run: the reader commits a prediction (a number, or one of several bands), which
 * locks; then runs the named widget on the page. When that widget publishes a run
 * (`publishRun(widget, values)` from src/widgets/lib/runEvents.ts), the exercise reads
 * `values[valueKey]` and says "you predicted X, the engine produced Y" and whether X was close enough.
 * Its spec lives in src/course/exercises, where the type checker holds `valueKey` and `runWith` to the
 * keys the widget publishes (src/course/widgetRuns.ts); lessons place it with `<Exercise spec={…} />`.
 */
import type { JSX, TargetedEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { PredictionBand } from "../../exercises/check";
import { ANSWER_MAX_LENGTH, formatNumber } from "../../exercises/display";
import { recordAttempt } from "../../exercises/progress";
import type { PredictExerciseSpec } from "../../course/exercises/spec";
import { echoText } from "../../engine/echo";
import type { PredictionComparison } from "../../exercises/types";
import { subscribeRuns, type WidgetRun } from "../lib/runEvents";
import {
  ExerciseFrame,
  loadChecks,
  ProgressNotice,
  RichText,
  StaticFallback,
  submitOnEnter,
  useProgressNotice,
} from "./shared";
import { useHydrated } from "../lib/useHydrated";

export interface PredictExerciseProps {
  spec: PredictExerciseSpec;
}

/** A numeric prediction keeps the reader's text: it is echoed and stored as typed, never rounded. */
type Prediction = { kind: "number"; value: number; text: string } | { kind: "band"; id: string };

type Checks = Awaited<ReturnType<typeof loadChecks>>;

interface Comparison {
  produced: number;
  within: boolean;
  comparison?: PredictionComparison;
  band?: PredictionBand;
  hint?: string;
}

export default function PredictExercise({ spec: props }: PredictExerciseProps): JSX.Element {
  const { id, lesson } = props;
  const hydrated = useHydrated();
  const [notice, claimNotice] = useProgressNotice(hydrated);
  const [value, setValue] = useState("");
  const [bandId, setBandId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [result, setResult] = useState<Comparison | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const bands = props.bands;

  // Listen only while a prediction is locked and not yet compared: runs made before predicting
  // do not count, or the "prediction" could be read off the widget.
  useEffect(() => {
    if (!hydrated || prediction === null || result !== null) return undefined;
    return subscribeRuns((run: WidgetRun) => {
      for (const [key, wanted] of Object.entries<number | undefined>(props.runWith ?? {})) {
        if (wanted === undefined) continue;
        const got = run.values[key];
        if (got === undefined || Math.abs(got - wanted) > 1e-9) {
          setMismatch(
            got === undefined
              ? `That run did not report ${key}; this question needs ${key} = ${formatNumber(wanted)}.`
              : `That run used ${key} = ${formatNumber(got)}; this question is about ${key} = ${formatNumber(wanted)}. Change it and run again.`,
          );
          return;
        }
      }
      const produced = run.values[props.valueKey];
      if (produced === undefined) {
        setMismatch(`That run did not report ${props.valueKey}.`);
        return;
      }
      setMismatch(null);
      void loadChecks().then((checks) => setResult(compare(checks, prediction, produced)));
    }, props.widget);
  }, [hydrated, prediction, result, props.widget, props.valueKey, props.runWith]);

  // Record the attempt once per comparison.
  useEffect(() => {
    if (result === null || prediction === null) return;
    const answer = prediction.kind === "number" ? prediction.text : prediction.id;
    recordAttempt(lesson, id, { correct: result.within, answer });
    claimNotice();
  }, [result]);

  function compare(checks: Checks, p: Prediction, produced: number): Comparison {
    const { bandFor, checkNumeric, comparePrediction } = checks;
    if (p.kind === "band") {
      const band = bands === undefined ? undefined : bandFor(produced, bands);
      const within = band?.id === p.id;
      const hint = within ? undefined : props.hints?.find((h) => h.when === p.id)?.hint;
      return { produced, within, ...(band !== undefined && { band }), ...(hint !== undefined && { hint }) };
    }
    const comparison = comparePrediction(p.value, produced, props.tolerance ?? 0, props.relativeTolerance ?? 0);
    let hint: string | undefined;
    if (!comparison.within && props.hints !== undefined) {
      // The same matching rules as a numeric exercise whose answer is what the engine produced.
      const checked = checkNumeric(String(p.value), {
        answer: produced,
        tolerance: props.tolerance ?? 0,
        relativeTolerance: props.relativeTolerance ?? 0,
        hints: props.hints,
      });
      if (checked.kind === "wrong" && checked.hint !== undefined) hint = checked.hint;
    }
    return { produced, within: comparison.within, comparison, ...(hint !== undefined && { hint }) };
  }

  const expectedText =
    props.expected === undefined
      ? undefined
      : typeof props.expected === "number"
        ? `${formatNumber(props.expected)}${props.unit !== undefined ? ` ${props.unit}` : ""}`
        : props.expected;

  if (!hydrated) {
    return (
      <ExerciseFrame id={id} kind="predict">
        <StaticFallback
          question={props.question}
          {...(expectedText !== undefined && { answer: expectedText })}
          explanation={props.explanation}
        >
          {bands !== undefined && (
            <ul class="exercise-static-options">
              {bands.map((b) => (
                <li key={b.id}>
                  <RichText text={b.text} />
                </li>
              ))}
            </ul>
          )}
        </StaticFallback>
      </ExerciseFrame>
    );
  }

  const locked = prediction !== null;
  const inputId = `${id}-prediction`;
  const errorId = `${id}-error`;

  async function onSubmit(event: TargetedEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (locked) return;
    const { parseNumber } = await loadChecks();
    if (bands !== undefined) {
      if (bandId === null) {
        setError("Choose your prediction first.");
        return;
      }
      setError(null);
      setPrediction({ kind: "band", id: bandId });
      return;
    }
    const parsed = parseNumber(value, props.unit);
    if (!parsed.ok) {
      setError(parsed.message);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setPrediction({ kind: "number", value: parsed.value, text: value.trim() });
  }

  function tryAgain(): void {
    setPrediction(null);
    setResult(null);
    setMismatch(null);
    setValue("");
    setBandId(null);
    if (bands === undefined) inputRef.current?.focus();
    else document.getElementById(`${id}-band-${bands[0]?.id ?? ""}`)?.focus();
  }

  const predictedText =
    prediction === null
      ? ""
      : prediction.kind === "number"
        ? // The unit is added unless the reader typed it ("21 updates" ends in a letter, parseNumber allows only the unit there).
          `${echoText(prediction.text)}${props.unit !== undefined && !/[a-z]\.?$/i.test(prediction.text) ? ` ${props.unit}` : ""}`
        : (bands?.find((b) => b.id === prediction.id)?.text ?? prediction.id);
  const producedText =
    result === null ? "" : `${formatNumber(result.produced)}${props.unit !== undefined ? ` ${props.unit}` : ""}`;
  const state = result !== null ? (result.within ? "correct" : "wrong") : locked ? "waiting" : "answering";

  return (
    <ExerciseFrame id={id} kind="predict" state={state}>
      <form class="exercise-form" onSubmit={(event) => void onSubmit(event)} onFocusIn={() => void loadChecks()} onKeyDown={submitOnEnter} noValidate>
        {bands === undefined ? (
          <>
            <label for={inputId} class="exercise-question">
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
                placeholder="your prediction"
                value={value}
                maxLength={ANSWER_MAX_LENGTH}
                readOnly={locked}
                aria-invalid={error !== null}
                aria-describedby={errorId}
                onInput={(event) => {
                  setValue(event.currentTarget.value);
                  setError(null);
                }}
              />
              {props.unit !== undefined && <span class="exercise-suffix">{props.unit}</span>}
              <button type="submit" class="exercise-button exercise-check" aria-disabled={locked}>
                Lock in prediction
              </button>
            </div>
          </>
        ) : (
          <>
            <fieldset class="exercise-fieldset" aria-describedby={errorId}>
              <legend class="exercise-question">
                <RichText text={props.question} />
              </legend>
              <ul class="exercise-options">
                {bands.map((band) => (
                  <li key={band.id} class="exercise-option">
                    <input
                      id={`${id}-band-${band.id}`}
                      type="radio"
                      name={`${id}-band`}
                      value={band.id}
                      checked={bandId === band.id}
                      onChange={() => {
                        if (!locked) {
                          setBandId(band.id);
                          setError(null);
                        }
                      }}
                    />
                    <label for={`${id}-band-${band.id}`}>
                      <RichText text={band.text} />
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div class="exercise-row">
              <button type="submit" class="exercise-button exercise-check" aria-disabled={locked}>
                Lock in prediction
              </button>
            </div>
          </>
        )}
        <p id={errorId} class="exercise-error" aria-live="polite">
          {error}
        </p>
        <div role="status" class="exercise-feedback">
          {!locked && (
            <p class="exercise-instruction">
              Predict first: lock in your answer, then run the widget to see what the engine does.
            </p>
          )}
          {locked && result === null && (
            <>
              <p>
                Your prediction, <strong>{predictedText}</strong>, is locked in. Now run the widget:{" "}
                <RichText text={props.runInstruction} />
              </p>
              {mismatch !== null && <p class="exercise-hint">{mismatch}</p>}
            </>
          )}
          {result !== null && (
            <>
              <p class={`exercise-verdict ${result.within ? "exercise-verdict-ok" : "exercise-verdict-bad"}`}>
                You predicted {predictedText}; the engine produced {producedText}
                {result.band !== undefined && prediction?.kind === "band" && ` (${result.band.text})`}.{" "}
                {result.within
                  ? prediction?.kind === "band"
                    ? "Your prediction was right."
                    : "That is within the tolerance: your prediction was right."
                  : prediction?.kind === "band"
                    ? "Your prediction was not right."
                    : `That is off by ${formatNumber(Math.abs(result.produced - (prediction?.kind === "number" ? prediction.value : 0)))}, more than the tolerance.`}
              </p>
              {result.hint !== undefined && (
                <p class="exercise-hint">
                  <strong>Hint:</strong> <RichText text={result.hint} />
                </p>
              )}
              <p>
                <RichText text={props.explanation} />
              </p>
            </>
          )}
        </div>
        <div class="exercise-actions">
          {locked && (
            <button type="button" class="exercise-button exercise-secondary" onClick={tryAgain}>
              {result === null ? "Change my prediction" : "Try again"}
            </button>
          )}
        </div>
        <ProgressNotice notice={notice} />
      </form>
    </ExerciseFrame>
  );
}
