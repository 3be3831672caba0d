/**
 * Every exercise of the course, by lesson, in page order. The sidebar ticks, the progress page and
 * the tests read this list; a lesson shows an exercise with `<Exercise spec={lesson5["iterations-b8"]} />`.
 */
import type { LessonSlug } from "../lessons";
import { lesson1 } from "./lesson1";
import { lesson2 } from "./lesson2";
import { lesson3 } from "./lesson3";
import { lesson4 } from "./lesson4";
import { lesson5 } from "./lesson5";
import { lesson6 } from "./lesson6";
import { lesson7 } from "./lesson7";
import { lesson8 } from "./lesson8";
import { lesson9 } from "./lesson9";
import { lesson10 } from "./lesson10";
import type { ExerciseSpec } from "./spec";

export { lesson1, lesson2, lesson3, lesson4, lesson5, lesson6, lesson7, lesson8, lesson9, lesson10 };

const BY_LESSON: Record<LessonSlug, Record<string, ExerciseSpec>> = {
  "samples-and-features": lesson1,
  "the-input-layer": lesson2,
  "one-sample-forward": lesson3,
  "a-batch-forward": lesson4,
  "iterations-and-epochs": lesson5,
  "batch-size-lab": lesson6,
  "loss-landscape": lesson7,
  "what-limits-batch-size": lesson8,
  "lstm-inputs": lesson9,
  "cheat-sheet": lesson10,
};

/** A lesson's exercises in page order (an unknown slug has none). */
export function exercisesOf(lesson: string): ExerciseSpec[] {
  return Object.values((BY_LESSON as Record<string, Record<string, ExerciseSpec>>)[lesson] ?? {});
}

/** Every exercise of the course, lesson by lesson. */
export function allExercises(): ExerciseSpec[] {
  return Object.values(BY_LESSON).flatMap((specs) => Object.values(specs));
}
