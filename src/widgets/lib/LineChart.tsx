/**
 * An accessible SVG line chart: several series, labelled axes with ticks, a legend, linear or log
 * scales, and a <table> with the same numbers inside a <details> "Show the numbers". Server-rendered
 * as a static figure (the table is in the HTML too, so it works without JavaScript); in the browser
 * it redraws at its container's width so tick labels stay readable on a phone.
 *
 *   <LineChart title="Loss during training" xLabel="Epoch" yLabel="Loss (MSE)" yScale="log"
 *     series={[{ id: "full", label: "Full-dataset loss", points, color: "var(--batch-1)", width: 3 }]} />
 */
import { Component, h, type JSX } from "preact";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  axisDomain,
  dataExtent,
  formatTick,
  linearTicks,
  logTicks,
  makeScale,
  pathData,
  plottable,
  thinForDrawing,
  type ScaleKind,
  type XY,
} from "./chartScale";
import "./LineChart.css";

export interface ChartSeries {
  /** Unique within the chart. */
  id: string;
  /** Shown in the legend and as the table's column header. */
  label: string;
  points: readonly XY[];
  /** Any CSS colour, typically a theme token such as "var(--batch-1)". */
  color: string;
  /** Stroke width in pixels; default 2. */
  width?: number;
  /** SVG stroke-dasharray, e.g. "6 4". */
  dash?: string;
  opacity?: number;
  /** Draw a dot on every point (for short series such as a sweep). */
  markers?: boolean;
}

export interface LineChartProps {
  /** The chart's accessible name and caption. */
  title: string;
  /** A sentence saying what the chart shows; read by screen readers with the figure. */
  description?: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  xScale?: ScaleKind;
  yScale?: ScaleKind;
  /** Force the y axis to include 0 (linear only). Default true for y. */
  yIncludeZero?: boolean;
  /** Fixed domains; by default from the data. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  /** Column header of the table's first column; default xLabel. */
  tableXLabel?: string;
  /** Rows beyond this are thinned (every k-th row shown, with a note); default 2000. */
  maxTableRows?: number;
  /** Height in pixels; default 280. */
  height?: number;
  /** Extra content under the legend (notes about the data). */
  children?: JSX.Element | JSX.Element[] | string | null | false;
}

/**
 * The server renders the table inside the closed "Show the numbers" (so it works without
 * JavaScript). In the browser it is rendered only while open: hydration drops the server's rows
 * instead of rebuilding hundreds of nodes no one sees, and a chart that redraws does not redraw them.
 */
const IS_SERVER = typeof window === "undefined";

/** Widths the chart draws at: narrower containers scroll, wider ones get a 960 px chart. */
function clampWidth(width: number): number {
  return Math.max(260, Math.min(960, Math.round(width)));
}

const MARGIN = { top: 14, right: 18, bottom: 50, left: 66 };
const DEFAULT_WIDTH = 640;

function defaultFormat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(4)));
  return value.toExponential(3);
}

interface TableRow {
  x: number;
  values: (number | undefined)[];
}

/** One row per distinct x over all series, in increasing x; a cell is empty where a series has no point. */
export function chartTableRows(series: readonly ChartSeries[]): TableRow[] {
  const rows = new Map<number, (number | undefined)[]>();
  series.forEach((s, column) => {
    for (const p of s.points) {
      let row = rows.get(p.x);
      if (!row) {
        row = new Array<number | undefined>(series.length).fill(undefined);
        rows.set(p.x, row);
      }
      row[column] = p.y;
    }
  });
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([x, values]) => ({ x, values }));
}

function LineChartView(props: LineChartProps): JSX.Element {
  const { title, description, xLabel, yLabel, series } = props;
  const xKind = props.xScale ?? "linear";
  const yKind = props.yScale ?? "linear";
  const formatX = props.formatX ?? defaultFormat;
  const formatY = props.formatY ?? defaultFormat;
  const id = useId();
  const figureRef = useRef<HTMLElement>(null);
  const height = props.height ?? 280;

  // Dormant: the first client render of a server-rendered chart adopts the server's markup as it is
  // (no SVG or table nodes to build or compare during hydration). The chart wakes and redraws at its
  // container's width when it comes near the viewport, or at once when its props change.
  const renders = useRef(0);
  const dormant = useRef(!IS_SERVER);
  const wakeWidth = useRef<number | null>(null);
  const openAtWake = useRef(false);
  const [, setWakeRequest] = useState(0);
  if (dormant.current && renders.current > 0) {
    dormant.current = false;
    const figure = figureRef.current;
    if (figure && figure.clientWidth > 0) wakeWidth.current = clampWidth(figure.clientWidth);
    openAtWake.current = figure?.querySelector("details")?.open ?? false;
  }
  renders.current += 1;
  const isDormant = dormant.current;

  const [observedWidth, setObservedWidth] = useState<number | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const width = observedWidth ?? wakeWidth.current ?? DEFAULT_WIDTH;
  const widthRef = useRef(width);
  widthRef.current = width;

  useLayoutEffect(() => {
    if (!dormant.current) return undefined;
    const figure = figureRef.current;
    // Mounted in the browser (no server markup to keep), or no way to watch: draw now.
    if (!figure || figure.childElementCount === 0 || typeof IntersectionObserver === "undefined") {
      setWakeRequest(1);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        setWakeRequest(1);
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = figureRef.current;
    if (isDormant || !element || typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && clampWidth(w) !== widthRef.current) setObservedWidth(clampWidth(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isDormant]);

  if (isDormant) {
    // Same element and attributes as the live figure; hydration keeps the server's children.
    return <figure ref={figureRef} class="line-chart" aria-labelledby={`${id}-title`} dangerouslySetInnerHTML={{ __html: "" }} />;
  }

  const pointSets = series.map((s) => s.points);
  const xDomain = props.xDomain ?? axisDomain(dataExtent(pointSets, "x", xKind), xKind);
  const yDomain = props.yDomain ?? axisDomain(dataExtent(pointSets, "y", yKind), yKind, props.yIncludeZero ?? true);
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const plotTop = MARGIN.top;
  const plotBottom = height - MARGIN.bottom;
  const sx = makeScale(xKind, xDomain, [plotLeft, plotRight]);
  const sy = makeScale(yKind, yDomain, [plotBottom, plotTop]);
  const xTicks = (xKind === "log" ? logTicks(...xDomain) : linearTicks(...xDomain, width < 420 ? 3 : 6)).filter(
    (v) => v >= xDomain[0] - 1e-12 && v <= xDomain[1] * (1 + 1e-12) + 1e-12,
  );
  const yTicks = (yKind === "log" ? logTicks(...yDomain) : linearTicks(...yDomain, 5)).filter(
    (v) => v >= yDomain[0] * (yDomain[0] < 0 ? 1 + 1e-12 : 1 - 1e-12) - 1e-12 && v <= yDomain[1] * (1 + 1e-12) + 1e-12,
  );
  const buckets = Math.max(50, Math.floor((plotRight - plotLeft) / 2));
  const hidden = series.reduce(
    (count, s) => count + s.points.filter((p) => Number.isFinite(p.y) && !plottable(p.y, yKind)).length,
    0,
  );

  const showTable = tableOpen || openAtWake.current || IS_SERVER;
  const rows = showTable ? chartTableRows(series) : [];
  const maxRows = props.maxTableRows ?? 2000;
  const every = rows.length > maxRows ? Math.ceil(rows.length / maxRows) : 1;
  const shownRows = every === 1 ? rows : rows.filter((_, i) => i % every === 0 || i === rows.length - 1);

  return (
    <figure ref={figureRef} class="line-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="line-chart-title">{title}</figcaption>
      <div class="line-chart-canvas">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={description ? `${id}-desc` : undefined}
        >
          {yTicks.map((v) => (
            <g key={`y${v}`} class="line-chart-tick">
              <line x1={plotLeft} x2={plotRight} y1={sy(v)} y2={sy(v)} class="line-chart-grid" />
              <text x={plotLeft - 6} y={sy(v)} text-anchor="end" dominant-baseline="middle">{formatTick(v)}</text>
            </g>
          ))}
          {xTicks.map((v) => (
            <g key={`x${v}`} class="line-chart-tick">
              <line x1={sx(v)} x2={sx(v)} y1={plotBottom} y2={plotBottom + 5} class="line-chart-axis" />
              <text x={sx(v)} y={plotBottom + 18} text-anchor="middle">{formatTick(v)}</text>
            </g>
          ))}
          <line x1={plotLeft} x2={plotRight} y1={plotBottom} y2={plotBottom} class="line-chart-axis" />
          <line x1={plotLeft} x2={plotLeft} y1={plotTop} y2={plotBottom} class="line-chart-axis" />
          <text class="line-chart-label" x={(plotLeft + plotRight) / 2} y={height - 8} text-anchor="middle">
            {xLabel}{xKind === "log" ? " (log scale)" : ""}
          </text>
          <text
            class="line-chart-label"
            transform={`translate(14 ${(plotTop + plotBottom) / 2}) rotate(-90)`}
            text-anchor="middle"
          >
            {yLabel}{yKind === "log" ? " (log scale)" : ""}
          </text>
          <g clip-path={`url(#${id}-clip)`}>
            <clipPath id={`${id}-clip`}>
              <rect x={plotLeft} y={plotTop - 4} width={plotRight - plotLeft + 4} height={plotBottom - plotTop + 8} />
            </clipPath>
            {series.map((s) => {
              const drawn = thinForDrawing(s.points, buckets);
              return (
                <g key={s.id} style={{ color: s.color }} opacity={s.opacity}>
                  <path
                    d={pathData(drawn, sx, sy, xKind, yKind)}
                    fill="none"
                    stroke="currentColor"
                    stroke-width={s.width ?? 2}
                    stroke-dasharray={s.dash}
                    stroke-linejoin="round"
                    stroke-linecap="round"
                  />
                  {s.markers &&
                    drawn
                      .filter((p) => plottable(p.x, xKind) && plottable(p.y, yKind))
                      .map((p) => <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={2.6} fill="currentColor" />)}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      {description && <p id={`${id}-desc`} class="visually-hidden">{description}</p>}
      <ul class="line-chart-legend" aria-label={`Legend: ${title}`}>
        {series.map((s) => (
          <li key={s.id}>
            <svg width="28" height="12" aria-hidden="true" style={{ color: s.color }}>
              <line x1="2" x2="26" y1="6" y2="6" stroke="currentColor" stroke-width={Math.min(4, s.width ?? 2)} stroke-dasharray={s.dash} opacity={s.opacity} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p class="line-chart-note">
          {hidden} value{hidden === 1 ? " is" : "s are"} 0 or below and cannot be drawn on the log scale; the table lists {hidden === 1 ? "it" : "them"}.
        </p>
      )}
      {props.children}
      <details
        class="line-chart-table"
        open={showTable && !IS_SERVER}
        onToggle={(e) => {
          openAtWake.current = false;
          setTableOpen(e.currentTarget.open);
        }}
      >
        <summary>Show the numbers</summary>
        {showTable && (
          <div class="line-chart-table-scroll">
            <table>
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{props.tableXLabel ?? xLabel}</th>
                  {series.map((s) => <th key={s.id} scope="col">{s.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {shownRows.map((row) => (
                  <tr key={row.x}>
                    <th scope="row">{formatX(row.x)}</th>
                    {row.values.map((v, i) => <td key={series[i]!.id}>{v === undefined ? "" : formatY(v)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            {every > 1 && <p class="line-chart-note">Every {every}th of {rows.length} rows is shown.</p>}
          </div>
        )}
      </details>
    </figure>
  );
}

/**
 * Re-renders only when a prop changes identity: pass memoised series to skip redraws. (What preact/compat's memo does,
 * without importing compat: compat weighs about 2.5 KB gzipped and patches every element on the page.)
 */
export class LineChart extends Component<LineChartProps> {
  override shouldComponentUpdate(next: LineChartProps): boolean {
    const current = this.props as unknown as Record<string, unknown>;
    const incoming = next as unknown as Record<string, unknown>;
    for (const key in current) if (!(key in incoming)) return true;
    for (const key in incoming) if (current[key] !== incoming[key]) return true;
    return false;
  }

  override render(): JSX.Element {
    return h(LineChartView, this.props);
  }
}

export default LineChart;
