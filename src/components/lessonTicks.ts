import { lessonSummary, subscribe } from "../exercises/progress";

/** Ticks every sidebar or outline link whose lesson has all its exercises answered correctly. */
export function markCompletedLessons(root: ParentNode): void {
  const render = () => {
    for (const link of root.querySelectorAll<HTMLElement>("[data-lesson]")) {
      const lesson = link.dataset["lesson"] ?? "";
      const ids = (link.dataset["exercises"] ?? "").split(" ").filter(Boolean);
      const summary = lessonSummary(lesson, ids);
      const complete = summary.total > 0 && summary.correct === summary.total;
      const tick = link.querySelector(".tick");
      const label = link.querySelector(".tick-label");
      const score = link.querySelector(".lesson-score");
      if (tick) tick.textContent = complete ? "✓" : "";
      if (label) label.textContent = complete ? " (completed)" : "";
      if (score) score.textContent = summary.total > 0 ? `${summary.correct} of ${summary.total} exercises correct` : "";
    }
  };
  render();
  subscribe(render);
}
