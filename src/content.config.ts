import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { glossarySchema, lessonSchema } from "./lessonSchema";

const lessons = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/lessons" }),
  schema: lessonSchema,
});

const glossary = defineCollection({
  loader: file("./content/glossary.json"),
  schema: glossarySchema,
});

export const collections = { lessons, glossary };
