/**
 * README's "Add an exercise" recipe, followed as written on a copy of the project: each code block is put
 * where the step before it says, then the type check, the exercise tests and a build must pass and the
 * built lesson must show the new exercise. If the recipe stops working (an API changes and the README does
 * not), this fails.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, removeScratchCopies, runIn, scratchCopy } from "./scratchProject";

export interface RecipeStep {
  /** The file the step names (the first path in backticks). */
  file: string;
  /** Where the block goes, as the step says it. */
  where: "before-closing" | "anywhere" | "in-by-hand";
  code: string;
}

/** The numbered steps of a README section that carry a code block, in order. */
export function recipeSteps(readme: string, heading: string): RecipeStep[] {
  const start = readme.indexOf(`### ${heading}`);
  if (start < 0) throw new Error(`README has no "### ${heading}" section`);
  const next = readme.indexOf("\n### ", start + 4);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const steps: RecipeStep[] = [];
  for (const m of section.matchAll(/^\d+\. ([\s\S]*?)\n( *)```\w*\n([\s\S]*?)\n\2```/gm)) {
    const text = m[1]!;
    const file = /`([^`\s]+\.(?:ts|mdx))`/.exec(text)?.[1];
    if (file === undefined) throw new Error(`A step names no file: ${text.slice(0, 80)}`);
    const where = /closing `\}\);`/.test(text) ? "before-closing" : /`BY_HAND`/.test(text) ? "in-by-hand" : "anywhere";
    const indent = m[2]!.length;
    const code = m[3]!
      .split("\n")
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join("\n");
    steps.push({ file, where, code });
  }
  return steps;
}

/** The source with `code` put where the step says. */
export function applyStep(source: string, step: RecipeStep): string {
  if (step.where === "before-closing") {
    const closing = source.lastIndexOf("});");
    if (closing < 0) throw new Error(`${step.file} has no closing "});"`);
    return `${source.slice(0, closing)}${step.code}\n${source.slice(closing)}`;
  }
  if (step.where === "in-by-hand") {
    const table = /const BY_HAND[^=]*= \{\n/.exec(source);
    if (table === null) throw new Error(`${step.file} has no BY_HAND table`);
    const at = table.index + table[0].length;
    return `${source.slice(0, at)}${step.code}\n${source.slice(at)}`;
  }
  return `${source.trimEnd()}\n\n${step.code}\n`;
}

afterAll(removeScratchCopies);

describe("README's recipe for adding an exercise", () => {
  it("reads three steps: the spec, its place in the lesson and the answer worked out by hand", async () => {
    const steps = recipeSteps(await readFile(join(projectRoot, "README.md"), "utf8"), "Add an exercise");
    expect(steps.map((s) => [s.file, s.where])).toEqual([
      ["src/course/exercises/lesson5.ts", "before-closing"],
      ["content/lessons/05-iterations-and-epochs.mdx", "anywhere"],
      ["test/unit/site/exercises.test.ts", "in-by-hand"],
    ]);
  });

  it("followed on a copy of the project, passes the type check, the exercise tests and a build that shows the exercise", async () => {
    const folder = await scratchCopy(["astro.config.mjs", "tsconfig.json", "package.json", "vitest.config.ts", "README.md", "src", "content", "public", "scripts", "test"]);

    const steps = recipeSteps(await readFile(join(folder, "README.md"), "utf8"), "Add an exercise");
    for (const step of steps) {
      const path = join(folder, step.file);
      await writeFile(path, applyStep(await readFile(path, "utf8"), step));
    }
    const id = /^\s*"([a-z0-9-]+)": \{/m.exec(steps[0]!.code)?.[1];
    // The question's words after its last substituted number, as the page prints them.
    const question = /question: `(?:[^`]*\})?([^`$]+)`/.exec(steps[0]!.code)?.[1];
    expect(id).toBeDefined();
    expect(question).toBeDefined();

    // The build first: it writes the content types (.astro/) the type check reads.
    const build = await runIn(folder, "astro", ["build"]);
    expect(build.ok, build.output.slice(-2000)).toBe(true);

    // The recipe edits .ts and .mdx files only, so TypeScript's own check over the copy's .ts files holds the spec to
    // its kind exactly as `astro check` does (which adds the .astro components the recipe leaves alone) in a third
    // of the time; `npm test` runs the full `astro check` on the project itself.
    const check = await runIn(folder, "tsc", ["--noEmit", "-p", "tsconfig.json"]);
    expect(check.ok, check.output.slice(-2000)).toBe(true);

    const tests = await runIn(folder, "vitest", ["run", "test/unit/site/exercises.test.ts"]);
    expect(tests.output).toMatch(/Tests\s+\d+ passed/);
    expect(tests.ok).toBe(true);

    const page = await readFile(join(folder, "dist/lessons/iterations-and-epochs/index.html"), "utf8");
    expect(page).toContain(`id="${id}"`);
    expect(page).toContain(question);
  }, 900_000);
});
