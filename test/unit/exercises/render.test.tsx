/**
 * The server render (what a reader without JavaScript gets, and what hydration starts from): the
 * question, and the answer with its explanation folded in a <details>. No form before hydration.
 * preact-render-to-string is what @astrojs/preact itself uses to render islands on the server.
 */
import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import NumericExercise from "../../../src/widgets/exercises/NumericExercise";
import ShapeExercise from "../../../src/widgets/exercises/ShapeExercise";
import RangeExercise from "../../../src/widgets/exercises/RangeExercise";
import ChoiceExercise from "../../../src/widgets/exercises/ChoiceExercise";
import PredictExercise from "../../../src/widgets/exercises/PredictExercise";
import ProgressPanel from "../../../src/widgets/exercises/ProgressPanel";

function expectFallback(html: string, id: string, question: string, answer: string, explanation: string): void {
  expect(html).toContain(`id="${id}"`);
  expect(html).toContain(question);
  // The fold is kept out of the search index, so no search result quotes an answer.
  expect(html).toMatch(/<details data-pagefind-ignore="all"><summary>Show the answer<\/summary>/);
  const details = html.slice(html.indexOf("<details"));
  expect(details).toContain(answer);
  expect(details).toContain(explanation);
  expect(html).not.toContain("<form");
}

describe("server render of the exercises (no JavaScript)", () => {
  it("NumericExercise: question, then the answer with its unit and the explanation in <details>", () => {
    const html = renderToString(
      <NumericExercise
        spec={{
          kind: "numeric",
          id: "iterations-b8",
          lesson: "iterations-and-epochs",
          question: "With 50 rows and batch size 8, how many iterations make one epoch?",
          answer: 7,
          unit: "iterations",
          explanation: "ceil(50 / 8) = 7: six batches of 8 and a last batch of 2.",
          hints: [{ when: 6.25, hint: "Batches are whole." }],
        }}
      />,
    );
    expectFallback(
      html,
      "iterations-b8",
      "With 50 rows and batch size 8, how many iterations make one epoch?",
      "7 iterations",
      "ceil(50 / 8) = 7: six batches of 8 and a last batch of 2.",
    );
  });

  it("ShapeExercise: the shape in Python's spelling", () => {
    const html = renderToString(
      <ShapeExercise
        spec={{ kind: "shape", id: "lstm-batch", lesson: "lstm-inputs", question: "Shape of one batch?", answer: [8, 5, 3], explanation: "(batch, timesteps, features)." }}
      />,
    );
    expectFallback(html, "lstm-batch", "Shape of one batch?", "(8, 5, 3)", "(batch, timesteps, features).");
  });

  it("RangeExercise: the range", () => {
    const html = renderToString(
      <RangeExercise
        spec={{ kind: "range", id: "tenth", lesson: "iterations-and-epochs", question: "Which positions?", answer: [46, 50], explanation: "The 10th batch of 5." }}
      />,
    );
    expectFallback(html, "tenth", "Which positions?", "46-50", "The 10th batch of 5.");
  });

  it("ChoiceExercise: the options in authored order, the answer, and every option's explanation", () => {
    const html = renderToString(
      <ChoiceExercise
        spec={{
          kind: "choice",
          id: "input-units",
          lesson: "the-input-layer",
          question: "How many input units for 3 features and batch 5?",
          options: [
            { id: "three", text: "3", correct: true, explanation: "One per feature." },
            { id: "fifteen", text: "15", correct: false, explanation: "That counts numbers in a batch." },
          ],
          explanation: "The batch size never enters the layer sizes.",
        }}
      />,
    );
    expectFallback(html, "input-units", "How many input units", "3", "The batch size never enters the layer sizes.");
    expect(html).toContain("One per feature.");
    expect(html).toMatch(/<details class="exercise-static-notes" data-pagefind-ignore="all">/);
    expect(html).toContain("That counts numbers in a batch.");
    expect(html.indexOf(">3<")).toBeLessThan(html.indexOf(">15<"));
  });

  it("PredictExercise: the expected value and explanation", () => {
    const html = renderToString(
      <PredictExercise
        spec={{
          kind: "predict",
          id: "predict-updates",
          lesson: "iterations-and-epochs",
          question: "Predict the weight updates in 3 epochs at batch 8.",
          widget: "epoch-timeline",
          valueKey: "totalUpdates",
          runInstruction: "Press Run.",
          unit: "updates",
          expected: 21,
          explanation: "7 × 3 = 21.",
        }}
      />,
    );
    expectFallback(html, "predict-updates", "Predict the weight updates", "21 updates", "7 × 3 = 21.");
  });

  it("backticks in prose become <code>, and nothing else is read as HTML", () => {
    const html = renderToString(
      <NumericExercise
        spec={{
          kind: "numeric",
          id: "params",
          lesson: "the-input-layer",
          question: "How many parameters does `Dense(32, input_shape=(16,))` have? <b>",
          answer: 544,
          explanation: "16 × 32 + 32.",
        }}
      />,
    );
    expect(html).toContain("<code>Dense(32, input_shape=(16,))</code>");
    expect(html).toContain("&lt;b>");
  });
});

describe("server render of the progress panel", () => {
  it("says that progress lives in the browser", () => {
    const html = renderToString(
      <ProgressPanel manifest={{ lessons: [{ slug: "l", title: "L", href: "/l/", exercises: [{ id: "a", question: "How many?" }] }] }} />,
    );
    expect(html).toContain("Progress is stored in your browser; enable JavaScript to see it.");
  });
});
