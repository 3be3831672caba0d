/**
 * The course's exercises (src/course/exercises) as a whole. The type checker already holds every spec
 * to its kind and every predict exercise to the keys its widget publishes; this file checks what types
 * cannot: answers against COURSE.md's arithmetic done here by hand, the shape of the list, and that a
 * reader's saved progress still finds its exercises.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allExercises, exercisesOf } from "../../../src/course/exercises";
import type { ExerciseSpec } from "../../../src/course/exercises/spec";
import { LESSON_SLUGS } from "../../../src/course/lessons";
import { WIDGET_RUN_KEYS } from "../../../src/course/widgetRuns";
import { bandFor, checkChoice, checkNumeric, checkRange, checkShape, formatNumber, formatRange, formatShape } from "../../../src/exercises/check";
import { parseProgress, summarize } from "../../../src/exercises/progress";
import { lessonSlug } from "../../../src/lessonSchema";

const specs = allExercises();
const spec = (lesson: string, id: string): ExerciseSpec => {
  const found = exercisesOf(lesson).find((e) => e.id === id);
  if (found === undefined) throw new Error(`no exercise ${lesson}/${id}`);
  return found;
};

/** COURSE.md's answers, worked out by hand for 50 rows and 3 features; the specs compute them with the engine. */
const BY_HAND: Record<string, number | readonly (number | null)[] | string> = {
  "samples-and-features/x-value-count": 50 * 3,
  "samples-and-features/target-shape": [50, 1],
  "samples-and-features/feature-count": 3,
  "samples-and-features/first-rows-shape": [20, 3],
  "the-input-layer/keras-docs-params": 16 * 32 + 32,
  "the-input-layer/hidden-kernel-shape": [3, 8],
  "the-input-layer/params-at-batch-50": 3 * 8 + 8 + 8 + 1,
  "the-input-layer/predict-two-hidden-layers": 3 * 16 + 16 + 16 * 16 + 16 + 16 + 1,
  "one-sample-forward/hidden-multiplications": 3 * 8,
  "one-sample-forward/one-unit-by-hand": 1 * 0.5 - 2 * 0.25 + 0.5 * 2 + 0.1,
  "one-sample-forward/hidden-activation-shape": [1, 8],
  "one-sample-forward/squared-error-by-hand": 0.25,
  "a-batch-forward/input-units-batch-5": 3,
  "a-batch-forward/batch-input-shape": [5, 3],
  "a-batch-forward/kernel-shape-batch-50": [3, 8],
  "a-batch-forward/parameters-batch-50": 41,
  "a-batch-forward/predict-computation-difference": 0,
  "iterations-and-epochs/iterations-b8": 7,
  "iterations-and-epochs/tenth-batch-positions": [46, 50],
  "iterations-and-epochs/updates-20-epochs-b10": 100,
  "iterations-and-epochs/drop-last-b8": 6,
  "iterations-and-epochs/keras-default-steps": 2,
  "iterations-and-epochs/predict-b7": 8,
  "batch-size-lab/predict-updates-b10": 100,
  "batch-size-lab/predict-drop-last-b8": 6,
  "batch-size-lab/noise-std-b16": 0.4,
  "batch-size-lab/noise-at-n": 0,
  "loss-landscape/updates-full-batch": 5,
  "loss-landscape/predict-updates-b5": 80,
  "what-limits-batch-size/adam-fixed-bytes": 1_000_000 * 4 * 4,
  "what-limits-batch-size/activation-bytes-b64": 1029 * 4 * 64,
  "lstm-inputs/lstm-batch-shape": [8, 5, 3],
  "lstm-inputs/windows-t10": 50 - 10 + 1,
  "lstm-inputs/window-seven-rows": [7, 11],
  "lstm-inputs/keras-lstm-16": 4 * (16 * (3 + 16) + 16),
  "lstm-inputs/predict-windows-t12": 50 - 12 + 1,
  // 5 streams of 10 hours, 2 hours a batch: stream 2 is rows 11–20, its second chunk rows 13–14.
  "lstm-inputs/stateful-next-rows": [13, 14],
  "cheat-sheet/final-iterations-b5": 10,
  "cheat-sheet/final-tenth-batch": [46, 50],
  "cheat-sheet/final-iterations-b8": 7,
  "cheat-sheet/final-drop-last-unused": 2,
  "cheat-sheet/final-last-batch-b7": 1,
  "cheat-sheet/final-keras-default": 2,
  "cheat-sheet/final-total-updates": 100,
  "cheat-sheet/final-dense-544": 544,
  "cheat-sheet/final-windows": 46,
  "cheat-sheet/final-lstm-batch": [8, 5, 3],
  "cheat-sheet/final-pytorch-lstm": 4 * (8 * (3 + 8) + 2 * 8),
  // Choice exercises whose correct option is a number.
  "the-input-layer/input-units-batch-5": "3",
  "lstm-inputs/input-size-lstm": "3",
  "cheat-sheet/final-input-units": "3",
  "samples-and-features/standardised-mean": "0",
};

/** The answer a spec states: a number, shape, range, a predict exercise's expected value, or a choice's correct option text. */
function statedAnswer(e: ExerciseSpec): unknown {
  if (e.kind === "predict") return e.expected;
  if (e.kind === "choice") return e.options.filter((o) => o.correct).map((o) => o.text).join("; ");
  return e.answer;
}

/** The answer as the page writes it, to look for in the explanation. */
function answerText(e: ExerciseSpec): string | undefined {
  if (e.kind === "numeric") return formatNumber(e.answer);
  if (e.kind === "shape") return formatShape(e.answer);
  if (e.kind === "range") return `${e.answer[0]}`;
  if (e.kind === "predict" && typeof e.expected === "number" && e.bands === undefined) return formatNumber(e.expected);
  return undefined;
}

describe("the exercise list", () => {
  it("covers exactly the lessons in content/lessons, each with at least 4 exercises", () => {
    const files = readdirSync(new URL("../../../content/lessons/", import.meta.url)).filter((f) => f.endsWith(".mdx"));
    expect(files.map((f) => lessonSlug(f.replace(/\.mdx$/, ""))).sort()).toEqual([...LESSON_SLUGS].sort());
    for (const lesson of LESSON_SLUGS) expect(exercisesOf(lesson).length, lesson).toBeGreaterThanOrEqual(4);
  });

  it("names every exercise's lesson correctly and keeps ids unique within a lesson", () => {
    for (const lesson of LESSON_SLUGS) {
      const ids = exercisesOf(lesson).map((e) => e.id);
      expect(new Set(ids).size, lesson).toBe(ids.length);
      for (const e of exercisesOf(lesson)) {
        expect(e.lesson).toBe(lesson);
        expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
  });

  it("is plain JSON, as Astro passes it to the islands", () => {
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
  });
});

describe("answers", () => {
  it.each(Object.entries(BY_HAND))("%s matches the arithmetic done by hand", (key, expected) => {
    const [lesson, id] = key.split("/") as [string, string];
    const stated = statedAnswer(spec(lesson, id));
    if (typeof expected === "number") expect(stated as number).toBeCloseTo(expected, 9);
    else expect(stated).toEqual(expected);
  });

  it("every exercise the page checks by a number is worked out above", () => {
    const numeric = specs.filter((e) => e.kind !== "choice" && !(e.kind === "predict" && e.bands !== undefined));
    expect(numeric.map((e) => `${e.lesson}/${e.id}`).filter((key) => !(key in BY_HAND))).toEqual([]);
  });

  it("the checker accepts each stated answer", () => {
    for (const e of specs) {
      const where = `${e.lesson}/${e.id}`;
      if (e.kind === "numeric") expect(checkNumeric(formatNumber(e.answer), e).kind, where).toBe("correct");
      if (e.kind === "shape") expect(checkShape(formatShape(e.answer), e).kind, where).toBe("correct");
      if (e.kind === "range") expect(checkRange(formatRange(e.answer), e).kind, where).toBe("correct");
      if (e.kind === "choice") {
        const correct = e.options.filter((o) => o.correct).map((o) => o.id);
        expect(correct.length, where).toBeGreaterThan(0);
        expect(checkChoice(correct, e).result.kind, where).toBe("correct");
      }
    }
  });

  it("explanations quote the answer they explain", () => {
    const plain = (text: string): string => text.replace(/,(?=\d{3})/g, "");
    const silent = specs.filter((e) => {
      const text = answerText(e);
      return text !== undefined && !plain(e.explanation).includes(plain(text));
    });
    expect(silent.map((e) => `${e.lesson}/${e.id}: ${answerText(e)}`)).toEqual([]);
  });
});

describe("hints", () => {
  it("point at wrong answers only, and a choice's hints name a wrong option", () => {
    for (const e of specs) {
      const where = `${e.lesson}/${e.id}`;
      for (const { when } of e.hints ?? []) {
        if (e.kind === "numeric" && typeof when === "number") expect(checkNumeric(String(when), e).kind, where).toBe("wrong");
        if (e.kind === "shape" && typeof when === "string") expect(checkShape(when, e).kind, where).toBe("wrong");
        if (e.kind === "range" && typeof when === "string") expect(checkRange(when, e).kind, where).toBe("wrong");
        if (e.kind === "choice") expect(e.options.find((o) => o.id === when)?.correct, where).toBe(false);
        if (e.kind === "predict" && e.bands !== undefined) expect(e.bands.some((b) => b.id === when), where).toBe(true);
        if (e.kind === "predict" && e.bands === undefined && typeof when === "number") expect(when, where).not.toBe(e.expected);
      }
    }
  });
});

describe("predict-then-run exercises", () => {
  const predicts = specs.filter((e) => e.kind === "predict");

  it("read and require only values their widget publishes", () => {
    expect(predicts.length).toBeGreaterThanOrEqual(8);
    for (const e of predicts) {
      const published: readonly string[] = WIDGET_RUN_KEYS[e.widget];
      expect(published, `${e.lesson}/${e.id}`).toContain(e.valueKey);
      for (const key of Object.keys(e.runWith ?? {})) expect(published, `${e.lesson}/${e.id}`).toContain(key);
    }
  });

  it("state, for readers without JavaScript, a value that lies in one of their bands", () => {
    for (const e of predicts.filter((p) => p.bands !== undefined)) {
      const value = typeof e.expected === "number" ? bandFor(e.expected, e.bands!)?.text : e.expected;
      expect(e.bands!.map((b) => b.text), `${e.lesson}/${e.id}`).toContain(value);
    }
  });
});

describe("saved progress", () => {
  /** Every exercise id the lessons had before the course layer (the MDX of commit 4b99de3), by lesson. */
  const EARLIER_IDS: Record<string, string[]> = {
    "samples-and-features": ["x-value-count", "target-shape", "feature-count", "first-rows-shape", "standardised-mean"],
    "the-input-layer": ["input-units-batch-5", "keras-docs-params", "hidden-kernel-shape", "params-at-batch-50", "predict-two-hidden-layers"],
    "one-sample-forward": ["hidden-multiplications", "one-unit-by-hand", "hidden-activation-shape", "squared-error-by-hand", "untrained-prediction"],
    "a-batch-forward": ["input-units-batch-5", "batch-input-shape", "kernel-shape-batch-50", "parameters-batch-50", "batch-versus-row-five", "predict-computation-difference"],
    "iterations-and-epochs": ["iterations-b8", "tenth-batch-positions", "updates-20-epochs-b10", "drop-last-b8", "keras-default-steps", "short-batch-update", "predict-b7"],
    "batch-size-lab": ["predict-updates-b10", "predict-drop-last-b8", "predict-b1-vs-b50", "noise-std-b16", "noise-at-n", "linear-scaling"],
    "loss-landscape": ["updates-full-batch", "predict-updates-b5", "why-zigzag", "contour-angle"],
    "what-limits-batch-size": ["adam-fixed-bytes", "grows-with-batch", "predict-300-features", "activation-bytes-b64"],
    "lstm-inputs": ["lstm-batch-shape", "windows-t10", "window-seven-rows", "input-size-lstm", "keras-lstm-16", "predict-windows-t12", "stateful-next-rows", "stateful-why-fixed"],
    "cheat-sheet": [
      "final-iterations-b5", "final-tenth-batch", "final-iterations-b8", "final-drop-last-unused", "final-last-batch-b7", "final-b1-b50",
      "final-keras-default", "final-dataloader-default", "final-total-updates", "final-input-units", "final-dense-544", "final-dense-meaning",
      "final-windows", "final-lstm-batch", "final-pytorch-lstm",
    ],
  };
  /**
   * Exercises replaced because their question was wrong: an earlier "correct" answer to the old
   * question must not count for the new one, so they got new ids and the old records are ignored.
   */
  const RETIRED: Record<string, string> = {
    "one-sample-forward/untrained-prediction": "asked why row 1's prediction was far off, though row 1 has the smallest miss of rows 1–5",
    "loss-landscape/contour-angle": "rewarded the claim that a path of discrete steps crosses every contour at a right angle",
  };

  it("keeps every earlier id, in its lesson, except the retired ones", () => {
    for (const [lesson, ids] of Object.entries(EARLIER_IDS)) {
      const now = exercisesOf(lesson).map((e) => e.id);
      expect(ids.filter((id) => !now.includes(id) && !(`${lesson}/${id}` in RETIRED)), lesson).toEqual([]);
    }
    for (const key of Object.keys(RETIRED)) {
      const [lesson, id] = key.split("/") as [string, string];
      expect(exercisesOf(lesson).map((e) => e.id)).not.toContain(id);
    }
  });

  it("a reader's stored answers from before still count on the new list", () => {
    const record = { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: "7", completedAt: "2025-01-01T00:00:00.000Z" };
    const stored = JSON.stringify({
      version: 1,
      exercises: { "iterations-and-epochs/iterations-b8": record, "iterations-and-epochs/drop-last-b8": { ...record, lastAnswer: "6" } },
      seeds: {},
    });
    const { progress } = parseProgress(stored);
    const ids = exercisesOf("iterations-and-epochs").map((e) => e.id);
    expect(summarize(progress, "iterations-and-epochs", ids)).toMatchObject({ total: ids.length, done: 2, correct: 2 });
  });
});
