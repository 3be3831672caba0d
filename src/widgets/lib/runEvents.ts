/**
 * "I ran, here are the numbers": a lesson widget announces each run so that a predict-then-run
 * exercise elsewhere on the page can compare the reader's prediction with the engine's result.
 * Islands are hydrated separately and share no Preact tree, so the channel is a CustomEvent on
 * `window`, named "course:widget-run".
 *
 *   // in a widget, after a run: every key src/course/widgetRuns.ts registers for it, and no other
 *   publishRun("window-explorer", { timesteps: 5, windows: 46, … });
 *
 *   // in an exercise
 *   const stop = subscribeRuns((run) => …, "window-explorer");   // call stop() on unmount
 */
import type { WidgetName, WidgetRunValues } from "../../course/widgetRuns";

export const RUN_EVENT = "course:widget-run";

export interface WidgetRun {
  /** The widget's name, as the exercise's `widget` prop spells it. */
  widget: string;
  /** The run's numbers by name, e.g. `{ batchSize: 8, iterationsPerEpoch: 7 }`. */
  values: Record<string, number>;
}

declare global {
  interface WindowEventMap {
    "course:widget-run": CustomEvent<WidgetRun>;
  }
}

/** Runs published on this page, latest per widget, for listeners that mount after the run. */
const lastRuns = new Map<string, WidgetRun>();

/**
 * Keep only well-formed runs: events are page-global, so anything could dispatch one. Non-finite
 * values (NaN from a diverged run, say) are dropped rather than compared.
 */
export function toWidgetRun(detail: unknown): WidgetRun | null {
  if (typeof detail !== "object" || detail === null) return null;
  const { widget, values } = detail as { widget?: unknown; values?: unknown };
  if (typeof widget !== "string" || typeof values !== "object" || values === null) return null;
  const clean: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "number" && Number.isFinite(value)) clean[key] = value;
  }
  return { widget, values: clean };
}

/** Announce a run of `widget` with the values registered for it. Does nothing during the server render (no `window`). */
export function publishRun<W extends WidgetName>(widget: W, values: WidgetRunValues<W>): void {
  const run = toWidgetRun({ widget, values });
  if (!run) return;
  lastRuns.set(widget, run);
  if (typeof window === "undefined") return;
  window.dispatchEvent(new CustomEvent<WidgetRun>(RUN_EVENT, { detail: run }));
}

/**
 * Listen for runs, of one widget when `widget` is given, of every widget otherwise.
 * Returns the function that stops listening.
 */
export function subscribeRuns(listener: (run: WidgetRun) => void, widget?: WidgetName): () => void {
  if (typeof window === "undefined") return () => {};
  const handler = (event: CustomEvent<WidgetRun>): void => {
    const run = toWidgetRun(event.detail);
    if (run && (widget === undefined || run.widget === widget)) listener(run);
  };
  window.addEventListener(RUN_EVENT, handler);
  return () => window.removeEventListener(RUN_EVENT, handler);
}

/** The latest run a widget published on this page, if any. */
export function lastRun(widget: WidgetName): WidgetRun | undefined {
  return lastRuns.get(widget);
}
