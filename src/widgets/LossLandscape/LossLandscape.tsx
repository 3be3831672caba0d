/**
 * Lesson 7: the loss surface of a two-weight model on the greenhouse data, with the SGD paths of
 * batch sizes 1, 5 and 50 from one start point, the same learning rate and the same number of
 * epochs. The reader steps, plays or scrubs the updates; a table gives each path's current
 * (w1, w2, loss). Every number comes from the engine via ./landscapeData.ts.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import {
  BATCH_SIZES,
  DEFAULT_LANDSCAPE_SETTINGS,
  gridMinimum,
  landscapeGrid,
  landscapePaths,
  pathStateAt,
  VIEW_RANGE,
  W1_NAME,
  W2_NAME,
  type PathBatchSize,
} from "../../course/landscape";
import { formatFixed } from "../lib/formatFixed";
import { NumberField } from "../lib/NumberField";
import { useHydrated } from "../lib/useHydrated";
import { publishRun } from "../lib/runEvents";
import { bandRuns, contourSegments, formatLoss, landscapeSummary, LEVELS } from "./landscapeData";
import "./LossLandscape.css";

export interface LossLandscapeProps {
  startW1?: number;
  startW2?: number;
  learningRate?: number;
  epochs?: number;
}

const GRID = landscapeGrid();
const RUNS = bandRuns(GRID);
const CONTOURS = LEVELS.map((level) => ({ level, segments: contourSegments(GRID, level) }));
const FLOOR = gridMinimum(GRID);

// Plot geometry (SVG user units).
const LEFT = 54;
const TOP = 12;
const SIZE = 360;
const [LO, HI] = VIEW_RANGE;
const px = (w1: number): number => LEFT + ((w1 - LO) / (HI - LO)) * SIZE;
const py = (w2: number): number => TOP + ((HI - w2) / (HI - LO)) * SIZE;
/** Grid index (fractional) to SVG units. */
const gx = (i: number): number => px(GRID.aValues[0]! + i * (GRID.aValues[1]! - GRID.aValues[0]!));
const gy = (j: number): number => py(GRID.bValues[0]! + j * (GRID.bValues[1]! - GRID.bValues[0]!));
const CELL = SIZE / (GRID.steps - 1);
const TICKS = [-2, -1, 0, 1, 2];

const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();

function contourPath(segments: [number, number, number, number][]): string {
  return segments.map(([a, b, c, d]) => `M${r1(gx(a))} ${r1(gy(b))}L${r1(gx(c))} ${r1(gy(d))}`).join("");
}

const CONTOUR_PATHS = CONTOURS.map(({ level, segments }) => ({ level, d: contourPath(segments) }));

function levelText(v: number): string {
  return String(v);
}

const BAND_LABELS = Array.from({ length: LEVELS.length + 1 }, (_, k) =>
  k === 0 ? `below ${levelText(LEVELS[0]!)}` : k === LEVELS.length ? `${levelText(LEVELS[k - 1]!)} and above` : `${levelText(LEVELS[k - 1]!)} to ${levelText(LEVELS[k]!)}`,
);

const fmt = (value: number, digits = 3): string => formatFixed(value, digits);

function reducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export default function LossLandscape(props: LossLandscapeProps): JSX.Element {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hydrated = useHydrated();
  const [startW1, setStartW1] = useState(props.startW1 ?? DEFAULT_LANDSCAPE_SETTINGS.start[0]);
  const [startW2, setStartW2] = useState(props.startW2 ?? DEFAULT_LANDSCAPE_SETTINGS.start[1]);
  const [learningRate, setLearningRate] = useState(props.learningRate ?? DEFAULT_LANDSCAPE_SETTINGS.learningRate);
  const [epochs, setEpochs] = useState(props.epochs ?? DEFAULT_LANDSCAPE_SETTINGS.epochs);
  const [shown, setShown] = useState<Record<PathBatchSize, boolean>>({ 1: true, 5: true, 50: true });
  const paths = useMemo(
    () => landscapePaths({ start: [startW1, startW2], learningRate, epochs, seed: DEFAULT_LANDSCAPE_SETTINGS.seed }),
    [startW1, startW2, learningRate, epochs],
  );
  const maxUpdates = Math.max(...BATCH_SIZES.map((b) => paths[b].a.length - 1));
  // The figure first shows the finished paths (also without JavaScript); Reset goes back to update 0.
  const [k, setK] = useState(Infinity);
  const [playing, setPlaying] = useState(false);
  const shownSizes = BATCH_SIZES.filter((b) => shown[b]);
  const summary = landscapeSummary(paths, epochs, shownSizes);
  const current = Math.min(k, maxUpdates);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setK(Infinity);
    setPlaying(false);
    const [b1, b5, b50] = BATCH_SIZES.map((b) => pathStateAt(paths[b], Infinity));
    publishRun("loss-landscape", {
      epochs,
      learningRate,
      startW1,
      startW2,
      updatesB1: b1!.totalUpdates,
      lossB1: b1!.loss,
      updatesB5: b5!.totalUpdates,
      lossB5: b5!.loss,
      updatesB50: b50!.totalUpdates,
      lossB50: b50!.loss,
    });
  }, [paths]);

  useEffect(() => {
    if (!playing) return;
    const increment = Math.max(1, Math.round(maxUpdates / 120));
    const timer = window.setInterval(() => {
      setK((previous) => Math.min(maxUpdates, previous + increment));
    }, 40);
    return () => window.clearInterval(timer);
  }, [playing, maxUpdates]);

  useEffect(() => {
    if (playing && current >= maxUpdates) setPlaying(false);
  }, [playing, current, maxUpdates]);

  const play = (): void => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (reducedMotion()) {
      setK(maxUpdates);
      return;
    }
    if (current >= maxUpdates) setK(0);
    setPlaying(true);
  };

  const markerId = (b: PathBatchSize): string => `ll-${id}-m${b}`;

  return (
    <figure class="widget loss-landscape" aria-labelledby={`ll-${id}-title`}>
      <figcaption id={`ll-${id}-title`}>
        <strong>Loss landscape of ŷ = w1 · {W1_NAME} + w2 · {W2_NAME}</strong>: three batch sizes from the same start, with the same
        learning rate and the same number of epochs.
      </figcaption>

      <fieldset class="ll-controls needs-js" disabled={!hydrated}>
        <legend>Settings</legend>
        <NumberField label="Start w1" min={VIEW_RANGE[0]} max={VIEW_RANGE[1]} value={startW1} onValid={setStartW1} />
        <NumberField label="Start w2" min={VIEW_RANGE[0]} max={VIEW_RANGE[1]} value={startW2} onValid={setStartW2} />
        <NumberField label="Learning rate" min={0.001} max={1} value={learningRate} onValid={setLearningRate} />
        <NumberField label="Epochs" min={1} max={50} integer value={epochs} onValid={setEpochs} />
        <div class="ll-checks" role="group" aria-label="Paths to show">
          {BATCH_SIZES.map((b) => (
            <label key={b} class={`ll-check ll-b${b}`}>
              <input type="checkbox" checked={shown[b]} onChange={(event) => setShown({ ...shown, [b]: event.currentTarget.checked })} />
              Show B = {b}
            </label>
          ))}
        </div>
      </fieldset>

      <div class="ll-body">
        <svg class="ll-plot" viewBox={`0 0 ${LEFT + SIZE + 10} ${TOP + SIZE + 44}`} role="img" aria-labelledby={`ll-${id}-svgtitle`}>
          <title id={`ll-${id}-svgtitle`}>
            Contour map of the loss over w1 and w2, lowest near w1 = {fmt(FLOOR.w1, 2)}, w2 = {fmt(FLOOR.w2, 2)}, with the paths of batch sizes{" "}
            {shownSizes.join(", ") || "none"}. The table beside it lists each path's position.
          </title>
          <defs>
            <clipPath id={`ll-${id}-clip`}>
              <rect x={LEFT} y={TOP} width={SIZE} height={SIZE} />
            </clipPath>
            {BATCH_SIZES.map((b) => (
              <marker key={b} id={markerId(b)} class={`ll-marker ll-b${b}`} viewBox="0 0 10 10" refX="5" refY="5" markerWidth={b === 1 ? 3 : 5} markerHeight={b === 1 ? 3 : 5} markerUnits="strokeWidth">
                <circle cx="5" cy="5" r="4" />
              </marker>
            ))}
          </defs>
          <g clip-path={`url(#ll-${id}-clip)`}>
            <g class="ll-bands" shape-rendering="crispEdges">
              {RUNS.map((run) => (
                <rect
                  key={`${run.j}-${run.i0}`}
                  class={`ll-band-${run.band}`}
                  x={r1(gx(run.i0) - CELL / 2)}
                  y={r1(gy(run.j) - CELL / 2)}
                  width={r1((run.i1 - run.i0) * CELL + 0.6)}
                  height={r1(CELL + 0.6)}
                />
              ))}
            </g>
            <g class="ll-contours">
              {CONTOUR_PATHS.map(({ level, d }) => (
                <path key={level} d={d} />
              ))}
            </g>
            <g class="ll-floor" aria-hidden="true">
              <path d={`M${px(FLOOR.w1) - 5} ${py(FLOOR.w2) - 5}l10 10m0 -10l-10 10`} />
            </g>
            {shownSizes.map((b) => {
              const path = paths[b];
              const last = Math.min(current, path.a.length - 1);
              const points: string[] = [];
              for (let q = 0; q <= last; q++) {
                const a = path.a[q]!;
                const w = path.b[q]!;
                if (!Number.isFinite(a) || !Number.isFinite(w) || Math.abs(a) > 1e3 || Math.abs(w) > 1e3) break;
                points.push(`${r1(px(a))},${r1(py(w))}`);
              }
              const head = points[points.length - 1];
              return (
                <g key={b} class={`ll-path ll-b${b}`}>
                  <polyline class="ll-halo" points={points.join(" ")} />
                  <polyline
                    class="ll-line"
                    points={points.join(" ")}
                    marker-start={`url(#${markerId(b)})`}
                    marker-mid={`url(#${markerId(b)})`}
                    marker-end={`url(#${markerId(b)})`}
                  />
                  {head && <circle class="ll-head" cx={head.split(",")[0]} cy={head.split(",")[1]} r="5.5" />}
                </g>
              );
            })}
            <circle class="ll-start" cx={px(startW1)} cy={py(startW2)} r="7" />
          </g>
          <rect class="ll-frame" x={LEFT} y={TOP} width={SIZE} height={SIZE} />
          <g class="ll-axis" aria-hidden="true">
            {TICKS.map((t) => (
              <g key={t}>
                <line x1={px(t)} x2={px(t)} y1={TOP + SIZE} y2={TOP + SIZE + 5} />
                <text x={px(t)} y={TOP + SIZE + 19} text-anchor="middle">{fmt(t, 0)}</text>
                <line x1={LEFT - 5} x2={LEFT} y1={py(t)} y2={py(t)} />
                <text x={LEFT - 8} y={py(t) + 4} text-anchor="end">{fmt(t, 0)}</text>
              </g>
            ))}
            <text x={LEFT + SIZE / 2} y={TOP + SIZE + 36} text-anchor="middle">w1 (weight on {W1_NAME})</text>
            <text x={14} y={TOP + SIZE / 2} text-anchor="middle" transform={`rotate(-90 14 ${TOP + SIZE / 2})`}>w2 (weight on {W2_NAME})</text>
          </g>
        </svg>

        <div class="ll-side">
          <div class="ll-legend">
            <p id={`ll-${id}-legend`} class="ll-legend-title">Loss (mean squared error, standardised units)</p>
            <ul aria-labelledby={`ll-${id}-legend`}>
              {BAND_LABELS.map((label, band) => (
                <li key={band}>
                  <svg width="18" height="14" aria-hidden="true">
                    <rect class={`ll-band-${band} ll-swatch`} x="0.5" y="0.5" width="17" height="13" />
                  </svg>
                  {label}
                </li>
              ))}
            </ul>
            <p class="ll-legend-note">
              Lines mark the levels {LEVELS.join(", ")}. The ring is the start; the cross is the lowest grid point (loss {fmt(FLOOR.loss, 3)}).
            </p>
          </div>
        </div>
      </div>

      <div class="ll-stepper needs-js">
        <button type="button" onClick={() => { setPlaying(false); setK(Math.min(maxUpdates, current + 1)); }} disabled={!hydrated || current >= maxUpdates}>
          Step
        </button>
        <button type="button" onClick={play} disabled={!hydrated}>{playing ? "Pause" : "Play"}</button>
        <button type="button" class="secondary" onClick={() => { setPlaying(false); setK(0); }} disabled={!hydrated}>
          Reset
        </button>
        <label class="ll-scrub">
          Update
          <input
            type="range"
            min={0}
            max={maxUpdates}
            step={1}
            value={current}
            disabled={!hydrated}
            aria-valuetext={`update ${current} of ${maxUpdates}`}
            onInput={(event) => { setPlaying(false); setK(Number(event.currentTarget.value)); }}
          />
        </label>
        <span class="ll-count">
          update {current} of {maxUpdates}
        </span>
      </div>

      <section class="ll-table-wrap" aria-label="Positions of the paths" tabindex={0}>
      <table class="ll-table">
        <caption>Each path after update {current} (a path that has finished stays at its end)</caption>
        <thead>
          <tr>
            <th scope="col">Batch size</th>
            <th scope="col">Updates made</th>
            <th scope="col">Epochs done</th>
            <th scope="col">w1</th>
            <th scope="col">w2</th>
            <th scope="col">Loss</th>
          </tr>
        </thead>
        <tbody>
          {BATCH_SIZES.map((b) => {
            const state = pathStateAt(paths[b], current);
            return (
              <tr key={b} class={shown[b] ? undefined : "ll-hidden-row"}>
                <th scope="row">
                  <span class={`ll-key ll-b${b}`} aria-hidden="true" /> B = {b}
                </th>
                <td>
                  {state.updates} of {state.totalUpdates}
                </td>
                <td>{fmt(state.epochs, state.epochs % 1 === 0 ? 0 : 2)}</td>
                <td>{fmt(state.w1)}</td>
                <td>{fmt(state.w2)}</td>
                <td>{Number.isFinite(state.loss) && state.loss < 1e6 ? fmt(state.loss) : formatLoss(Infinity)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </section>
      <p class="ll-summary" role="status">
        {summary}
      </p>
    </figure>
  );
}
