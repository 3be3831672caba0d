import { z } from "astro/zod";

/** Frontmatter every lesson must have; Astro validates it at build time and names the file and field on failure. */
export const lessonSchema = z
  .object({
    title: z.string().min(3, "title must be at least 3 characters"),
    order: z.number().int().positive("order must be a positive whole number"),
    summary: z
      .string()
      .min(20, "summary must be at least 20 characters (it is the page description)")
      .max(200, "summary must be at most 200 characters (it is the page description)"),
    objectives: z.array(z.string().min(3)).min(1, "list at least one learning objective"),
    minutes: z.number().int().min(1).max(120, "minutes must be between 1 and 120"),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;

/** `05-iterations-and-epochs` → `iterations-and-epochs`: the order prefix sorts files, the route omits it. */
export function lessonSlug(fileId: string): string {
  return fileId.replace(/^\d+-/, "");
}

/** One glossary term; lessons reference it with <Term id="…">. */
export const glossarySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "id must be lowercase words joined by hyphens"),
    term: z.string().min(1),
    definition: z.string().min(10),
    aka: z.array(z.string()).optional(),
  })
  .strict();
