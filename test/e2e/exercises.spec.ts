import { expect, test } from "./helpers";

const lesson = "lessons/iterations-and-epochs/";
const iterationsQuestion = "The table has 50 rows and the batch size is 8, with the default drop_last=False. How many iterations make one epoch?";

// One context for both: the keyboard step answers four other exercises of the same lesson, after the first step has
// counted its one answer on the progress page, so it comes second and returns to the lesson.
test("the iterations exercise's verdicts and saved progress, then every exercise kind by keyboard alone", async ({ page, problems }) => {
  test.setTimeout(120_000);
  await test.step("a wrong answer gets its targeted hint, a right one the explanation, and progress survives a reload", async () => {
    await page.goto(lesson);
    const exercise = page.locator("#iterations-b8");
    await exercise.scrollIntoViewIfNeeded(); // islands hydrate when a reader scrolls to them
    const field = exercise.getByLabel(iterationsQuestion);
    await field.fill("6.25");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).toContainText("you cannot run a quarter of one");
    await field.fill("6");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).toContainText("What happens to the other 2");
    // Text is not an answer: a message, not a verdict.
    await field.fill("seven");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).not.toContainText("Correct");
    await expect(exercise.locator(".exercise-error")).not.toBeEmpty();
    await field.fill(" 7 ");
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByRole("status")).toContainText("Correct.");
    await expect(exercise.getByRole("status")).toContainText("⌈50/8⌉ = 7");

    await page.reload();
    await page.locator("#iterations-b8").scrollIntoViewIfNeeded();
    await expect(page.locator("#iterations-b8")).toContainText("You answered this correctly before.");
    await page.goto("progress/");
    await expect(page.getByText(/Iterations and epochs/).first()).toBeVisible();
    await expect(page.locator("main")).toContainText(/1 of 7/);
    expect(problems.consoleErrors).toEqual([]);
  });

  await test.step("keyboard only: numeric, range, choice and predict-then-run exercises can be completed", async () => {
    await page.goto(lesson); // back from the progress page; none of this step's exercises is answered yet
    // A reader scrolls past the timeline before reaching the exercises: it hydrates on the way.
    const batchField = page.getByRole("textbox", { name: "Batch size" }).first();
    await batchField.scrollIntoViewIfNeeded();
    await expect(batchField).toBeEditable({ timeout: 15_000 });
    for (const id of ["updates-20-epochs-b10", "tenth-batch-positions", "short-batch-update", "predict-b7"]) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await expect(page.locator(`#${id}`).locator("input").first()).toBeEnabled({ timeout: 15_000 });
    }
    // Numeric: type and press Enter.
    await page.locator("#updates-20-epochs-b10").getByRole("textbox").focus();
    await page.keyboard.type("100");
    await page.keyboard.press("Enter");
    await expect(page.locator("#updates-20-epochs-b10").getByRole("status")).toContainText("Correct.");
    // Range: the classic off-by-one first.
    await page.locator("#tenth-batch-positions").getByRole("textbox").focus();
    await page.keyboard.type("45-50");
    await page.keyboard.press("Enter");
    await expect(page.locator("#tenth-batch-positions").getByRole("status")).toContainText("Position 45 already belongs to the ninth batch (41–45).");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("46-50");
    await page.keyboard.press("Enter");
    await expect(page.locator("#tenth-batch-positions").getByRole("status")).toContainText("Correct.");
    // Choice: arrow keys move between radio options; find the correct one by its text.
    const choice = page.locator("#short-batch-update");
    const radios = choice.getByRole("radio");
    await radios.first().focus();
    for (let step = 0; step < 4; step += 1) {
      if (await choice.getByRole("radio", { name: /One ordinary update/ }).isChecked()) break;
      await page.keyboard.press("ArrowDown");
    }
    await expect(choice.getByRole("radio", { name: /One ordinary update/ })).toBeChecked();
    await page.keyboard.press("Enter");
    await expect(choice.getByRole("status")).toContainText("Correct.");
    // Predict, then run the timeline with the keyboard.
    const predict = page.locator("#predict-b7");
    await predict.getByRole("textbox").focus();
    await page.keyboard.type("8");
    await page.keyboard.press("Enter");
    await expect(predict).toContainText(/timeline/i);
    await batchField.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("7");
    await expect(predict, await predict.innerText()).toContainText(/produced 8/);
    expect(problems.consoleErrors).toEqual([]);
  });
});

test("the sidebar ticks a lesson once all its exercises are right, and the home page shows the score", async ({ page, problems }) => {
  await page.goto(lesson);
  const ids = ((await page.locator('.sidebar [data-lesson="iterations-and-epochs"]').getAttribute("data-exercises")) ?? "").split(" ");
  expect(ids).toHaveLength(7);
  // Mark every exercise as answered correctly through the same storage the islands use.
  await page.evaluate((exerciseIds) => {
    const now = new Date().toISOString();
    const exercises = Object.fromEntries(
      exerciseIds.map((id) => [`iterations-and-epochs/${id}`, { attempts: 1, correct: true, firstTryCorrect: true, lastAnswer: "x", completedAt: now }]),
    );
    localStorage.setItem("batches-course:progress", JSON.stringify({ version: 1, exercises, seeds: {} }));
  }, ids);
  await page.reload();
  await expect(page.locator('.sidebar [data-lesson="iterations-and-epochs"]')).toContainText("✓");
  await expect(page.locator('.sidebar [data-lesson="iterations-and-epochs"]')).toContainText("(completed)");
  await page.goto("./");
  await expect(page.locator('[data-lesson="iterations-and-epochs"]')).toContainText("7 of 7 exercises correct");
  expect(problems.consoleErrors).toEqual([]);
});

test("corrupt saved progress is reported once and replaced, and the exercises keep working", async ({ page, problems }) => {
  // In storage before the page's scripts run, as a browser would have it (no load of the page before, just to write it).
  await page.addInitScript(() => localStorage.setItem("batches-course:progress", "{not json"));
  await page.goto(lesson);
  await page.locator("#iterations-b8").scrollIntoViewIfNeeded();
  await expect(page.getByRole("region", { name: "Saved progress" })).toContainText("could not be read, so it was set aside");
  const exercise = page.locator("#iterations-b8");
  await exercise.getByLabel(iterationsQuestion).fill("7");
  await exercise.getByRole("button", { name: "Check" }).click();
  await expect(exercise.getByRole("status")).toContainText("Correct.");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("batches-course:progress") ?? "null"));
  expect(stored.version).toBe(1);
  expect(stored.exercises["iterations-and-epochs/iterations-b8"].correct).toBe(true);
  expect(problems.consoleErrors).toEqual([]);
});
