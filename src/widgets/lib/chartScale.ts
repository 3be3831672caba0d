/**
 * Pure helpers behind the charts: domains, scales and ticks (d3-scale), tick labels, line and band
 * paths, and thinning of long series for drawing (never for the table, which keeps every number).
 * The two path builders stay ours: d3-shape would add about 4 KB to every lesson with a chart for
 * twenty lines of code.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from "d3-scale";

export type ScaleKind = "linear" | "log";

export interface XY {
  x: number;
  y: number;
}

/** A spread around a line at one x: the band is drawn from lo to hi. */
export interface XRange {
  x: number;
  lo: number;
  hi: number;
}

export type Scale = ScaleContinuousNumeric<number, number>;

/** Whether a value can be placed on an axis of this kind (log axes need positive values). */
export function plottable(value: number, kind: ScaleKind): boolean {
  return Number.isFinite(value) && (kind === "linear" || value > 0);
}

/** Maps [d0, d1] onto [r0, r1], linearly or in log space. A zero-width domain maps to the middle. */
export function makeScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): Scale {
  if (!(domain[1] !== domain[0])) {
    const middle = (range[0] + range[1]) / 2;
    return scaleLinear().domain([domain[0] - 1, domain[0] + 1]).range([middle, middle]);
  }
  return (kind === "log" ? scaleLog() : scaleLinear()).domain([...domain]).range([...range]);
}

/** One tick of an axis: a gridline at `value`, with a label, or none for a minor tick. */
export interface AxisTick {
  value: number;
  label: string | null;
}

/** The fewest labelled ticks a log axis shows, so a reader can always tell its scale. */
export const MIN_LOG_LABELS = 3;

/**
 * Ticks of an axis. Linear: d3's "nice" round values, each labelled. Log: d3's 1–9 × 10^k ticks,
 * labelled where d3's log tickFormat would label them (1, 2, 5… as room allows), and all of them
 * when that leaves fewer than MIN_LOG_LABELS. `include` adds labelled ticks (such as N at an axis'
 * end); ticks outside the domain are dropped.
 */
export function axisTicks(
  kind: ScaleKind,
  domain: readonly [number, number],
  count: number,
  format: (value: number) => string = formatTick,
  include: readonly number[] = [],
): AxisTick[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  const inside = (v: number) => v >= lo - Math.abs(lo) * 1e-12 && v <= hi + Math.abs(hi) * 1e-12;
  let ticks: AxisTick[];
  if (kind === "log" && lo > 0) {
    const scale = scaleLog().domain([lo, hi]);
    const values = scale.ticks(count);
    // d3's log tickFormat accepts a function as its specifier (its typings only list strings).
    const labelOf = scale.tickFormat(count, format as unknown as string);
    ticks = values.map((value) => ({ value, label: labelOf(value) || null }));
    if (ticks.filter((t) => t.label !== null).length < MIN_LOG_LABELS) ticks = values.map((value) => ({ value, label: format(value) }));
  } else {
    ticks = scaleLinear().domain([lo, hi]).ticks(count).map((value) => ({ value, label: format(value) }));
  }
  for (const value of include) {
    if (!inside(value)) continue;
    const existing = ticks.find((t) => Math.abs(t.value - value) <= Math.abs(value) * 1e-9);
    if (existing) existing.label = format(value);
    else ticks.push({ value, label: format(value) });
  }
  return ticks.filter((t) => inside(t.value)).sort((a, b) => a.value - b.value);
}

/** Domain of the plottable values of all series along one axis; null when there are none. */
export function dataExtent(series: readonly (readonly XY[])[], axis: "x" | "y", kind: ScaleKind): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const points of series) {
    for (const p of points) {
      const v = p[axis];
      if (!plottable(v, kind)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Log axes spanning at least this many decades end on whole powers of ten. */
const NICE_LOG_DECADES = 2;

/**
 * The domain an axis shows: the data's extent, widened by d3's nice() to round ticks on linear
 * axes (and to 0 when `includeZero`), and to whole powers of ten on log axes spanning at least
 * NICE_LOG_DECADES decades. A narrower log domain keeps the data filling the axis, with 4% of its
 * span as margin at each end so no point sits on the frame.
 */
export function axisDomain(extent: [number, number] | null, kind: ScaleKind, includeZero = false): [number, number] {
  if (extent === null) return kind === "log" ? [0.1, 1] : [0, 1];
  let [lo, hi] = extent;
  if (kind === "log") {
    if (lo === hi) return [lo / 2, hi * 2];
    const decades = Math.log10(hi) - Math.log10(lo);
    if (decades < NICE_LOG_DECADES) {
      const margin = 10 ** (0.04 * decades);
      return [lo / margin, hi * margin];
    }
    const [a, b] = scaleLog().domain([lo, hi]).nice().domain();
    return [a!, b!];
  }
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) return [lo - 1, hi + 1];
  const [a, b] = scaleLinear().domain([lo, hi]).nice(5).domain();
  return [a!, b!];
}

/** A tick label: short, no float noise ("0.30000000000000004" → "0.3"), exponent form when very large or small. */
export function formatTick(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(1).split("e");
    const m = mantissa!.replace(/\.0$/, "");
    return `${m === "1" ? "" : `${m}×`}10${superscript(exponent!.replace("+", ""))}`;
  }
  return String(Number(value.toPrecision(4)));
}

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
};

function superscript(text: string): string {
  return [...text].map((c) => SUPERSCRIPTS[c] ?? c).join("");
}

/**
 * Thins a long series for drawing: splits it into `buckets` runs of consecutive points and keeps
 * the first, lowest, highest and last point of each, so spikes survive and the line keeps its shape.
 * Series of at most 4 × buckets points are drawn whole.
 */
export function thinForDrawing<T extends XY>(points: readonly T[], buckets: number): T[] {
  if (points.length <= buckets * 4) return points.slice();
  const size = points.length / buckets;
  const kept: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (points[i]!.y < points[lo]!.y) lo = i;
      if (points[i]!.y > points[hi]!.y) hi = i;
    }
    for (const i of [...new Set([start, lo, hi, end - 1])].sort((a, c) => a - c)) kept.push(points[i]!);
  }
  return kept;
}

/**
 * SVG path data through the points, lifting the pen over values the axes cannot show (non-finite,
 * or ≤ 0 on a log axis) so a gap appears instead of a false line.
 */
export function pathData(points: readonly XY[], sx: (v: number) => number, sy: (v: number) => number, xKind: ScaleKind, yKind: ScaleKind): string {
  let d = "";
  let penDown = false;
  for (const p of points) {
    if (!plottable(p.x, xKind) || !plottable(p.y, yKind)) {
      penDown = false;
      continue;
    }
    d += `${penDown ? "L" : "M"}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`;
    penDown = true;
  }
  return d;
}

/**
 * SVG path data of the area between lo and hi: one closed outline (along hi, back along lo) per run
 * of points both bounds of which the axes can show.
 */
export function bandPath(points: readonly XRange[], sx: (v: number) => number, sy: (v: number) => number, xKind: ScaleKind, yKind: ScaleKind): string {
  const runs: XRange[][] = [[]];
  for (const p of points) {
    if (plottable(p.x, xKind) && plottable(p.lo, yKind) && plottable(p.hi, yKind)) runs[runs.length - 1]!.push(p);
    else if (runs[runs.length - 1]!.length > 0) runs.push([]);
  }
  const xy = (x: number, y: number) => `${sx(x).toFixed(1)} ${sy(y).toFixed(1)}`;
  return runs
    .filter((run) => run.length > 0)
    .map((run) => `M${run.map((p) => xy(p.x, p.hi)).join("L")}L${run.reverse().map((p) => xy(p.x, p.lo)).join("L")}Z`)
    .join("");
}
