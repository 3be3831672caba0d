/**
 * Pure helpers behind LineChart: domains, linear and log scales, "nice" ticks, tick labels, and
 * thinning of long series for drawing (never for the table, which keeps every number).
 */

export type ScaleKind = "linear" | "log";

export interface XY {
  x: number;
  y: number;
}

/** Whether a value can be placed on an axis of this kind (log axes need positive values). */
export function plottable(value: number, kind: ScaleKind): boolean {
  return Number.isFinite(value) && (kind === "linear" || value > 0);
}

/** Maps [d0, d1] onto [r0, r1], linearly or in log10 space. A zero-width domain maps to the middle. */
export function makeScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const f = kind === "log" ? Math.log10 : (v: number) => v;
  const a = f(domain[0]);
  const b = f(domain[1]);
  const [r0, r1] = range;
  if (!(b - a > 0)) return () => (r0 + r1) / 2;
  return (v: number) => r0 + ((f(v) - a) / (b - a)) * (r1 - r0);
}

/** 1, 2 or 5 times a power of ten, the smallest at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** About `count` evenly spaced round values covering [lo, hi], extending the ends to a tick. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi === lo) return [lo];
  const step = niceStep((hi - lo) / count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start, i = 0; v <= end + step * 1e-9 && i < 100; i++, v = start + i * step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Ticks of a log axis: powers of ten (every other one past 6 decades), or 1-2-5 steps inside one decade. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > 0)) return [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const decades = last - first;
  if (decades >= 2) {
    // Every 1, 2, 5, 10, 20, 50… decades, on multiples of that step, so labels read 10⁰, 10¹⁰, 10²⁰.
    const every = decades > 6 ? niceStep(decades / 6) : 1;
    const ticks: number[] = [];
    for (let p = Math.ceil(first / every) * every; p <= last; p += every) ticks.push(Number((10 ** p).toPrecision(12)));
    return ticks;
  }
  const ticks: number[] = [];
  for (let p = first; p <= last; p++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** p).toPrecision(12));
      if (v >= lo / 1.0001 && v <= hi * 1.0001) ticks.push(v);
    }
  }
  return ticks.length >= 2 ? ticks : linearTicks(lo, hi, 4).filter((v) => v > 0);
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

/**
 * The domain an axis shows: the data's extent, widened to whole ticks on linear axes (and to 0
 * when `includeZero`), to whole powers of ten on log axes spanning ≥ 2 decades.
 */
export function axisDomain(extent: [number, number] | null, kind: ScaleKind, includeZero = false): [number, number] {
  if (extent === null) return kind === "log" ? [0.1, 1] : [0, 1];
  let [lo, hi] = extent;
  if (kind === "log") {
    if (lo === hi) return [lo / 2, hi * 2];
    const ticks = logTicks(lo, hi);
    if (Math.log10(hi) - Math.log10(lo) >= 1 && ticks.length > 0) {
      return [Math.min(lo, ticks[0]!), Math.max(hi, ticks[ticks.length - 1]!)];
    }
    return [lo, hi];
  }
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) return [lo - 1, hi + 1];
  const ticks = linearTicks(lo, hi);
  return [ticks[0]!, ticks[ticks.length - 1]!];
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
 * SVG path data through the points, lifting the pen over values the axis cannot show
 * (non-finite, or ≤ 0 on a log axis) so a gap appears instead of a false line.
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
