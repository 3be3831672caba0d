/**
 * Lesson 8's memory calculator, the parts that are not drawing: reading the reader's list of
 * hidden layers, writing byte counts for people, and the rows of its memory-against-batch table.
 * The memory arithmetic itself lives in the engine; the example network in src/course/memory.ts.
 */
import { trainingMemory, type TrainingMemorySpec } from "../../engine/memory";
import { echoText } from "../../engine/echo";

export const MAX_LAYERS = 20;
export const MAX_UNITS = 100_000;
/** 20 layers of 100,000 units fit in 160 characters; the field stops there (maxLength) and the reader says so. */
export const HIDDEN_LAYERS_MAX_LENGTH = 160;

export type ParsedLayers = { ok: true; value: number[] } | { ok: false; message: string };

/**
 * "256, 256" → [256, 256]. Commas or spaces separate the numbers; an empty field is a network
 * without hidden layers (a linear model). Every rejection says what is wrong and what is allowed.
 */
export function parseHiddenLayers(text: string): ParsedLayers {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: [] };
  if (trimmed.length > HIDDEN_LAYERS_MAX_LENGTH) {
    return { ok: false, message: `The list is ${trimmed.length.toLocaleString("en-US")} characters long; at most ${MAX_LAYERS} layers of up to ${MAX_UNITS.toLocaleString("en-US")} units fit in ${HIDDEN_LAYERS_MAX_LENGTH}.` };
  }
  const parts = trimmed.split(/[\s,;]+/).filter((part) => part !== "");
  if (parts.length > MAX_LAYERS) {
    return { ok: false, message: `At most ${MAX_LAYERS} hidden layers, please (got ${parts.length}).` };
  }
  const value: number[] = [];
  for (const [index, part] of parts.entries()) {
    const where = `Hidden layer ${index + 1}`;
    const shown = echoText(part, 16);
    if (!/^[+-]?\d+(\.\d*)?(e[+-]?\d+)?$/i.test(part)) {
      return { ok: false, message: `${where}: “${shown}” is not a number. Write whole unit counts separated by commas, e.g. 256, 256.` };
    }
    const units = Number(part);
    if (!Number.isFinite(units) || units > MAX_UNITS) {
      return { ok: false, message: `${where}: at most ${MAX_UNITS.toLocaleString("en-US")} units (got ${shown}).` };
    }
    if (!Number.isInteger(units)) return { ok: false, message: `${where}: a layer has a whole number of units (got ${shown}).` };
    if (units < 1) return { ok: false, message: `${where}: a layer needs at least 1 unit (got ${shown}).` };
    value.push(units);
  }
  return { ok: true, value };
}

const UNITS: [number, string][] = [
  [1e12, "TB"],
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "kB"],
];

/** Decimal units (1 kB = 1,000 bytes, 1 MB = 10⁶, 1 GB = 10⁹), three significant figures. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  for (const [index, [size, unit]] of UNITS.entries()) {
    const shown = Number((bytes / size).toPrecision(3));
    // 999,900,000 bytes rounds to "1,000 MB": say "1 GB" instead.
    if (shown >= 1000 && index > 0) return `${Number((bytes / UNITS[index - 1]![0]).toPrecision(3)).toLocaleString("en-US")} ${UNITS[index - 1]![1]}`;
    if (bytes >= size) return `${shown.toLocaleString("en-US")} ${unit}`;
  }
  return `${Math.round(bytes).toLocaleString("en-US")} bytes`;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export type BudgetUnit = "MB" | "GB";
export const BUDGET_UNIT_BYTES: Record<BudgetUnit, number> = { MB: 1e6, GB: 1e9 };

export function budgetBytes(amount: number, unit: BudgetUnit): number {
  return amount * BUDGET_UNIT_BYTES[unit];
}

export const TERM_LABELS = {
  weights: "Weights",
  gradients: "Gradients",
  optimizerState: "Optimizer state",
  activations: "Activations",
} as const;

export type Term = keyof typeof TERM_LABELS;
export const TERMS: readonly Term[] = ["weights", "gradients", "optimizerState", "activations"];

/** Batch sizes for the "total memory against batch size" table: powers of 4 up to about the largest batch, and it. */
export function batchSamples(largest: number): number[] {
  const top = Math.max(64, largest);
  const samples: number[] = [1];
  for (let b = 4; b < top; b *= 4) samples.push(b);
  if (largest > 0 && !samples.includes(largest)) samples.push(largest);
  if (largest === 0) samples.push(top);
  return samples.sort((a, b) => a - b);
}

export function memoryAt(spec: TrainingMemorySpec, batchSizes: readonly number[]): { batchSize: number; total: number; activations: number }[] {
  return batchSizes.map((batchSize) => {
    const memory = trainingMemory(spec, batchSize);
    return { batchSize, total: memory.total, activations: memory.activations };
  });
}
