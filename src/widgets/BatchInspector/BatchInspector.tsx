/**
 * Lesson 4's batch inspector: one batch of rows through the untrained 3-8-1 network. It shows each
 * row's prediction, loss and gradient for two chosen weights (as a table and as arrows on the map of the
 * batch loss over those weights), their mean (the batch gradient), the SGD update it makes, and the
 * seed's question as three readings from the same start: the batch, its last row alone, and its rows
 * one at a time. Every number comes from src/engine via src/course/inspector.ts; this file only lays them out.
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
import { batchFigure, CLOSE_UP_REACH, finalLoss, type BatchFigure, type ReadingId } from "../../course/batchFigure";
import {
  compareBatchWithLastRow,
  type BatchVersusRow,
  INSPECTOR_DEFAULTS,
  inspectBatch,
  weightChoices,
  type BatchInspection,
  type Computation,
} from "../../course/inspector";
import { formatFixed } from "../lib/formatFixed";
import { consecutiveRows, describeRows } from "./inspect";
import { EndMark, MIN_ARROW, PlaneMap, READING_LOOK } from "./PlaneMap";
import { closeUpZoom, MIN_CLOSE_UP_ZOOM } from "./planeMap";
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
  const figure = useMemo(
    () => (weightA === weightB ? null : batchFigure(rows, { a: weightA, b: weightB }, learningRate)),
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
        {weightA === weightB && (
          <p class="bi-note" role="alert">
            Both menus name the same weight: pick two different weights to draw the map of the loss over them.
          </p>
        )}
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

      <section class="bi-question" aria-labelledby={`${id}-question`}>
        <h3 id={`${id}-question`}>
          {batchText[0]!.toUpperCase()}
          {batchText.slice(1)} as one batch, {lastText} alone, or one row at a time
        </h3>
        <div class="bi-main">
          {figure && (
            <>
              <PlaneMap kind="map" figure={figure} id={id} symbols={[symbolOf(weightA), symbolOf(weightB)]} batchText={batchText} lastText={lastText} />
              {closeUpZoom(figure) >= MIN_CLOSE_UP_ZOOM && <PlaneMap kind="close-up" figure={figure} id={id} symbols={[symbolOf(weightA), symbolOf(weightB)]} batchText={batchText} lastText={lastText} />}
            </>
          )}
          <div class="bi-side">
            <ReadingsTable id={id} figure={figure} comparison={comparison} batchText={batchText} lastText={lastText} symbols={[symbolOf(weightA), symbolOf(weightB)]} />
          </div>
          {figure && <MapKey figure={figure} batchText={batchText} lastText={lastText} />}
        </div>
      </section>

      <div class="bi-details">
        <RowTable result={result} otherMatches={sameNumbers(result, other)} symbols={[symbolOf(weightA), symbolOf(weightB)]} />
        <UpdateTable result={result} weightA={weightA} weightB={weightB} />
      </div>

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

const READING_NAMES: Record<ReadingId, (batchText: string, lastText: string) => string> = {
  batch: (batchText) => `Batch of ${batchText}`,
  "last-row": (_, lastText) => `${lastText[0]!.toUpperCase()}${lastText.slice(1)} alone`,
  "one-at-a-time": (batchText) => `${batchText[0]!.toUpperCase()}${batchText.slice(1)} one at a time`,
};

/** The three readings' numbers: the map's (two weights move) and the whole network's (every weight moves). */
function ReadingsTable(props: {
  id: string;
  figure: BatchFigure | null;
  comparison: BatchVersusRow;
  batchText: string;
  lastText: string;
  symbols: [string, string];
}): JSX.Element {
  const { id, figure, comparison, batchText, lastText, symbols } = props;
  const whole: Record<ReadingId, number> = {
    batch: comparison.fromBatch.batchLossAfter,
    "last-row": comparison.fromLastRow.batchLossAfter,
    "one-at-a-time": comparison.oneRowAtATime.batchLossAfter,
  };
  // Where each reading ends on the map, from the start: for a single update the same whatever else moves.
  const delta = (reading: ReadingId, axis: "a" | "b"): string => {
    if (!figure) return "–";
    const path = figure.readings[reading].path[axis];
    return fmt(path[path.length - 1]! - path[0]!);
  };
  const ids: ReadingId[] = ["batch", "last-row", "one-at-a-time"];
  return (
    <>
    <p class="bi-table-title" id={`${id}-readings`}>
      Three readings from the same start, judged by the loss on {batchText}
    </p>
    <section class="bi-scroll" tabIndex={0} aria-label="The three readings, scrollable">
      <table class="bi-readings" aria-labelledby={`${id}-readings`}>
        <thead>
          <tr>
            <th scope="col">Reading</th>
            <th scope="col">Updates</th>
            <th scope="col">Loss on the map</th>
            <th scope="col">Loss, whole network</th>
            <th scope="col">Δ{symbols[0]} on the map</th>
            <th scope="col">Δ{symbols[1]} on the map</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <svg class="bi-key-mark" viewBox="-8 -8 16 16" aria-hidden="true">
                <circle r={5.5} class="bi-start" />
              </svg>
              Start
            </th>
            <td>0</td>
            <td>{fmt(figure?.start.loss ?? comparison.batchLossBefore)}</td>
            <td>{fmt(comparison.batchLossBefore)}</td>
            <td>0</td>
            <td>0</td>
          </tr>
          {ids.map((reading) => (
            <tr key={reading}>
              <th scope="row">
                <svg class="bi-key-mark" viewBox="-8 -8 16 16" aria-hidden="true">
                  <EndMark x={0} y={0} id={reading} size={5} />
                </svg>
                {READING_NAMES[reading](batchText, lastText)}
              </th>
              <td>{reading === "one-at-a-time" ? comparison.oneRowAtATime.usedRows.length : 1}</td>
              <td>{figure ? fmt(finalLoss(figure.readings[reading])) : "–"}</td>
              <td>{fmt(whole[reading])}</td>
              <td>{delta(reading, "a")}</td>
              <td>{delta(reading, "b")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
    </>
  );
}

function MapKey({ figure, batchText, lastText }: { figure: BatchFigure; batchText: string; lastText: string }): JSX.Element {
  const zoom = closeUpZoom(figure);
  return (
    <ul class="bi-key">
      <li>
        The map: the three readings from the start (●), ending at the marks of the table.
        {zoom >= MIN_CLOSE_UP_ZOOM &&
          ` With it, a close-up of the dotted square around the start at ${formatFixed(zoom, 1)} times the map's scale, where the short arrows can be read; arrows more than ${CLOSE_UP_REACH} times as long as the median one run off it.`}
      </li>
      <li>
        <span class="bi-key-line bi-key-row" aria-hidden="true" /> Thin arrows: the step −η∇ℓᵢ each row alone would make (the
        negative of its gradient, times η = {String(figure.learningRate)}), numbered by row; {lastText}'s is drawn in the
        colour of the reading &ldquo;{lastText} alone&rdquo;, which it is.
      </li>
      <li>
        <span class="bi-key-line bi-key-mean" aria-hidden="true" style={`background:${READING_LOOK.batch.colour}`} /> Bold arrow:
        their mean −η∇L, the one update the batch of {batchText} makes; its tip is the centre of the thin arrows' tips.
      </li>
      <li>
        <span class="bi-key-line" aria-hidden="true" style={`background:${READING_LOOK["one-at-a-time"].colour}`} /> Path with dots:
        one update per row, each gradient taken where the last step ended.
      </li>
      <li>
        Contours: the loss on {batchText} when only these two weights change (the other {PARAMETERS - 2} stay at their start);
        dashed: the start's level. &ldquo;Loss on the map&rdquo; is the contour's height at a reading's end point; &ldquo;whole
        network&rdquo; applies the same updates to all {PARAMETERS} weights.
      </li>
      <li>
        Arrows and steps are drawn to each plot's axes; an arrow shorter than {MIN_ARROW} units of the drawing would be stretched
        to that length and dashed (the tables give its true size).
      </li>
    </ul>
  );
}
