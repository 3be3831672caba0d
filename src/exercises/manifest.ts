/** Exercise components an author can place in a lesson; their `id` props identify progress entries. */
const exerciseTag = /<(?:Numeric|Shape|Choice|Predict|Range)Exercise\b[^>]*?\bid="([^"]+)"/g;

/** The ids of the exercises in a lesson's MDX source, in page order. */
export function exerciseIdsIn(mdxSource: string): string[] {
  return [...mdxSource.matchAll(exerciseTag)].map((match) => match[1] ?? "").filter((id) => id !== "");
}
