/**
 * Lesson 9: how 50 time-ordered rows become LSTM samples. A strip of the rows shows which rows a
 * window of length T covers and whose target it predicts (its last row); a batch of B windows is
 * drawn as a (B, T, 3) block; the Keras and PyTorch spellings of the same input, with shapes and
 * parameter counts from the engine.
 */
import type { JSX } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { GREENHOUSE_FEATURES, GREENHOUSE_ROWS, INPUT_COLUMNS, TARGET_COLUMN } from "../../course/columns";
import type { WindowTableRows } from "../../course/facts/lesson9";
import { windowCount } from "../../engine/windows";
import { NumberField } from "../lib/NumberField";
import { useHydrated } from "../lib/useHydrated";
import { publishRun } from "../lib/runEvents";
import { formatShape, kerasLstmSnippet, lstmCounts, pytorchLstmSnippet, windowBatches, windowCover, windowFormula } from "./windowHelpers";
import "./WindowExplorer.css";

export interface WindowExplorerProps {
  /** The table's values, read at build time (src/course/facts/lesson9.ts), so the island ships no CSV parser. */
  rows: WindowTableRows;
  timesteps?: number;
  window?: number;
  batchSize?: number;
  units?: number;
}

const N = GREENHOUSE_ROWS;
const F = GREENHOUSE_FEATURES;
const INPUTS = INPUT_COLUMNS;
const TARGET = TARGET_COLUMN;
const MAX_SLABS = 10;

function BatchBlock({ batchSize, timesteps }: { batchSize: number; timesteps: number }): JSX.Element {
  const slabs = Math.min(batchSize, MAX_SLABS);
  const cellW = 18;
  const cellH = Math.max(3, Math.min(12, 160 / timesteps));
  const slabW = F * cellW;
  const slabH = timesteps * cellH;
  const dx = 12;
  const dy = 9;
  const left = 70;
  const top = 24 + (slabs - 1) * dy;
  const width = left + slabW + (slabs - 1) * dx + 110;
  const height = top + slabH + 34;
  const order = Array.from({ length: slabs }, (_, k) => slabs - 1 - k);
  return (
    <svg class="we-block" viewBox={`0 0 ${width} ${height}`} width={width} role="img" aria-label={`A batch of ${batchSize} windows, each ${timesteps} time steps of ${F} features: a tensor of shape ${formatShape([batchSize, timesteps, F])}.`}>
      {order.map((k) => {
        const x0 = left + k * dx;
        const y0 = top - k * dy;
        return (
          <g key={k} class={k === 0 ? "we-slab we-slab-front" : "we-slab"}>
            <rect x={x0} y={y0} width={slabW} height={slabH} />
            {k === 0 &&
              Array.from({ length: timesteps - 1 }, (_, t) => <line key={`r${t}`} x1={x0} x2={x0 + slabW} y1={y0 + (t + 1) * cellH} y2={y0 + (t + 1) * cellH} />)}
            {k === 0 && Array.from({ length: F - 1 }, (_, j) => <line key={`c${j}`} x1={x0 + (j + 1) * cellW} x2={x0 + (j + 1) * cellW} y1={y0} y2={y0 + slabH} />)}
          </g>
        );
      })}
      <text class="we-dim" x={left - 8} y={top + slabH / 2} text-anchor="end">T = {timesteps}</text>
      <text class="we-dim" x={left - 8} y={top + slabH / 2 + 14} text-anchor="end">time steps</text>
      <text class="we-dim" x={left + slabW / 2} y={top + slabH + 16} text-anchor="middle">{F} features</text>
      <text class="we-dim" x={left + slabW + (slabs - 1) * dx + 8} y={top - (slabs - 1) * dy + 4}>
        B = {batchSize} {batchSize === 1 ? "window" : "windows"}
        {batchSize > MAX_SLABS ? ` (${MAX_SLABS} drawn)` : ""}
      </text>
    </svg>
  );
}

export default function WindowExplorer(props: WindowExplorerProps): JSX.Element {
  const id = useId();
  const hydrated = useHydrated();
  const [timesteps, setTimesteps] = useState(props.timesteps ?? 5);
  const windows = windowCount(N, timesteps);
  const [windowIndex, setWindowIndex] = useState(props.window ?? 1);
  const [batchSize, setBatchSize] = useState(props.batchSize ?? 8);
  const [units, setUnits] = useState(props.units ?? 8);
  const current = Math.min(windowIndex, windows);
  const batch = Math.min(batchSize, windows);
  const cover = windowCover(current, timesteps);
  const plan = windowBatches(windows, batch);
  const keras = lstmCounts(F, units, timesteps, batch, "keras");
  const torch = lstmCounts(F, units, timesteps, batch, "pytorch");
  const shape = formatShape([batch, timesteps, F]);
  const snippet = { features: F, timesteps, units, batchSize: batch, windows };

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    publishRun("window-explorer", {
      timesteps,
      windows,
      window: current,
      targetRow: cover.targetRow,
      batchSize: batch,
      units,
      kerasParameters: keras.lstm,
      pytorchParameters: torch.lstm,
    });
  }, [timesteps, current, batch, units]);

  const row = (r: number, j: number): number => props.rows.inputs[r - 1]![j]!;
  const rowsOfWindow = Array.from({ length: cover.last - cover.first + 1 }, (_, t) => cover.first + t);
  const summary = `${windowFormula(N, timesteps)}. Window ${current} covers rows ${cover.first}–${cover.last}; target: row ${cover.targetRow}. A batch of ${batch}: ${shape}.`;

  return (
    <figure class="widget window-explorer" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>From rows to windows to batches</strong>: slide a window of T consecutive hours along the {N} rows.
      </figcaption>
      <fieldset class="we-controls needs-js" disabled={!hydrated}>
        <legend>Windows</legend>
        <NumberField label="Window length T" min={1} max={N} integer slider value={timesteps} onValid={(t) => setTimesteps(t)} />
        <NumberField label="Window" min={1} max={windows} integer slider value={current} onValid={setWindowIndex} />
        <NumberField label="Batch size B" min={1} max={windows} integer value={batch} onValid={setBatchSize} />
        <NumberField label="LSTM units H" min={1} max={512} integer value={units} onValid={setUnits} />
      </fieldset>

      <p class="we-count">
        <strong>{windowFormula(N, timesteps)}</strong>
      </p>
      <p>
        Window {current} covers rows {cover.first}–{cover.last}; its target is row {cover.targetRow}'s {TARGET.label.toLowerCase()}, the window's last row.
      </p>
      <ol class="we-strip" aria-hidden="true">
        {Array.from({ length: N }, (_, k) => {
          const r = k + 1;
          const inside = r >= cover.first && r <= cover.last;
          const isTarget = r === cover.targetRow;
          const cls = ["we-cell", inside ? "we-in" : "", isTarget ? "we-target" : ""].filter(Boolean).join(" ");
          return (
            <li key={r} class={cls}>
              {r}
              {inside && <span class="we-mark">{isTarget ? "x y" : "x"}</span>}
            </li>
          );
        })}
      </ol>
      <ul class="we-legend" aria-label="Key to the row strip">
        <li>
          <span class="we-cell we-in we-mini" aria-hidden="true"><span class="we-mark">x</span></span> a row the window reads as input: its{" "}
          {INPUTS.map((c) => c.label.toLowerCase()).join(", ")}, one time step
        </li>
        <li>
          <span class="we-cell we-in we-target we-mini" aria-hidden="true"><span class="we-mark">x y</span></span> the window's last row: read as input
          too, and its {TARGET.label.toLowerCase()} y is the target the window predicts
        </li>
        <li>
          <span class="we-cell we-mini" aria-hidden="true" /> a row outside this window
        </li>
      </ul>

      <section class="we-scroll" aria-label="The window's rows" tabindex={0}><table class="we-table">
        <caption>
          Window {current} as one sample: a ({timesteps}, {F}) matrix, one row per time step
        </caption>
        <thead>
          <tr>
            <th scope="col">Time step</th>
            <th scope="col">Row</th>
            {INPUTS.map((c) => (
              <th key={c.name} scope="col">
                {c.label} ({c.unit})
              </th>
            ))}
            <th scope="col">
              {TARGET.label} ({TARGET.unit})
            </th>
          </tr>
        </thead>
        <tbody>
          {rowsOfWindow.map((r, t) => (
            <tr key={r} class={r === cover.targetRow ? "we-target-row" : undefined}>
              <td>{t + 1}</td>
              <td>{r}</td>
              {INPUTS.map((c, j) => (
                <td key={c.name}>{row(r, j).toFixed(1)}</td>
              ))}
              <td>{r === cover.targetRow ? <strong>{props.rows.target[r - 1]!.toFixed(1)} (target)</strong> : "not used"}</td>
            </tr>
          ))}
        </tbody>
      </table></section>

      <h3 class="we-heading">A batch of windows</h3>
      <p>
        Batch size {batch}: the first batch (before shuffling) holds windows 1–{batch}, a tensor of shape <strong class="we-shape">{shape}</strong> (batch, time
        steps, features). An epoch over the {windows} windows makes ⌈{windows}/{batch}⌉ = {plan.batches} {plan.batches === 1 ? "batch" : "batches"}, the last of{" "}
        {plan.lastBatch} {plan.lastBatch === 1 ? "window" : "windows"}.
      </p>
      <BatchBlock batchSize={batch} timesteps={timesteps} />

      <h3 class="we-heading">The same input in Keras and PyTorch</h3>
      <div class="we-code">
        <div>
          <p class="we-code-title">Keras</p>
          <pre>
            <code>{kerasLstmSnippet(snippet)}</code>
          </pre>
        </div>
        <div>
          <p class="we-code-title">PyTorch</p>
          <pre>
            <code>{pytorchLstmSnippet(snippet)}</code>
          </pre>
        </div>
      </div>

      <section class="we-scroll" aria-label="Parameter counts" tabindex={0}><table class="we-table we-params">
        <caption>Parameters for F = {F} features per step and H = {units} units; T and B appear in no weight</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Formula</th>
            <th scope="col">LSTM parameters</th>
            <th scope="col">Dense head (H + 1)</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Keras</th>
            <td>
              4(H(F + H) + H) = 4({units}·{F + units} + {units})
            </td>
            <td>
              <strong>{keras.lstm}</strong>
            </td>
            <td>{keras.head}</td>
            <td>{keras.total}</td>
          </tr>
          <tr>
            <th scope="row">PyTorch</th>
            <td>
              4(H(F + H) + 2H) = 4({units}·{F + units} + {2 * units})
            </td>
            <td>
              <strong>{torch.lstm}</strong>
            </td>
            <td>{torch.head}</td>
            <td>{torch.total}</td>
          </tr>
        </tbody>
      </table></section>
      <details class="we-tensors">
        <summary>Weight tensors and their shapes</summary>
        <div class="we-code">
          {[keras, torch].map((counts) => (
            <section class="we-scroll" key={counts.framework} aria-label={`${counts.framework === "keras" ? "Keras" : "PyTorch"} weight tensors`} tabindex={0}><table class="we-table">
              <caption>{counts.framework === "keras" ? "Keras" : "PyTorch"}</caption>
              <thead>
                <tr>
                  <th scope="col">Tensor</th>
                  <th scope="col">Shape</th>
                  <th scope="col">Values</th>
                </tr>
              </thead>
              <tbody>
                {counts.tensors.map((t) => (
                  <tr key={t.name}>
                    <td>
                      <code>{t.name}</code>
                    </td>
                    <td>{formatShape(t.shape)}</td>
                    <td>{t.parameters}</td>
                  </tr>
                ))}
              </tbody>
            </table></section>
          ))}
        </div>
      </details>
      <p class="visually-hidden" role="status">
        {summary}
      </p>
    </figure>
  );
}
