/**
 * An accessible SVG line chart: several series, labelled axes with ticks, a legend, linear or log
 * scales, and a <table> with the same numbers inside a <details> "Show the numbers". Server-rendered
 * as a static figure (the table is in the HTML too, so it works without JavaScript); in the browser
 * it redraws at its container's width so tick labels stay readable on a phone.
 *
 *   <LineChart title="Loss during training" xLabel="Epoch" yLabel="Loss (MSE)" yScale="log"
 *     series={[{ id: "full", label: "Full-dataset loss", points, color: "var(--cat-1)", width: 3 }]} />
 */
import { Component, h, type JSX } from "preact";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  axisDomain,
  axisTicks,
  bandPath,
  dataExtent,
  formatTick,
  makeScale,
  pathData,
  plottable,
  thinForDrawing,
  type ScaleKind,
  type XRange,
  type XY,
} from "./chartScale";
import "./LineChart.css";

export interface ChartSeries {
  /** Unique within the chart. */
  id: string;
  /** Shown in the legend and as the table's column header. */
  label: string;
  points: readonly XY[];
  /** Any CSS colour, typically a theme token such as "var(--cat-1)". */
  color: string;
  /** Stroke width in pixels; default 2. */
  width?: number;
  /** SVG stroke-dasharray, e.g. "6 4". */
  dash?: string;
  opacity?: number;
  /** Draw a dot on every point (for short series such as a sweep). */
  markers?: boolean;
}

/** A shaded spread (for example the lowest and highest of several seeds) drawn under the lines. */
export interface ChartBand {
  id: string;
  /** The table's two columns are "<label>: lowest" and "<label>: highest". */
  label: string;
  points: readonly XRange[];
  color: string;
  opacity?: number;
}

export interface LineChartProps {
  /** The chart's accessible name and caption. */
  title: string;
  /** A sentence saying what the chart shows; read by screen readers with the figure. */
  description?: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  bands?: readonly ChartBand[];
  xScale?: ScaleKind;
  yScale?: ScaleKind;
  /** Force the y axis to include 0 (linear only). Default true for y. */
  yIncludeZero?: boolean;
  /** Fixed domains; by default from the data. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Values that always get a labelled x tick when inside the domain (such as N where the axis ends). */
  xTicksInclude?: readonly number[];
  /** A vertical line marking one x (the playback position), with a short label. */
  marker?: { x: number; label: string } | null;
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

  const bands = props.bands ?? [];
  const pointSets = [
    ...series.map((s) => s.points),
    ...bands.flatMap((b) => [b.points.map((p) => ({ x: p.x, y: p.lo })), b.points.map((p) => ({ x: p.x, y: p.hi }))]),
  ];
  const xDomain = props.xDomain ?? axisDomain(dataExtent(pointSets, "x", xKind), xKind);
  const yDomain = props.yDomain ?? axisDomain(dataExtent(pointSets, "y", yKind), yKind, props.yIncludeZero ?? true);
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const plotTop = MARGIN.top;
  const plotBottom = height - MARGIN.bottom;
  const sx = makeScale(xKind, xDomain, [plotLeft, plotRight]);
  const sy = makeScale(yKind, yDomain, [plotBottom, plotTop]);
  const xTicks = axisTicks(xKind, xDomain, width < 420 ? 3 : 6, formatTick, props.xTicksInclude);
  const yTicks = axisTicks(yKind, yDomain, 5);
  // About one bucket per two pixels: thinning never removes detail the screen could show.
  const buckets = Math.max(50, Math.floor((plotRight - plotLeft) / 2));
  const unplottable = (p: XY) => Number.isFinite(p.y) && (!plottable(p.y, yKind) || !plottable(p.x, xKind));
  const hidden = series.reduce((count, s) => count + s.points.filter(unplottable).length, 0);
  const marker = props.marker && plottable(props.marker.x, xKind) ? props.marker : null;

  const showTable = tableOpen || openAtWake.current || IS_SERVER;
  const tableSeries = showTable ? [...series, ...bands.flatMap(bandColumns)] : [];
  const rows = showTable ? chartTableRows(tableSeries) : [];
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
          {yTicks.map((t) =>
            t.label === null ? (
              <line key={`y${t.value}`} x1={plotLeft - 3} x2={plotLeft} y1={sy(t.value)} y2={sy(t.value)} class="line-chart-axis" />
            ) : (
              <g key={`y${t.value}`} class="line-chart-tick">
                <line x1={plotLeft} x2={plotRight} y1={sy(t.value)} y2={sy(t.value)} class="line-chart-grid" />
                <text x={plotLeft - 6} y={sy(t.value)} text-anchor="end" dominant-baseline="middle">{t.label}</text>
              </g>
            ),
          )}
          {xTicks.map((t) => (
            <g key={`x${t.value}`} class="line-chart-tick">
              <line x1={sx(t.value)} x2={sx(t.value)} y1={plotBottom} y2={plotBottom + (t.label === null ? 3 : 5)} class="line-chart-axis" />
              {t.label !== null && <text x={sx(t.value)} y={plotBottom + 18} text-anchor="middle">{t.label}</text>}
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
            {bands.map((b) => (
              <path key={b.id} d={bandPath(b.points, sx, sy, xKind, yKind)} fill={b.color} opacity={b.opacity ?? 0.22} stroke="none" />
            ))}
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
          {marker && (
            <g class="line-chart-marker">
              <line x1={sx(marker.x)} x2={sx(marker.x)} y1={plotTop} y2={plotBottom} />
              <text x={sx(marker.x) + (sx(marker.x) > (plotLeft + plotRight) / 2 ? -4 : 4)} y={plotTop + 10} text-anchor={sx(marker.x) > (plotLeft + plotRight) / 2 ? "end" : "start"}>
                {marker.label}
              </text>
            </g>
          )}
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
        {bands.map((b) => (
          <li key={b.id}>
            <svg width="28" height="12" aria-hidden="true">
              <rect x="2" y="1" width="24" height="10" fill={b.color} opacity={b.opacity ?? 0.22} />
            </svg>
            {b.label}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p class="line-chart-note">
          {hidden} point{hidden === 1 ? " lies" : "s lie"} at 0 or below, where a log scale cannot reach; the table lists {hidden === 1 ? "it" : "them"}.
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
                  {tableSeries.map((s) => <th key={s.id} scope="col">{s.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {shownRows.map((row) => (
                  <tr key={row.x}>
                    <th scope="row">{formatX(row.x)}</th>
                    {row.values.map((v, i) => <td key={tableSeries[i]!.id}>{v === undefined ? "" : formatY(v)}</td>)}
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

/** A band as the table's two columns. */
function bandColumns(band: ChartBand): ChartSeries[] {
  return [
    { id: `${band.id}-lo`, label: `${band.label}: lowest`, points: band.points.map((p) => ({ x: p.x, y: p.lo })), color: band.color },
    { id: `${band.id}-hi`, label: `${band.label}: highest`, points: band.points.map((p) => ({ x: p.x, y: p.hi })), color: band.color },
  ];
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
