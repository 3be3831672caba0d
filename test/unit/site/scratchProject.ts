/** A copy of the project in a temporary folder (node_modules linked, not copied) and a way to run its tools there. */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";

const run = promisify(execFile);
export const projectRoot = resolve(import.meta.dirname, "../../..");
const folders: string[] = [];

/** Copies `entries` of the project into a new temporary folder and links node_modules. */
export async function scratchCopy(entries: readonly string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "course-scratch-"));
  folders.push(folder);
  for (const entry of entries) await cp(join(projectRoot, entry), join(folder, entry), { recursive: true });
  await symlink(join(projectRoot, "node_modules"), join(folder, "node_modules"));
  return folder;
}

/** Runs one of the project's tools (node_modules/.bin) in `folder`; the output is plain text even when CI forces colour. */
export async function runIn(folder: string, command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, "node_modules/.bin", command), args, {
      cwd: folder,
      maxBuffer: 64 * 1024 * 1024,
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

/** Removes every folder scratchCopy made (call from afterAll). */
export async function removeScratchCopies(): Promise<void> {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}
