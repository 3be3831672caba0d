/**
 * The batch strip: the current epoch's order as one cell per position, each showing its row; the
 * batch of the current update highlighted, batches already used this epoch shaded, a dropped tail
 * struck through. A sentence under it says the same in words (the cells are hidden from screen
 * readers). Tables larger than 100 rows get a bar with the batch's span instead of cells.
 */
import type { JSX } from "preact";
import { describeStrip, type BatchStrip } from "./batchStrip";

/** Above this many rows a cell per row is too small to read; the strip becomes a bar. */
const MAX_CELLS = 100;

interface BatchStripViewProps {
  strip: BatchStrip;
  batchSize: number;
  iterationsPerEpoch: number;
  shuffle: boolean;
}

export function BatchStripView({ strip, batchSize, iterationsPerEpoch, shuffle }: BatchStripViewProps): JSX.Element {
  const n = strip.cells.length;
  const reshuffled = shuffle && strip.epoch > 1 && strip.iteration === 1;
  const sentence = describeStrip(strip, iterationsPerEpoch) + (reshuffled ? " The rows were reshuffled for this epoch." : "");
  return (
    <figure class="lab-strip">
      <figcaption class="lab-strip-title">
        <span>Epoch {strip.epoch}'s order{shuffle ? " (shuffled)" : ""}: position 1 to {n}, each cell showing its row</span>
        <span class="lab-strip-key" aria-hidden="true">
          <span><span class="lab-cell lab-current" /> this batch</span>
          <span><span class="lab-cell lab-seen" /> used this epoch</span>
          <span><span class="lab-cell lab-ahead" /> still ahead</span>
          {strip.cells.some((c) => c.state === "unused") && <span><span class="lab-cell lab-unused" /> dropped this epoch</span>}
        </span>
      </figcaption>
      {n <= MAX_CELLS ? (
        <div class={`lab-strip-cells${n > 50 ? " lab-strip-many" : ""}`} aria-hidden="true">
          {strip.cells.map((cell) => (
            <span
              key={cell.position}
              class={`lab-cell lab-${cell.state}${cell.position % batchSize === 0 && cell.position < n ? " lab-batch-end" : ""}`}
            >
              {cell.row}
            </span>
          ))}
        </div>
      ) : (
        <div class="lab-strip-bar" aria-hidden="true">
          {strip.positions && (
            <>
              <span class="lab-bar-seen" style={{ width: `${((strip.positions[0] - 1) / n) * 100}%` }} />
              <span class="lab-bar-current" style={{ left: `${((strip.positions[0] - 1) / n) * 100}%`, width: `${Math.max(0.5, ((strip.positions[1] - strip.positions[0] + 1) / n) * 100)}%` }} />
            </>
          )}
        </div>
      )}
      <p class="lab-strip-text">{sentence}</p>
    </figure>
  );
}
