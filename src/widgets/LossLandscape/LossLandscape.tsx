/**
 * Lesson 7: the loss surface of a two-weight model on the greenhouse data, with the SGD paths of
 * batch sizes 1, 5 and 50 from one start point, the same learning rate and the same number of
 * epochs. The reader drags the start on the map (or moves it with the arrow keys or the fields),
 * steps, plays or scrubs the updates; a table beside the map gives each path's current (w1, w2,
 * loss) and the minimum. Every number comes from the engine through src/course/landscape.ts.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import {
  BATCH_SIZES,
  DEFAULT_LANDSCAPE_SETTINGS,
  landscapeGrid,
  landscapeMinimum,
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
import { contourRegions, formatLoss, landscapeSummary, LEVELS, snapStart, startAfterKey, type Ring } from "./landscapeData";
import "./LossLandscape.css";

export interface LossLandscapeProps {
  startW1?: number;
  startW2?: number;
  learningRate?: number;
  epochs?: number;
}

const FLOOR = landscapeMinimum();

// Plot geometry (SVG user units; the SVG scales to its box, so lines stay sharp at any pixel density).
const LEFT = 54;
const TOP = 12;
const SIZE = 480;
const [LO, HI] = VIEW_RANGE;
const px = (w1: number): number => LEFT + ((w1 - LO) / (HI - LO)) * SIZE;
const py = (w2: number): number => TOP + ((HI - w2) / (HI - LO)) * SIZE;
const TICKS = [-2, -1, 0, 1, 2];

const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();

function ringsPath(rings: Ring[]): string {
  return rings.map((ring) => `M${ring.map(([a, b]) => `${r1(px(a))} ${r1(py(b))}`).join("L")}Z`).join("");
}

/** Region k (loss ≥ LEVELS[k]) is filled with band k + 1; its outline is the contour line. */
const REGIONS = contourRegions(landscapeGrid()).map(({ level, rings }, k) => ({ level, band: k + 1, d: ringsPath(rings) }));

const BAND_LABELS = Array.from({ length: LEVELS.length + 1 }, (_, k) =>
  k === 0 ? `below ${LEVELS[0]!}` : k === LEVELS.length ? `${LEVELS[k - 1]!} and above` : `${LEVELS[k - 1]!} to ${LEVELS[k]!}`,
);

const fmt = (value: number, digits = 3): string => formatFixed(value, digits);

function reducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export default function LossLandscape(props: LossLandscapeProps): JSX.Element {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hydrated = useHydrated();
  const [start, setStart] = useState<[number, number]>([
    props.startW1 ?? DEFAULT_LANDSCAPE_SETTINGS.start[0],
    props.startW2 ?? DEFAULT_LANDSCAPE_SETTINGS.start[1],
  ]);
  const [startW1, startW2] = start;
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

  // Direct manipulation: press on the map (or on the start ring) and drag; the start follows the pointer.
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const weightsAt = (event: PointerEvent): [number, number] | null => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    if (p.x < LEFT || p.x > LEFT + SIZE || p.y < TOP || p.y > TOP + SIZE) return null;
    return [snapStart(LO + ((p.x - LEFT) / SIZE) * (HI - LO)), snapStart(HI - ((p.y - TOP) / SIZE) * (HI - LO))];
  };
  const moveStartTo = (next: [number, number] | null): void => {
    if (next && (next[0] !== startW1 || next[1] !== startW2)) setStart(next);
  };
  const onPointerDown = (event: PointerEvent): void => {
    if (!hydrated || event.button !== 0) return;
    // A finger on the map scrolls the page; only the start ring (touch-action: none) starts a touch drag.
    const onHandle = (event.target as Element).closest(".ll-start") !== null;
    if (event.pointerType === "touch" && !onHandle) return;
    const next = weightsAt(event);
    if (!next && !onHandle) return;
    event.preventDefault();
    svg.current?.setPointerCapture(event.pointerId);
    dragging.current = event.pointerId;
    if (!onHandle) moveStartTo(next);
  };
  const onPointerMove = (event: PointerEvent): void => {
    if (dragging.current === event.pointerId) moveStartTo(weightsAt(event));
  };
  const endDrag = (event: PointerEvent): void => {
    if (dragging.current === event.pointerId) dragging.current = null;
  };
  const onStartKey = (event: KeyboardEvent): void => {
    const next = startAfterKey(start, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    moveStartTo(next);
  };

  const markerId = (b: PathBatchSize): string => `ll-${id}-m${b}`;
  const startText = `w1 = ${fmt(startW1, 2)}, w2 = ${fmt(startW2, 2)}`;
  const floorText = `w1 = ${fmt(FLOOR.w1, 2)}, w2 = ${fmt(FLOOR.w2, 2)}, loss ${fmt(FLOOR.loss, 3)}`;

  return (
    <figure class="widget loss-landscape" aria-labelledby={`ll-${id}-title`}>
      <figcaption id={`ll-${id}-title`}>
        <strong>Loss landscape of ŷ = w1 · {W1_NAME} + w2 · {W2_NAME}</strong>: three batch sizes from the same start, with the same
        learning rate and the same number of epochs. Drag the start ring on the map (or focus it and use the arrow keys).
      </figcaption>

      <fieldset class="ll-controls needs-js" disabled={!hydrated}>
        <legend>Settings</legend>
        <NumberField label="Start w1" min={VIEW_RANGE[0]} max={VIEW_RANGE[1]} value={startW1} onValid={(w1) => setStart([w1, startW2])} />
        <NumberField label="Start w2" min={VIEW_RANGE[0]} max={VIEW_RANGE[1]} value={startW2} onValid={(w2) => setStart([startW1, w2])} />
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
        <div class="ll-figure">
        <svg
          ref={svg}
          class={`ll-plot${hydrated ? " ll-live" : ""}`}
          viewBox={`0 0 ${LEFT + SIZE + 10} ${TOP + SIZE + 44}`}
          role="group"
          aria-labelledby={`ll-${id}-svgtitle`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        >
          <title id={`ll-${id}-svgtitle`}>
            Contour map of the loss over w1 and w2, lowest at {floorText}, with the paths of batch sizes {shownSizes.join(", ") || "none"} from{" "}
            {startText}. The table beside it lists each path's position.
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
          <g clip-path={`url(#ll-${id}-clip)`} aria-hidden="true">
            <rect class="ll-band-0" x={LEFT} y={TOP} width={SIZE} height={SIZE} />
            {REGIONS.map(({ level, band, d }) => (
              <path key={level} class={`ll-region ll-band-${band}`} d={d} />
            ))}
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
          </g>
          {/* The minimum and the start come after the paths, so no path hides them. */}
          <g class="ll-floor" role="img" aria-label={`Minimum of the loss: ${floorText}`}>
            <circle class="ll-floor-halo" cx={r1(px(FLOOR.w1))} cy={r1(py(FLOOR.w2))} r="9" />
            <path class="ll-floor-mark" d={`M${r1(px(FLOOR.w1))} ${r1(py(FLOOR.w2) - 8)}l8 8l-8 8l-8 -8z`} />
          </g>
          <g
            class="ll-start"
            role="button"
            aria-roledescription="draggable point"
            aria-label={`Start point at ${startText}. Arrow keys move it by 0.05, with Shift by 0.5.`}
            tabindex={hydrated ? 0 : -1}
            onKeyDown={onStartKey}
          >
            <circle class="ll-start-hit" cx={px(startW1)} cy={py(startW2)} r="16" />
            <circle class="ll-start-ring" cx={px(startW1)} cy={py(startW2)} r="8" />
          </g>
          <rect class="ll-frame" x={LEFT} y={TOP} width={SIZE} height={SIZE} aria-hidden="true" />
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
        </div>

        <div class="ll-side">
          <section class="ll-table-wrap" aria-label="Positions of the paths" tabindex={0}>
          <table class="ll-table">
            <caption>Each path after update {current} (a finished path stays at its end), from the start {startText}</caption>
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
              <tr class="ll-floor-row">
                <th scope="row">
                  <svg class="ll-key-floor" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 0l8 8l-8 8l-8 -8z" /></svg> Minimum
                </th>
                <td colSpan={2}>the bowl's floor</td>
                <td>{fmt(FLOOR.w1)}</td>
                <td>{fmt(FLOOR.w2)}</td>
                <td>{fmt(FLOOR.loss)}</td>
              </tr>
            </tbody>
          </table>
          </section>
          <p class="ll-summary" role="status">
            {summary}
          </p>
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
              Lines mark the levels {LEVELS.join(", ")}. The ring is the start; the diamond is the minimum.
            </p>
          </div>
        </div>
      </div>
    </figure>
  );
}
