import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, "../../..");
const temporaryFolders: string[] = [];

/** A copy of the site with one extra lesson, checked by `astro sync` (the content step of a build). */
async function syncWithLesson(fileName: string, source: string): Promise<{ ok: boolean; output: string }> {
  const folder = await mkdtemp(join(tmpdir(), "course-frontmatter-"));
  temporaryFolders.push(folder);
  for (const entry of ["astro.config.mjs", "tsconfig.json", "package.json", "src", "content"]) {
    await cp(join(projectRoot, entry), join(folder, entry), { recursive: true });
  }
  await symlink(join(projectRoot, "node_modules"), join(folder, "node_modules"));
  await writeFile(join(folder, "content/lessons", fileName), source);
  try {
    const { stdout, stderr } = await run(join(projectRoot, "node_modules/.bin/astro"), ["sync"], {
      cwd: folder,
      // CI may force colour; the assertions read plain text either way.
      env: {
        ...process.env,
        ASTRO_CACHE_DIR: join(folder, ".astro-cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
    });
    return { ok: true, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stripVTControlCharacters(`${failure.stdout ?? ""}${failure.stderr ?? ""}`) };
  }
}

afterAll(async () => {
  await Promise.all(temporaryFolders.map((folder) => rm(folder, { recursive: true, force: true })));
});

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
