/**
 * Lesson 4's map: the batch loss over two weights as contour lines, the start, each row's own step
 * (thin arrows), their mean (the batch's step, bold) and the three readings of "rows 1–5 versus row 5"
 * as paths. Every number comes from src/course/batchFigure.ts; planeMap.ts does the geometry.
 */
import type { JSX } from "preact";
import type { BatchFigure, PlaneWindow, ReadingId } from "../../course/batchFigure";
import { ticks } from "d3-array";
import { formatFixed } from "../lib/formatFixed";
import { closeUpZoom, MIN_CLOSE_UP_ZOOM, contourBands, contourLevels, legibleArrow, toPlot, unitsPerWeight, type PlotFrame } from "./planeMap";

const SIZE = 560;
const PAD = 46;
/** Shortest arrow drawn, in SVG units (about 10 px on a 375 px phone, 16 px at full size). */
export const MIN_ARROW = 16;
const ROW_LABEL_LIMIT = 12;

/** How each reading is drawn and named in the map and the table. */
export const READING_LOOK: Record<ReadingId, { colour: string; shape: "circle" | "square" | "diamond" }> = {
  batch: { colour: "var(--cat-1)", shape: "circle" },
  "last-row": { colour: "var(--cat-2)", shape: "square" },
  "one-at-a-time": { colour: "var(--cat-5)", shape: "diamond" },
};

export function EndMark({ x, y, id, size = 6 }: { x: number; y: number; id: ReadingId; size?: number }): JSX.Element {
  const { colour, shape } = READING_LOOK[id];
  const common = { fill: colour, stroke: "var(--bg)", "stroke-width": 1.5 };
  if (shape === "circle") return <circle cx={x} cy={y} r={size} {...common} />;
  if (shape === "square") return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} {...common} />;
  const d = size * 1.35;
  return <path d={`M${x},${y - d}L${x + d},${y}L${x},${y + d}L${x - d},${y}Z`} {...common} />;
}

/** A label placed just beyond a point, away from the start, so it sits off the arrow it names. */
function labelAt(from: [number, number], to: [number, number], gap: number): { x: number; y: number; anchor: "start" | "end" | "middle" } {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy) || 1;
  const x = to[0] + (dx / length) * gap;
  const y = to[1] + (dy / length) * gap + 4;
  const anchor = Math.abs(dx) < length * 0.3 ? "middle" : dx > 0 ? "start" : "end";
  return { x, y, anchor };
}

/** A label beside the line from `from` to `at`, at `at`, offset to its right-hand side. */
function besideLine(from: [number, number], at: [number, number]): { x: number; y: number; anchor: "start" | "end" } {
  const dx = at[0] - from[0];
  const dy = at[1] - from[1];
  const length = Math.hypot(dx, dy) || 1;
  const [nx, ny] = [-dy / length, dx / length];
  return { x: at[0] + nx * 10, y: at[1] + ny * 10 + 4, anchor: nx >= 0 ? "start" : "end" };
}

export interface PlaneMapProps {
  figure: BatchFigure;
  /** "map" draws the three readings' paths; "close-up" zooms on the start, where the arrows are. */
  kind: "map" | "close-up";
  id: string;
  symbols: [string, string];
  /** "rows 1–5" and "row 5", written for people. */
  batchText: string;
  lastText: string;
}

export function PlaneMap({ figure, kind, id: figureId, symbols, batchText, lastText }: PlaneMapProps): JSX.Element {
  const id = `${figureId}-${kind}`;
  const plane: PlaneWindow = kind === "map" ? figure.map : figure.closeUp;
  const view = plane.view;
  const closeUp = kind === "close-up";
  const frame: PlotFrame = { size: SIZE, pad: PAD, a: view.a, b: view.b };
  const k = unitsPerWeight(frame);
  const start = toPlot(frame, figure.start.a, figure.start.b);
  const levels = contourLevels(plane.grid.min, plane.grid.max, 10);
  const bands = contourBands(plane.grid, levels, frame);
  const [startLine] = contourBands(plane.grid, [figure.start.loss], frame);
  const ticksA = ticks(view.a[0], view.a[1], 4).filter((t) => t >= view.a[0] && t <= view.a[1]);
  const ticksB = ticks(view.b[0], view.b[1], 4).filter((t) => t >= view.b[0] && t <= view.b[1]);
  const tickStep = ticksA.length > 1 ? ticksA[1]! - ticksA[0]! : 1;
  const tickDigits = Math.max(0, -Math.floor(Math.log10(tickStep) + 1e-9));
  const levelStep = levels.length > 1 ? levels[1]! - levels[0]! : 0;
  const levelDigits = Math.max(0, -Math.floor(Math.log10(levelStep || 1) + 1e-9));
  const last = figure.rowSteps[figure.rowSteps.length - 1]!;
  const path = (reading: ReadingId): [number, number][] => {
    const p = figure.readings[reading].path;
    return Array.from(p.a, (a, i) => toPlot(frame, a, p.b[i]!));
  };
  const batchEnd = path("batch").at(-1)!;
  const lastEnd = path("last-row").at(-1)!;
  const sequence = path("one-at-a-time");
  const sequenceEnd = sequence.at(-1)!;
  const mean = legibleArrow(figure.meanStep.dA, figure.meanStep.dB, k, MIN_ARROW);
  const clip = `${id}-clip`;
  const inFrame = ([x, y]: readonly [number, number]): boolean => x >= PAD && x <= SIZE - PAD && y >= PAD && y <= SIZE - PAD;
  /** The point a fraction `at` of the way from `from` (inside the frame) to where the segment to `to` crosses the frame. */
  const exitPoint = (from: [number, number], to: [number, number], at: number): [number, number] => {
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    const reach = (edgeLow: number, edgeHigh: number, p: number, d: number): number =>
      d > 0 ? (edgeHigh - p) / d : d < 0 ? (edgeLow - p) / d : Infinity;
    const t = Math.min(1, reach(PAD, SIZE - PAD, from[0], dx), reach(PAD, SIZE - PAD, from[1], dy));
    return [from[0] + dx * t * at, from[1] + dy * t * at];
  };
  const head = (name: string): string => `url(#${id}-${name})`;
  const inner = SIZE - 2 * PAD;
  const zoom = closeUpZoom(figure);
  const label = closeUp
    ? `Close-up of the start, ${formatFixed(zoom, 1)} times the map's scale: one thin arrow per row for the step that row alone would make, ` +
      `and the bold arrow, their mean, the step of the batch of ${batchText}. The tables give every number.`
    : `Contour map of the loss on ${batchText} over ${symbols[0]} (across) and ${symbols[1]} (up), the other weights fixed. ` +
      `From the start at loss ${formatFixed(figure.start.loss, 4)}: one thin arrow per row for the step that row alone would make, ` +
      `the bold arrow for their mean, the batch's step, and the end points of the three readings. The table beside gives every number.`;
  return (
    <svg class={`bi-map bi-plane-${kind}`} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
      <defs>
        <clipPath id={clip}>
          <rect x={PAD} y={PAD} width={inner} height={inner} />
        </clipPath>
        {(["row", "mean", "last"] as const).map((name) => (
          <marker id={`${id}-${name}`} key={name} viewBox="0 0 10 10" refX="8" refY="5" markerWidth={name === "mean" ? 3.2 : 6} markerHeight={name === "mean" ? 3.2 : 6} orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class={`bi-head-${name}`} />
          </marker>
        ))}
      </defs>
      <rect x={PAD} y={PAD} width={inner} height={inner} class="bi-map-ground" />
      <g clip-path={`url(#${clip})`}>
        {bands.map((band) => (
          <path key={band.level} d={band.path} class="bi-band" />
        ))}
        {startLine && startLine.path !== "" && <path d={startLine.path} class="bi-start-level" />}
      </g>
      <rect x={PAD} y={PAD} width={inner} height={inner} class="bi-map-frame" />
      <g class="bi-ticks" aria-hidden="true">
        {ticksA.map((t) => {
          const [x] = toPlot(frame, t, view.b[0]);
          return (
            <g key={`a${t}`}>
              <line x1={x} x2={x} y1={SIZE - PAD} y2={SIZE - PAD + 5} />
              <text x={x} y={SIZE - PAD + 18} text-anchor="middle">{formatFixed(t, tickDigits)}</text>
            </g>
          );
        })}
        {ticksB.map((t) => {
          const [, y] = toPlot(frame, view.a[0], t);
          return (
            <g key={`b${t}`}>
              <line x1={PAD - 5} x2={PAD} y1={y} y2={y} />
              <text x={PAD - 8} y={y + 4} text-anchor="end">{formatFixed(t, tickDigits)}</text>
            </g>
          );
        })}
        <text x={SIZE - PAD} y={SIZE - 6} text-anchor="end" class="bi-axis-title">{symbols[0]} →</text>
        <text x={PAD} y={PAD - 10} text-anchor="start" class="bi-axis-title">↑ {symbols[1]}</text>
        {levels.length > 0 && (
          <text x={SIZE - PAD} y={PAD - 10} text-anchor="end">
            {closeUp ? `close-up ×${formatFixed(zoom, 1)}, ` : ""}lines every {formatFixed(levelStep, levelDigits)} of loss
          </text>
        )}
      </g>
      {!closeUp && zoom >= MIN_CLOSE_UP_ZOOM && (() => {
        // Where the close-up beside the map looks.
        const [x0, y0] = toPlot(frame, figure.closeUp.view.a[0], figure.closeUp.view.b[1]);
        const [x1, y1] = toPlot(frame, figure.closeUp.view.a[1], figure.closeUp.view.b[0]);
        return <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} class="bi-close-up-frame" aria-hidden="true" />;
      })()}
      <g aria-hidden="true" clip-path={closeUp ? `url(#${clip})` : undefined}>
        {/* The last row's step, which is also the reading "last row alone"; under the thin arrows, so that a short one
            lying along it stays visible. */}
        {legibleArrow(last.dA, last.dB, k, MIN_ARROW).trueLength > 0 && (
          <line
            x1={start[0]}
            y1={start[1]}
            x2={lastEnd[0]}
            y2={lastEnd[1]}
            class="bi-last-step"
            stroke={READING_LOOK["last-row"].colour}
            marker-end={head("last")}
            data-testid={`row-${last.row}-arrow`}
          />
        )}
        {figure.rowSteps.map((step) => {
          const arrow = legibleArrow(step.dA, step.dB, k, MIN_ARROW);
          const tip: [number, number] = [start[0] + arrow.dx, start[1] + arrow.dy];
          const place = labelAt(start, tip, 9);
          return (
            <g key={step.row}>
              {/* The last row's own step is drawn in its reading's colour below. */}
              {arrow.trueLength > 0 && step !== last && (
                <line
                  x1={start[0]}
                  y1={start[1]}
                  x2={tip[0]}
                  y2={tip[1]}
                  class={`bi-row-step${arrow.lengthened ? " bi-lengthened" : ""}`}
                  marker-end={head("row")}
                  data-testid={`row-${step.row}-arrow`}
                />
              )}
              {closeUp && figure.rowSteps.length <= ROW_LABEL_LIMIT && step !== last && inFrame(tip) && (
                <text x={place.x} y={place.y} text-anchor={place.anchor} class="bi-row-label">
                  {step.row}
                </text>
              )}
            </g>
          );
        })}
        {!closeUp && (
          <polyline points={sequence.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")} class="bi-sequence" stroke={READING_LOOK["one-at-a-time"].colour} />
        )}
        {!closeUp &&
          sequence.slice(1, -1).map(([x, y], i) => <circle key={i} cx={x} cy={y} r={3} fill={READING_LOOK["one-at-a-time"].colour} />)}
        {mean.trueLength > 0 && (
          <line
            x1={start[0]}
            y1={start[1]}
            x2={start[0] + mean.dx}
            y2={start[1] + mean.dy}
            class={`bi-mean-step${mean.lengthened ? " bi-lengthened" : ""}`}
            marker-end={head("mean")}
            data-testid="mean-arrow"
          />
        )}
        <circle cx={start[0]} cy={start[1]} r={5.5} class="bi-start" />
        {!closeUp && (
          <>
            <EndMark x={sequenceEnd[0]} y={sequenceEnd[1]} id="one-at-a-time" />
            <EndMark x={lastEnd[0]} y={lastEnd[1]} id="last-row" />
            <EndMark x={batchEnd[0]} y={batchEnd[1]} id="batch" size={5} />
          </>
        )}
        {(
          [
            ["batch", batchEnd, closeUp ? "mean = batch" : "batch"],
            ["last-row", lastEnd, lastText],
            ["one-at-a-time", sequenceEnd, "one at a time"],
          ] as const
        )
          .filter(([reading]) => !closeUp || reading !== "one-at-a-time")
          .map(([reading, end, text]) => {
          // An arrow that runs off the close-up is named where it leaves the frame.
          const place = inFrame(end) ? labelAt(start, end, closeUp ? 10 : 14) : besideLine(start, exitPoint(start, end, 0.88));
          return (
            <text key={reading} x={place.x} y={place.y} text-anchor={place.anchor} class="bi-end-label">
              {text}
            </text>
          );
        })}
        {(() => {
          // Opposite the batch's step, where no arrow is likely to be.
          const away = labelAt([start[0] + mean.dx, start[1] + mean.dy], start, 12);
          return (
            <text x={away.x} y={away.y} text-anchor={away.anchor} class="bi-end-label">
              start
            </text>
          );
        })()}
      </g>
    </svg>
  );
}
