import { getCollection, type CollectionEntry } from "astro:content";
import { lessonSlug } from "../lessonSchema";
import { withBase } from "./url";
import { exercisesOf } from "../course/exercises";

export interface LessonLink {
  entry: CollectionEntry<"lessons">;
  slug: string;
  href: string;
  title: string;
  order: number;
  /** Its exercises in page order (src/course/exercises), with the question that names each one. */
  exercises: { id: string; question: string }[];
  exerciseIds: string[];
}

/** All lessons in course order, with their route and their exercises. */
export async function courseLessons(): Promise<LessonLink[]> {
  const entries = await getCollection("lessons");
  return entries
    .map((entry) => {
      const slug = lessonSlug(entry.id);
      const exercises = exercisesOf(slug).map(({ id, question }) => ({ id, question }));
      return {
        entry,
        slug,
        href: withBase(`/lessons/${slug}/`),
        title: entry.data.title,
        order: entry.data.order,
        exercises,
        exerciseIds: exercises.map((exercise) => exercise.id),
      };
    })
    .sort((a, b) => a.order - b.order);
}

/** Words a reader reads, ignoring import lines, JSX tags and math markup; 200 words a minute. */
export function readingMinutes(body: string): number {
  const prose = body
    .replace(/^import .*$/gm, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]*\$/g, " x ");
  const words = prose.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
  return Math.max(1, Math.round(words / 200));
}
