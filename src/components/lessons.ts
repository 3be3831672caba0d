import { getCollection, type CollectionEntry } from "astro:content";
import { lessonSlug } from "../lessonSchema";
import { withBase } from "./url";
import { exerciseIdsIn } from "../exercises/manifest";

export interface LessonLink {
  entry: CollectionEntry<"lessons">;
  slug: string;
  href: string;
  title: string;
  order: number;
  exerciseIds: string[];
}

/** All lessons in course order, with their route and the ids of the exercises they contain. */
export async function courseLessons(): Promise<LessonLink[]> {
  const entries = await getCollection("lessons");
  return entries
    .map((entry) => {
      const slug = lessonSlug(entry.id);
      return {
        entry,
        slug,
        href: withBase(`/lessons/${slug}/`),
        title: entry.data.title,
        order: entry.data.order,
        exerciseIds: exerciseIdsIn(entry.body ?? ""),
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
