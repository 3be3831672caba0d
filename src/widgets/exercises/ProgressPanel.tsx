/**
 * The progress page's island: per-lesson scores, the overall score, links back to the exercises the
 * reader missed, and a reset with a confirmation step. Everything is read from the browser's storage,
 * so the server render can only say so.
 *
 *   <ProgressPanel client:load manifest={{ lessons: [{ slug, title, href, exercises: [{ id, question }] }] }} />
 */
import type { JSX } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  loadProgress,
  missedIn,
  resetProgress,
  subscribe,
  summarize,
  type Progress,
} from "../../exercises/progress";
import { useHydrated } from "../lib/useHydrated";
import { ProgressNotice, RichText, useProgressNotice } from "./shared";

export interface ProgressManifestLesson {
  slug: string;
  title: string;
  /** The lesson's URL; missed exercises link to `${href}#${exerciseId}`. */
  href: string;
  /** In page order; a missed exercise is named by its question. */
  exercises: { id: string; question: string }[];
}

export interface ProgressManifest {
  lessons: ProgressManifestLesson[];
}

export interface ProgressPanelProps {
  manifest: ProgressManifest;
  /** Heading level of the panel's sections; default 2. */
  headingLevel?: 2 | 3 | 4;
}

export default function ProgressPanel({ manifest, headingLevel = 2 }: ProgressPanelProps): JSX.Element {
  const hydrated = useHydrated();
  const [notice] = useProgressNotice(hydrated);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState("");
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!hydrated) return undefined;
    setProgress(loadProgress());
    return subscribe((next) => setProgress(next));
  }, [hydrated]);

  // Focus follows the confirmation step: onto Cancel when it opens, back to Reset when it closes.
  // A layout effect, so focus moves in the same task as the buttons swap and never rests on <body>.
  const focusResetNext = useRef(false);
  useLayoutEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (focusResetNext.current) resetButton.current?.focus();
    focusResetNext.current = false;
  }, [confirming]);

  if (!hydrated || progress === null) {
    return (
      <div class="progress-panel">
        <p>Progress is stored in your browser; enable JavaScript to see it.</p>
      </div>
    );
  }

  const Heading = `h${headingLevel}` as "h2";
  const rows = manifest.lessons.map((lesson) => ({
    lesson,
    summary: summarize(
      progress,
      lesson.slug,
      lesson.exercises.map((exercise) => exercise.id),
    ),
  }));
  const total = rows.reduce((sum, r) => sum + r.summary.total, 0);
  const correct = rows.reduce((sum, r) => sum + r.summary.correct, 0);
  const attempted = rows.reduce((sum, r) => sum + r.summary.done, 0);
  const missed = missedIn(progress).flatMap((m) => {
    const lesson = manifest.lessons.find((l) => l.slug === m.lesson);
    const exercise = lesson?.exercises.find((e) => e.id === m.id);
    return lesson === undefined || exercise === undefined ? [] : [{ lesson, exercise }];
  });

  function confirmReset(): void {
    resetProgress();
    focusResetNext.current = true;
    setConfirming(false);
    setStatus("Your progress has been reset.");
  }

  return (
    <div class="progress-panel">
      <ProgressNotice notice={notice} />
      <p class="progress-overall">
        Overall: <strong>{correct} of {total}</strong> exercises answered correctly
        {attempted > correct ? ` (${attempted} attempted)` : ""}.
      </p>
      <ul class="progress-lessons">
        {rows.map(({ lesson, summary }) => (
          <li key={lesson.slug} class="progress-lesson">
            <a href={lesson.href}>{lesson.title}</a>
            <span class="progress-bar" aria-hidden="true">
              <span
                class="progress-bar-fill"
                style={{ width: `${summary.total === 0 ? 0 : (100 * summary.correct) / summary.total}%` }}
              />
            </span>
            <span class="progress-count">
              {summary.correct} of {summary.total} correct
            </span>
          </li>
        ))}
      </ul>
      <Heading class="progress-heading">Retry the ones I missed</Heading>
      {missed.length === 0 ? (
        <p>{attempted === 0 ? "You have not answered any exercise yet." : "Nothing missed: every exercise you tried, you got right."}</p>
      ) : (
        <ul class="progress-missed">
          {missed.map((m) => (
            <li key={`${m.lesson.slug}/${m.exercise.id}`}>
              <a href={`${m.lesson.href}#${m.exercise.id}`}>
                {m.lesson.title}: <RichText text={m.exercise.question} />
              </a>
            </li>
          ))}
        </ul>
      )}
      <div class="progress-reset">
        {confirming ? (
          <div role="group" aria-labelledby="progress-reset-question" class="progress-confirm">
            <p id="progress-reset-question">
              Clear every answer saved in this browser? This cannot be undone.
            </p>
            <button type="button" class="exercise-button exercise-danger" onClick={confirmReset}>
              Yes, reset my progress
            </button>{" "}
            <button
              type="button"
              ref={cancelButton}
              class="exercise-button exercise-secondary"
              onClick={() => {
                focusResetNext.current = true;
                setConfirming(false);
              }}
            >
              Cancel
            </button>
          </div>
        ) : (
          <button
            type="button"
            ref={resetButton}
            class="exercise-button exercise-secondary"
            onClick={() => {
              setStatus("");
              setConfirming(true);
            }}
          >
            Reset progress…
          </button>
        )}
      </div>
      <p role="status" class="progress-status">
        {status}
      </p>
    </div>
  );
}
