/**
 * The lessons by slug, in course order. A lesson's slug is its file name without the number:
 * content/lessons/05-iterations-and-epochs.mdx is "iterations-and-epochs" (src/lessonSchema.ts).
 * Exercises name their lesson with one of these, and progress is stored under "slug/id".
 */
export const LESSON_SLUGS = [
  "samples-and-features",
  "the-input-layer",
  "one-sample-forward",
  "a-batch-forward",
  "iterations-and-epochs",
  "batch-size-lab",
  "loss-landscape",
  "what-limits-batch-size",
  "lstm-inputs",
  "cheat-sheet",
] as const;

export type LessonSlug = (typeof LESSON_SLUGS)[number];

export function isLessonSlug(slug: string): slug is LessonSlug {
  return (LESSON_SLUGS as readonly string[]).includes(slug);
}
