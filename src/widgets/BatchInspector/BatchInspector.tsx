/**
 * Lesson 4's batch inspector: one batch of rows through the untrained 3-8-1 network. It shows each
 * row's prediction, loss and gradient for two chosen weights (as arrows and as a table), their mean
 * (the batch gradient), the SGD update it makes, and the same update made from the batch's last
 * row alone. Every number comes from src/engine via src/course/inspector.ts; this file only lays them out.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useHydrated } from "../lib/useHydrated";
import { NumberField } from "../lib/NumberField";
import { publishRun } from "../lib/runEvents";
import { readSelectedRows, subscribeSelectedRows } from "../lib/selectedRows";
import { GREENHOUSE_ROWS } from "../../course/columns";
import { GREENHOUSE_NET, GREENHOUSE_NET_SEED, GREENHOUSE_NET_WIDTHS } from "../../course/networks";
import { countParameters } from "../../engine/model";
import {
  compareBatchWithLastRow,
  INSPECTOR_DEFAULTS,
  inspectBatch,
  weightChoices,
  type BatchInspection,
  type Computation,
} from "../../course/inspector";
import { formatFixed } from "../lib/formatFixed";
import { consecutiveRows, describeRows } from "./inspect";
import "./BatchInspector.css";

export interface BatchInspectorProps {
  /** First row of the batch, counted from 1. */
  start?: number;
  batchSize?: number;
  /** Indices into the weight buffer (see weightChoices). */
  weightA?: number;
  weightB?: number;
  learningRate?: number;
}

type RowSource = "consecutive" | "selected";

const CHOICES = weightChoices();
const FEATURES = GREENHOUSE_NET.inputSize;
const HIDDEN = GREENHOUSE_NET.layers[0]!.units;
const NET_NAME = GREENHOUSE_NET_WIDTHS.join("-");
const PARAMETERS = countParameters(GREENHOUSE_NET);
const fmt = (value: number, digits = 4): string => formatFixed(value, digits);
/** The weight's symbol in the course's notation, e.g. W⁽¹⁾₁,₁. */
const symbolOf = (index: number): string => CHOICES.find((c) => c.index === index)?.symbol ?? `weight ${index}`;

function WeightName({ index }: { index: number }): JSX.Element {
  const choice = CHOICES.find((c) => c.index === index);
  return (
    <>
      <span class="bi-symbol">{choice?.symbol ?? `weight ${index}`}</span>
      {choice && (
        <small class="bi-connects">
          {choice.connects}, Keras <code>{choice.kerasName}</code>
        </small>
      )}
    </>
  );
}

export default function BatchInspector(props: BatchInspectorProps): JSX.Element {
  const id = useId();
  const n = GREENHOUSE_ROWS;
  const [start, setStart] = useState<number>(props.start ?? INSPECTOR_DEFAULTS.start);
  const [batchSize, setBatchSize] = useState<number>(props.batchSize ?? INSPECTOR_DEFAULTS.batchSize);
  const [weightA, setWeightA] = useState<number>(props.weightA ?? INSPECTOR_DEFAULTS.weightA);
  const [weightB, setWeightB] = useState<number>(props.weightB ?? INSPECTOR_DEFAULTS.weightB);
  const [learningRate, setLearningRate] = useState<number>(props.learningRate ?? INSPECTOR_DEFAULTS.learningRate);
  const [computation, setComputation] = useState<Computation>("matrix");
  const [source, setSource] = useState<RowSource>("consecutive");
  const [selected, setSelected] = useState<number[]>([]);

  const ready = useHydrated();
  useEffect(() => {
    setSelected(readSelectedRows());
    return subscribeSelectedRows(setSelected);
  }, []);

  const consecutive = consecutiveRows(start, batchSize, n);
  const useSelected = source === "selected" && selected.length > 0;
  const rows = useSelected ? selected : consecutive.rows;

  const result = useMemo(
    () => inspectBatch(rows, weightA, weightB, learningRate, computation),
    [rows.join(","), weightA, weightB, learningRate, computation],
  );
  const other = useMemo(
    () => inspectBatch(rows, weightA, weightB, learningRate, computation === "matrix" ? "row-by-row" : "matrix"),
    [rows.join(","), weightA, weightB, learningRate, computation],
  );
  const comparison = useMemo(
    () => compareBatchWithLastRow(rows, weightA, weightB, learningRate),
    [rows.join(","), weightA, weightB, learningRate],
  );

  const B = rows.length;
  const batchText = describeRows(rows);
  const lastText = describeRows(rows.slice(-1));

  useEffect(() => {
    publishRun("batch-inspector", {
      batchSize: B,
      batchLoss: result.batchLoss,
      batchLossAfter: result.batchLossAfter,
      maxAbsDifference: result.maxAbsDifference,
      meanGradA: result.meanGradA,
      meanGradB: result.meanGradB,
      learningRate,
    });
  }, [result]);

  const summary =
    `${batchText[0]!.toUpperCase()}${batchText.slice(1)}, batch size ${B}: batch loss ${fmt(result.batchLoss)}, ` +
    `${fmt(result.batchLossAfter)} after one update. Batch gradient (${fmt(result.meanGradA)}, ${fmt(result.meanGradB)}).`;

  return (
    <figure class="widget batch-inspector" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>Batch inspector.</strong> One batch through the untrained {NET_NAME} network (standardised data, seed {GREENHOUSE_NET_SEED}).
      </figcaption>

      <fieldset class="bi-controls needs-js" disabled={!ready}>
        <legend class="visually-hidden">Settings</legend>
        <fieldset>
          <legend>Rows in the batch</legend>
          <div class="bi-radios">
            <label>
              <input type="radio" name={`${id}-source`} checked={source === "consecutive"} onChange={() => setSource("consecutive")} />
              Consecutive rows
            </label>
            <label>
              <input type="radio" name={`${id}-source`} checked={source === "selected"} onChange={() => setSource("selected")} />
              Use my selected rows{selected.length > 0 ? ` (${selected.length})` : ""}
            </label>
          </div>
          {source === "selected" && selected.length === 0 && (
            <p class="bi-note">
              You have not ticked any rows in the data table of lesson 1 yet, so the batch is still the consecutive rows below.
            </p>
          )}
          {!useSelected && (
            <div class="bi-fields">
              <NumberField label="Start row" min={1} max={n} integer value={start} onValid={setStart} />
              <NumberField label="Batch size" min={1} max={n} integer value={batchSize} onValid={setBatchSize} />
            </div>
          )}
          {!useSelected && consecutive.cut && (
            <p class="bi-note">
              Only {B} {B === 1 ? "row is" : "rows are"} left from row {start}: this batch is {batchText}, {B} rows, like the short last
              batch of an epoch.
            </p>
          )}
        </fieldset>
        <div class="bi-fields">
          <label class="bi-select">
            First weight
            <select value={String(weightA)} onChange={(e) => setWeightA(Number(e.currentTarget.value))}>
              {CHOICES.map((c) => (
                <option value={String(c.index)} key={c.index}>
                  {c.symbol}: {c.connects}
                </option>
              ))}
            </select>
          </label>
          <label class="bi-select">
            Second weight
            <select value={String(weightB)} onChange={(e) => setWeightB(Number(e.currentTarget.value))}>
              {CHOICES.map((c) => (
                <option value={String(c.index)} key={c.index}>
                  {c.symbol}: {c.connects}
                </option>
              ))}
            </select>
          </label>
          <NumberField label="Learning rate" min={0.0001} max={10} value={learningRate} onValid={setLearningRate} />
        </div>
        {weightA === weightB && <p class="bi-note">Both choices are the same weight, so every arrow lies on the diagonal.</p>}
        <fieldset class="bi-radios">
          <legend>Computation</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={computation === "row-by-row"} onChange={() => setComputation("row-by-row")} />
            Row by row
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={computation === "matrix"} onChange={() => setComputation("matrix")} />
            As one matrix product
          </label>
        </fieldset>
      </fieldset>

      <p class="bi-shape">
        The batch is <strong>{batchText}</strong>: <var>X</var> has shape ({B}, {FEATURES}), the first weight matrix stays ({FEATURES},{" "}
        {HIDDEN}) and the network still has {PARAMETERS} parameters. Predictions computed{" "}
        {computation === "matrix" ? "as one matrix product, X·W + b" : "row by row, one sample at a time"}; the other way gives the
        same numbers: the largest difference between the two is{" "}
        <output aria-label="Largest difference between the two computations" aria-live="off">{result.maxAbsDifference === 0 ? "0" : result.maxAbsDifference.toExponential(1)}</output>.
      </p>

      <div class="bi-main">
        <GradientPlot result={result} id={id} symbols={[symbolOf(weightA), symbolOf(weightB)]} />
        <RowTable result={result} otherMatches={sameNumbers(result, other)} symbols={[symbolOf(weightA), symbolOf(weightB)]} />
      </div>

      <UpdateTable result={result} weightA={weightA} weightB={weightB} />

      <section class="bi-compare" aria-labelledby={`${id}-compare`}>
        <h3 id={`${id}-compare`}>
          Update from the batch of {batchText} vs update from {lastText} alone
        </h3>
        <p class="bi-note">
          Same starting weights, same learning rate, one SGD step each. Before either step the loss on {batchText} is{" "}
          {fmt(comparison.batchLossBefore)}.
        </p>
        <div class="bi-compare-grid">
          <UpdatePanel
            title={`Update from the batch of ${batchText}`}
            deltaA={comparison.fromBatch.deltaA}
            deltaB={comparison.fromBatch.deltaB}
            lossAfter={comparison.fromBatch.batchLossAfter}
            batchText={batchText}
            symbols={[symbolOf(weightA), symbolOf(weightB)]}
          />
          <UpdatePanel
            title={`Update from ${lastText} alone`}
            deltaA={comparison.fromLastRow.deltaA}
            deltaB={comparison.fromLastRow.deltaB}
            lossAfter={comparison.fromLastRow.batchLossAfter}
            batchText={batchText}
            symbols={[symbolOf(weightA), symbolOf(weightB)]}
          />
        </div>
      </section>

      <p class="visually-hidden" role="status">
        {summary}
      </p>
    </figure>
  );
}

function sameNumbers(a: BatchInspection, b: BatchInspection): boolean {
  return a.rows.every((r, i) => fmt(r.prediction) === fmt(b.rows[i]!.prediction));
}

function RowTable({ result, otherMatches, symbols }: { result: BatchInspection; otherMatches: boolean; symbols: [string, string] }): JSX.Element {
  return (
    <div class="bi-table-wrap">
      {/* Focusable so keyboard users can scroll the table sideways on narrow screens. */}
      <section class="bi-scroll" tabIndex={0} aria-label="Per-row numbers, scrollable">
      <table class="bi-table">
        <caption>Per-row numbers ({result.computation === "matrix" ? "as one matrix product" : "row by row"})</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">
              <abbr title="prediction">ŷ</abbr>
            </th>
            <th scope="col">
              <abbr title="target">y</abbr>
            </th>
            <th scope="col">
              <abbr title="loss (ŷ − y)²">ℓ</abbr>
            </th>
            <th scope="col">∂ℓ/∂{symbols[0]}</th>
            <th scope="col">∂ℓ/∂{symbols[1]}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.row}>
              <th scope="row">{r.row}</th>
              <td>{fmt(r.prediction)}</td>
              <td>{fmt(r.target)}</td>
              <td>{fmt(r.loss)}</td>
              <td>{fmt(r.gradA)}</td>
              <td>{fmt(r.gradB)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Mean</th>
            <td></td>
            <td></td>
            <td>{fmt(result.batchLoss)}</td>
            <td>{fmt(result.meanGradA)}</td>
            <td>{fmt(result.meanGradB)}</td>
          </tr>
        </tfoot>
      </table>
      </section>
      <p class="bi-note">
        ŷ is the prediction, y the target, ℓ = (ŷ − y)² the row's loss, all in standardised units. The mean row is the batch loss L
        and the batch gradient ∇L. Computed directly as one batch, the engine's gradient is (
        {fmt(result.batchGradA)}, {fmt(result.batchGradB)}){otherMatches ? "; switching the computation changes no digit" : ""}.
      </p>
    </div>
  );
}

function GradientPlot({ result, id, symbols }: { result: BatchInspection; id: string; symbols: [string, string] }): JSX.Element {
  const size = 220;
  const half = size / 2;
  const reach = half - 22;
  const biggest = Math.max(
    1e-12,
    ...result.rows.map((r) => Math.max(Math.abs(r.gradA), Math.abs(r.gradB))),
    Math.abs(result.meanGradA),
    Math.abs(result.meanGradB),
  );
  const scale = reach / biggest;
  const px = (g: number): number => half + g * scale;
  const py = (g: number): number => half - g * scale;
  const labelRows = result.rows.length <= 12;
  const arrow = `${id}-arrow`;
  const meanArrow = `${id}-mean-arrow`;
  return (
    <svg
      class="bi-plot"
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
      role="img"
      aria-label={`Gradient arrows, one per row of the batch, and their mean in bold at (${fmt(result.meanGradA)}, ${fmt(result.meanGradB)}). The table gives every number.`}
    >
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="bi-row-head" />
        </marker>
        <marker id={meanArrow} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="bi-mean-head" />
        </marker>
      </defs>
      <line x1={8} y1={half} x2={size - 8} y2={half} class="bi-axis" />
      <line x1={half} y1={8} x2={half} y2={size - 8} class="bi-axis" />
      <text x={size - 6} y={half - 6} text-anchor="end" class="bi-axis-label">∂/∂{symbols[0]}</text>
      <text x={half + 6} y={16} class="bi-axis-label">∂/∂{symbols[1]}</text>
      {result.rows.map((r) => (
        <g key={r.row}>
          <line x1={half} y1={half} x2={px(r.gradA)} y2={py(r.gradB)} class="bi-row-arrow" marker-end={`url(#${arrow})`} />
          {labelRows && (
            <text x={px(r.gradA) + (r.gradA >= 0 ? 4 : -4)} y={py(r.gradB) + (r.gradB >= 0 ? -4 : 12)} text-anchor={r.gradA >= 0 ? "start" : "end"} class="bi-row-label">
              {r.row}
            </text>
          )}
        </g>
      ))}
      <line x1={half} y1={half} x2={px(result.meanGradA)} y2={py(result.meanGradB)} class="bi-mean-arrow" marker-end={`url(#${meanArrow})`} />
      <text x={8} y={size - 8} class="bi-axis-label">bold: mean = batch gradient</text>
    </svg>
  );
}

function UpdateTable({ result, weightA, weightB }: { result: BatchInspection; weightA: number; weightB: number }): JSX.Element {
  return (
    <table class="bi-update">
      <caption>One SGD update, w ← w − η·∇L with η = {String(result.learningRate)}</caption>
      <thead>
        <tr>
          <th scope="col">Quantity</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">
            <WeightName index={weightA} />
          </th>
          <td>{fmt(result.weightABefore)}</td>
          <td>{fmt(result.weightAAfter)}</td>
        </tr>
        <tr>
          <th scope="row">
            <WeightName index={weightB} />
          </th>
          <td>{fmt(result.weightBBefore)}</td>
          <td>{fmt(result.weightBAfter)}</td>
        </tr>
        <tr>
          <th scope="row">Batch loss L</th>
          <td>{fmt(result.batchLoss)}</td>
          <td>{fmt(result.batchLossAfter)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function UpdatePanel(props: {
  title: string;
  deltaA: number;
  deltaB: number;
  lossAfter: number;
  batchText: string;
  symbols: [string, string];
}): JSX.Element {
  return (
    <section class="bi-panel" aria-label={props.title}>
      <h4>{props.title}</h4>
      <dl>
        <div>
          <dt>Δ{props.symbols[0]}</dt>
          <dd>{fmt(props.deltaA)}</dd>
        </div>
        <div>
          <dt>Δ{props.symbols[1]}</dt>
          <dd>{fmt(props.deltaB)}</dd>
        </div>
        <div>
          <dt>Loss on {props.batchText} after</dt>
          <dd>{fmt(props.lossAfter)}</dd>
        </div>
      </dl>
    </section>
  );
}
