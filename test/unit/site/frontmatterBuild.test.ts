import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeScratchCopies, runIn, scratchCopy } from "./scratchProject";

/** A copy of the site with one extra lesson, checked by `astro sync` (the content step of a build). */
async function syncWithLesson(fileName: string, source: string): Promise<{ ok: boolean; output: string }> {
  const folder = await scratchCopy(["astro.config.mjs", "tsconfig.json", "package.json", "src", "content"]);
  await writeFile(join(folder, "content/lessons", fileName), source);
  return runIn(folder, "astro", ["sync"]);
}

afterAll(removeScratchCopies);

describe("lesson frontmatter at build time", () => {
  it("fails the content build naming the file and every bad field", async () => {
    const result = await syncWithLesson(
      "99-broken-lesson.mdx",
      "---\ntitle: Broken\norder: 0\nsummary: too short\nobjectives: []\nminutes: 5\n---\nText.\n",
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain("99-broken-lesson");
    expect(result.output).toContain("order: order must be a positive whole number");
    expect(result.output).toContain("summary: summary must be at least 20 characters");
    expect(result.output).toContain("objectives: list at least one learning objective");
  }, 120_000);
});
