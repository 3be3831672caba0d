/**
 * Lesson 5's epoch timeline: the table's rows as cells in the order an epoch visits them, coloured and
 * numbered by batch, with Play / Pause / Step / Reset walking through the iterations. The counts and
 * rows come from the engine's batching functions through src/course/timeline.ts.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { useHydrated } from "../lib/useHydrated";
import { usePrefersReducedMotion } from "../lib/usePrefersReducedMotion";
import { NumberField } from "../lib/NumberField";
import { publishRun } from "../lib/runEvents";
import { DEFAULT_TIMELINE, describeBatch, epochView, positionAfter, timelineCounts, type TimelineConfig } from "../../course/timeline";
import "./EpochTimeline.css";

export interface EpochTimelineProps {
  n?: number;
  batchSize?: number;
  shuffle?: boolean;
  dropLast?: boolean;
  seed?: number;
  epochs?: number;
}

const PLAY_INTERVAL_MS = 700;
const BATCH_COLOURS = 8;

function rowsWord(count: number): string {
  return count === 1 ? "1 row" : `${count} rows`;
}

export default function EpochTimeline(props: EpochTimelineProps): JSX.Element {
  const id = useId();
  const n = props.n ?? DEFAULT_TIMELINE.n;
  const [batchSize, setBatchSize] = useState(props.batchSize ?? DEFAULT_TIMELINE.batchSize);
  const [shuffle, setShuffle] = useState(props.shuffle ?? DEFAULT_TIMELINE.shuffle);
  const [dropLast, setDropLast] = useState(props.dropLast ?? DEFAULT_TIMELINE.dropLast);
  const [seed, setSeed] = useState(props.seed ?? DEFAULT_TIMELINE.seed);
  const [epochs, setEpochs] = useState(props.epochs ?? DEFAULT_TIMELINE.epochs);
  const [updates, setUpdates] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const reducedMotion = usePrefersReducedMotion();
  // Controls stay disabled until the island runs, so nothing typed before hydration is lost.
  const ready = useHydrated();

  const config: TimelineConfig = { n, batchSize, shuffle, dropLast, seed, epochs };
  const counts = useMemo(() => timelineCounts(config), [n, batchSize, dropLast, epochs]);
  const position = positionAfter(config, updates);
  const view = useMemo(() => epochView(config, position.epoch), [n, batchSize, shuffle, dropLast, seed, position.epoch]);
  const k = counts.iterationsPerEpoch;

  // Any change of settings starts the run over.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setUpdates(0);
    setPlaying(false);
    setAnnouncement(
      `Settings changed, back to the start: ${k} iterations per epoch, last batch ${rowsWord(counts.lastBatchSize)}` +
        (counts.unusedRows > 0 ? `, ${rowsWord(counts.unusedRows)} unused each epoch.` : "."),
    );
  }, [n, batchSize, shuffle, dropLast, seed, epochs]);

  useEffect(() => {
    publishRun("epoch-timeline", {
      batchSize,
      epochs,
      shuffle: shuffle ? 1 : 0,
      dropLast: dropLast ? 1 : 0,
      iterationsPerEpoch: k,
      lastBatchSize: counts.lastBatchSize,
      unusedRows: counts.unusedRows,
      totalUpdates: counts.totalUpdates,
      updates: position.updates,
      samplesSeen: position.samplesSeen,
    });
  }, [batchSize, epochs, shuffle, dropLast, k, position.updates]);

  const stepTo = (next: number, announce: "every" | "epochs"): void => {
    const after = positionAfter(config, next);
    setUpdates(after.updates);
    const batch = epochView(config, after.epoch).batches[after.iterationsDone - 1];
    if (!batch) return;
    const epochStart = after.iterationsDone === 1;
    const parts: string[] = [];
    if (epochStart && after.epoch > 0) {
      parts.push(shuffle ? `Epoch ${after.epoch + 1} begins: the rows were reshuffled.` : `Epoch ${after.epoch + 1} begins, same order as before.`);
    }
    if (announce === "every" || epochStart || after.finished) {
      parts.push(`Epoch ${after.epoch + 1}, ${describeBatch(batch)}. Weight updates: ${after.updates}.`);
    }
    if (after.finished) parts.push(`All ${epochs} epochs done.`);
    if (parts.length > 0) setAnnouncement(parts.join(" "));
  };

  // Play: one iteration per tick until the last epoch ends. Reduced motion changes only the styling.
  const updatesRef = useRef(updates);
  updatesRef.current = updates;
  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      const next = updatesRef.current + 1;
      if (next > counts.totalUpdates) {
        setPlaying(false);
        return;
      }
      stepTo(next, "epochs");
      if (next >= counts.totalUpdates) setPlaying(false);
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [playing, batchSize, shuffle, dropLast, seed, epochs]);

  const reset = (): void => {
    setPlaying(false);
    setUpdates(0);
    setAnnouncement(`Reset: epoch 1, no iterations yet.${shuffle ? " Epoch 1's order is already shuffled." : ""}`);
  };

  const currentBatch = position.iterationsDone > 0 ? view.batches[position.iterationsDone - 1] : undefined;
  const reshuffled = shuffle && position.iterationsDone <= 1;
  const counterId = (name: string): string => `${id}-${name}`;

  return (
    <figure class={`widget epoch-timeline${reducedMotion ? " et-reduced" : ""}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>Epoch timeline.</strong> The {n} rows in the order an epoch visits them, one colour and number per batch.
      </figcaption>

      <fieldset class="et-controls needs-js" disabled={!ready}>
        <legend class="visually-hidden">Settings</legend>
        <NumberField label="Batch size" min={1} max={n} integer slider value={batchSize} onValid={setBatchSize} />
        <NumberField label="Epochs" min={1} max={20} integer value={epochs} onValid={setEpochs} />
        <NumberField label="Seed" min={0} max={9999} integer value={seed} onValid={setSeed} />
        <div class="et-checks">
          <label>
            <input type="checkbox" checked={shuffle} onChange={(e) => setShuffle(e.currentTarget.checked)} /> Shuffle each epoch
          </label>
          <label>
            <input type="checkbox" checked={dropLast} onChange={(e) => setDropLast(e.currentTarget.checked)} /> Drop last partial batch
          </label>
        </div>
      </fieldset>

      <fieldset class="et-buttons needs-js" disabled={!ready}>
        <legend class="visually-hidden">Run the timeline</legend>
        <button type="button" onClick={() => setPlaying(true)} disabled={playing || position.finished}>
          Play
        </button>
        <button type="button" class="secondary" onClick={() => setPlaying(false)} disabled={!playing}>
          Pause
        </button>
        <button type="button" class="secondary" onClick={() => stepTo(updates + 1, "every")} disabled={position.finished}>
          Step
        </button>
        <button type="button" class="secondary" onClick={reset}>
          Reset
        </button>
      </fieldset>
      {reducedMotion && <p class="et-note needs-js">Reduced motion is on: Play moves one iteration at a time, without animation.</p>}

      <div class="et-counters">
        {(
          [
            ["epoch", "Epoch", String(position.epoch + 1), `of ${epochs}`],
            ["iteration", "Iteration", String(position.iterationsDone), `of ${k} in this epoch`],
            ["updates", "Weight updates", String(position.updates), `of ${counts.totalUpdates} = ${epochs} × ${k}`],
            ["samples", "Samples seen", String(position.samplesSeen), ""],
            ["per-epoch", "Iterations per epoch", String(k), ""],
            ["last", "Last batch size", String(counts.lastBatchSize), counts.partial ? "partial" : ""],
          ] as const
        ).map(([key, label, value, extra]) => (
          <div class="et-counter" key={key}>
            <label for={counterId(key)}>{label}</label>
            {/* aria-live off: the one status line below announces changes, not six counters at once. */}
            <output id={counterId(key)} aria-live="off">
              {value}
            </output>
            {extra && <small>{extra}</small>}
          </div>
        ))}
      </div>
      {counts.unusedRows > 0 && (
        <p class="et-unused-note">
          Drop last is on: {rowsWord(counts.unusedRows)} unused this epoch (positions {n - counts.unusedRows + 1}–{n} of its order).
        </p>
      )}

      <p class={`et-order${reshuffled ? " et-order-new" : ""}`}>
        <strong>
          Epoch {position.epoch + 1}'s order
          {shuffle ? (position.epoch === 0 ? " (shuffled before the first epoch, as Keras does)" : " (reshuffled at the start of this epoch)") : " (no shuffling: the table's order)"}
          :
        </strong>{" "}
        {view.order.join(", ")}
      </p>

      <ol class="et-cells" aria-label={`Rows in the order of epoch ${position.epoch + 1}`}>
        {view.order.map((row, p) => {
          const batch = view.batchOfPosition[p]!;
          const info = batch > 0 ? view.batches[batch - 1]! : undefined;
          const state = batch === 0 ? "unused" : batch < position.iterationsDone ? "done" : batch === position.iterationsDone ? "current" : "upcoming";
          const words =
            batch === 0
              ? `Row ${row}: unused this epoch`
              : `Row ${row}: batch ${batch}${info?.partial ? ` (partial: ${rowsWord(info.rows.length)})` : ""}, ${state === "current" ? "in the current iteration" : state}`;
          return (
            <li
              key={`${position.epoch}-${p}`}
              class={`et-cell et-${state}${info?.partial ? " et-partial" : ""}${batch > 0 ? ` et-b${((batch - 1) % BATCH_COLOURS) + 1}` : ""}`}
            >
              <span class="et-row" aria-hidden="true">
                {row}
              </span>
              <span class="et-batch" aria-hidden="true">
                {batch > 0 ? `b${batch}` : "—"}
              </span>
              <span class="visually-hidden">{words}</span>
            </li>
          );
        })}
      </ol>
      <p class="et-legend">
        Each cell is a row; the small “b” number is its batch. Filled cells are done, the outlined one is the current iteration,
        {counts.partial ? " striped cells form the partial last batch," : ""}
        {counts.unusedRows > 0 ? " grey cells are unused this epoch," : ""} plain cells are still to come.
      </p>

      {currentBatch && (
        <p class="et-now">
          <strong>Now:</strong> {describeBatch(currentBatch)}
          {currentBatch.partial ? ` (partial: ${rowsWord(currentBatch.rows.length)})` : ""}.
        </p>
      )}

      <details class="et-batches" open>
        <summary>Which rows each iteration of epoch {position.epoch + 1} takes</summary>
        <ol aria-label={`Batches of epoch ${position.epoch + 1}`}>
          {view.batches.map((b) => {
            const state = b.iteration < position.iterationsDone ? "done" : b.iteration === position.iterationsDone ? "current" : "";
            return (
              <li key={b.iteration} class={state ? `et-item-${state}` : undefined}>
                <span class={`et-swatch et-b${((b.iteration - 1) % BATCH_COLOURS) + 1}`} aria-hidden="true" />
                {describeBatch(b)}
                {b.partial && <em class="et-tag"> (partial: {rowsWord(b.rows.length)})</em>}
                {state === "done" && <span class="et-tag"> (done)</span>}
                {state === "current" && <span class="et-tag"> (current)</span>}
              </li>
            );
          })}
          {view.unused.length > 0 && (
            <li class="et-item-unused">
              Rows {view.unused.join(", ")}: unused this epoch
            </li>
          )}
        </ol>
      </details>

      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </figure>
  );
}
