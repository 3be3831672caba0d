import type { Page } from "@playwright/test";
import { expect, test } from "./helpers";

const PROGRESS_KEY = "batches-course:progress";
const BACKUP_KEY = "batches-course:progress-backup";
const lesson5 = "lessons/iterations-and-epochs/";
const lesson9 = "lessons/lstm-inputs/";

async function answer(page: Page, id: string, text: string): Promise<void> {
  const exercise = page.locator(`#${id}`);
  await exercise.scrollIntoViewIfNeeded(); // islands hydrate when a reader scrolls to them
  const field = exercise.getByRole("textbox");
  await expect(field).toBeEditable();
  await field.fill(text);
  await exercise.getByRole("button", { name: "Check" }).click();
}

test("a verdict echoes the answer as typed: 41.00001 is not reported as 41", async ({ page, problems }) => {
  await page.goto(lesson9);
  await answer(page, "windows-t10", "41.00001");
  const status = page.locator("#windows-t10").getByRole("status");
  await expect(status).toContainText("Not quite: 41.00001 is not the answer.");
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), PROGRESS_KEY);
  expect(stored.exercises["lstm-inputs/windows-t10"]).toMatchObject({ attempts: 1, correct: false, lastAnswer: "41.00001" });
  // An answer field stops at 200 characters, so a pasted page never reaches the checker.
  await page.locator("#windows-t10").getByRole("button", { name: "Try again" }).click();
  const field = page.locator("#windows-t10").getByRole("textbox");
  await field.fill("4".repeat(5_000));
  expect(await field.inputValue()).toHaveLength(200);
  expect(problems.consoleErrors).toEqual([]);
});

test("unreadable progress is set aside, and every page says so and offers it as a download", async ({ page, problems }) => {
  // In storage before the first page's scripts run, as a browser would have it, with no load of a page just to write it.
  // Once: the script is removed after that page, so what the pages do with the value is what the later ones read.
  const unreadable = await page.addInitScript((key) => localStorage.setItem(key, "{not json"), PROGRESS_KEY);
  for (const [index, path] of ["./", "progress/", "glossary/", lesson5, "search/"].entries()) {
    await page.goto(path);
    if (index === 0) await unreadable.dispose();
    await expect(page.getByRole("region", { name: "Saved progress" }), path).toContainText(
      "Progress saved in this browser could not be read, so it was set aside; new answers are saved. A copy of it is kept in this browser.",
    );
  }
  const backups = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "[]"), BACKUP_KEY);
  expect(backups).toEqual([{ savedAt: expect.any(String), reason: "unreadable", data: "{not json" }]);

  const notice = page.getByRole("region", { name: "Saved progress" });
  const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("link", { name: "Download the copy" }).click()]);
  expect(download.suggestedFilename()).toBe("batches-course-progress-backup.json");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(JSON.parse(await readFile(path, "utf8"))).toEqual(backups);

  await notice.getByRole("button", { name: "Delete the copy" }).click();
  // The button is gone; focus lands on the notice's new sentence, not on the page body.
  await expect(page.getByText("The copy of your unreadable progress was deleted.")).toBeFocused();
  await page.reload();
  await expect(page.getByRole("region", { name: "Saved progress" })).toHaveCount(0);
  expect(problems.consoleErrors).toEqual([]);
});

test("progress written by a newer version is never overwritten, and the page says why answers are not kept", async ({ page, problems }) => {
  const newer = JSON.stringify({ version: 2, answers: { "iterations-and-epochs/iterations-b8": ["7"] } });
  // In storage before the page's scripts run (the test loads one page, so the script writes it once).
  await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, newer]);
  await page.goto(lesson5);
  await expect(page.getByRole("region", { name: "Saved progress" })).toContainText("saved by a newer version of this course");
  await answer(page, "updates-20-epochs-b10", "100");
  await expect(page.locator("#updates-20-epochs-b10").getByRole("status")).toContainText("Correct.");
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(newer);
  expect(problems.consoleErrors).toEqual([]);
});

test("two pages answering at the same moment keep both answers", async ({ page, context, problems }) => {
  const other = await context.newPage();
  // The fixture watches `page`; the other pages report their console errors to it too.
  const watch = (p: Page) => p.on("console", (message) => message.type() === "error" && problems.consoleErrors.push(message.text()));
  watch(other);
  await page.goto(lesson5);
  await other.goto(lesson9);
  const fill = async (p: Page, id: string, text: string) => {
    const exercise = p.locator(`#${id}`);
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise.getByRole("textbox")).toBeEditable();
    await exercise.getByRole("textbox").fill(text);
  };
  await fill(page, "updates-20-epochs-b10", "100");
  await fill(other, "windows-t10", "41");
  // Both forms submit at one agreed instant, as two quick readers would: localStorage reaches the other
  // tab only after a few milliseconds, so each writes before it has seen the other's answer.
  const at = Date.now() + 400;
  const submitAt = (p: Page, id: string) =>
    p.evaluate(
      ([selector, when]) =>
        new Promise<void>((done) => {
          setTimeout(() => {
            document.querySelector<HTMLFormElement>(`${selector} form`)!.requestSubmit();
            done();
          }, (when as number) - Date.now());
        }),
      [`#${id}`, at] as const,
    );
  await Promise.all([submitAt(page, "updates-20-epochs-b10"), submitAt(other, "windows-t10")]);
  await expect(page.locator("#updates-20-epochs-b10").getByRole("status")).toContainText("Correct.");
  await expect(other.locator("#windows-t10").getByRole("status")).toContainText("Correct.");

  const both = ["iterations-and-epochs/updates-20-epochs-b10", "lstm-inputs/windows-t10"];
  const storedKeys = (p: Page) =>
    p.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? "{}").exercises ?? {}).sort(), PROGRESS_KEY);
  // The pages merge each other's writes as they arrive; wait for both to agree on both answers.
  await expect.poll(() => storedKeys(page)).toEqual(both);
  await expect.poll(() => storedKeys(other)).toEqual(both);
  const third = await context.newPage();
  watch(third);
  await third.goto("progress/");
  await expect(third.locator("main")).toContainText(/Iterations and epochs[\s\S]*1 of 7/);
  await other.close();
  await third.close();
  expect(problems.consoleErrors).toEqual([]);
});
