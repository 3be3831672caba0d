/**
 * The batch-size lab's settings and their address form. Everything the reader can set lives in one
 * plain object that round-trips through the URL query, so a link reproduces a run exactly:
 *   ?b=8&lr=0.05&e=20&opt=sgd&model=mlp&seed=1&shuffle=1&drop=0&x=epoch
 * Reading is strict: a malformed parameter is ignored (its default is used), a number out of range is
 * clamped to the nearest allowed value, and either is reported in words the page can show, saying what
 * was asked and what is used. Nothing read from the address is ever used as markup; the messages quote
 * it clipped, as text, without bidi controls. reconcileLabState then fits the settings to the data in use.
 */
import { DEFAULT_LAB_SETTINGS, type LabSettings, type ModelChoice, type OptimizerChoice } from "../../course/lab";
import { formatCount as formatEngineCount } from "../../engine/csv";
import { echoText } from "../../engine/echo";
import { parseNumberField } from "../lib/numberField";

export type { ModelChoice, OptimizerChoice };
export type XAxis = "epoch" | "iteration" | "samples";

/** The run's settings (src/course/lab.ts) and the x axis the charts use. */
export interface LabState extends LabSettings {
  xAxis: XAxis;
}

export const DEFAULT_STATE: Readonly<LabState> = Object.freeze({ ...DEFAULT_LAB_SETTINGS, xAxis: "epoch" });

export const LIMITS = {
  learningRate: { min: 0.0001, max: 10 },
  epochs: { min: 1, max: 100 },
  seed: { min: 0, max: 999_999 },
} as const;

export const OPTIMIZER_LABELS: Record<OptimizerChoice, string> = {
  sgd: "SGD",
  momentum: "SGD with momentum",
  adam: "Adam",
};

export const X_AXIS_LABELS: Record<XAxis, string> = {
  epoch: "Epochs",
  iteration: "Iterations (weight updates)",
  samples: "Samples seen",
};

const OPTIMIZERS: readonly OptimizerChoice[] = ["sgd", "momentum", "adam"];
const MODELS: readonly ModelChoice[] = ["linear", "mlp"];
const AXES: readonly XAxis[] = ["epoch", "iteration", "samples"];

export interface ParsedLabQuery {
  state: LabState;
  /**
   * One sentence per parameter not used as written: "Ignored b=abc in the address: …" for a malformed one (its
   * default is used), "The address asks for epochs = 200; …" for a number clamped into range.
   */
  notices: string[];
}

/** A value from the address as it may be quoted back: clipped to 30 characters, control and bidi characters removed. */
export function quoteParam(value: string): string {
  return echoText(value, 30);
}

/**
 * A whole number with thousands separators, as `toLocaleString("en-US")` writes it ("6,000"),
 * without Intl: the first Intl number format on a page can cost tens of milliseconds on a phone.
 */
/** Thousands with commas, without Intl (its first call is a long task on slow phones). */
export function formatCount(value: number): string {
  return Number.isSafeInteger(value) ? formatEngineCount(value) : String(value);
}

function ignoredMessage(key: string, value: string, rule: string): string {
  return `Ignored ${key}=${quoteParam(value)} in the address: ${rule}. The lab uses the default.`;
}

function clampedMessage(what: string, value: string, bound: number, high: boolean): string {
  return `The address asks for ${what} = ${quoteParam(value)}; the ${high ? "most" : "least"} the lab allows is ${formatCount(bound)}, so it uses ${formatCount(bound)}.`;
}

function wholeRule(what: string, min: number, max: number): string {
  return `${what} must be a whole number from ${formatCount(min)} to ${formatCount(max)}`;
}

/**
 * Reads the lab's settings from a query string (with or without "?"). `maxBatch` is the row count
 * of the data set in use (50 for the greenhouse table), used in messages; a batch size above it is fitted
 * to the data by reconcileLabState. Parameters the lab does not know are left alone: they may belong to
 * someone else.
 */
export function parseLabQuery(search: string, maxBatch = 50): ParsedLabQuery {
  const params = new URLSearchParams(search);
  const state: LabState = { ...DEFAULT_STATE };
  const notices: string[] = [];

  /** A number from the address: malformed → ignored; out of [min, max] → clamped, with a message either way. */
  const numeric = (key: string, what: string, rule: string, min: number, max: number, integer: boolean, set: (v: number) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const parsed = parseNumberField(raw, { label: what, min: -Infinity, max: Infinity, integer });
    if (!parsed.ok) notices.push(ignoredMessage(key, raw, rule));
    else if (parsed.value < min) {
      notices.push(clampedMessage(what, raw, min, false));
      set(min);
    } else if (parsed.value > max) {
      notices.push(clampedMessage(what, raw, max, true));
      set(max);
    } else set(parsed.value);
  };
  const whole = (key: string, what: string, min: number, max: number, set: (v: number) => void, ruleMax = max) =>
    numeric(key, what, wholeRule(what, min, ruleMax), min, max, true, set);
  const choice = <T extends string>(key: string, what: string, allowed: readonly T[], set: (v: T) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const found = allowed.find((option) => option === raw.trim().toLowerCase());
    if (found !== undefined) set(found);
    else notices.push(ignoredMessage(key, raw, `${what} must be ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]!}`));
  };
  const flag = (key: string, what: string, set: (v: boolean) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const text = raw.trim();
    if (text === "1" || text === "0") set(text === "1");
    else notices.push(ignoredMessage(key, raw, `${what} must be 0 (off) or 1 (on)`));
  };

  // No upper bound here: reconcileLabState fits the batch size to the rows of the data in use.
  whole("b", "batch size", 1, Number.MAX_SAFE_INTEGER, (v) => (state.batchSize = v), maxBatch);
  const { min: lrMin, max: lrMax } = LIMITS.learningRate;
  numeric("lr", "learning rate", `learning rate must be a number from ${lrMin} to ${lrMax}`, lrMin, lrMax, false, (v) => (state.learningRate = v));
  whole("e", "epochs", LIMITS.epochs.min, LIMITS.epochs.max, (v) => (state.epochs = v));
  choice("opt", "optimizer", OPTIMIZERS, (v) => (state.optimizer = v));
  choice("model", "model", MODELS, (v) => (state.model = v));
  whole("seed", "seed", LIMITS.seed.min, LIMITS.seed.max, (v) => (state.seed = v));
  flag("shuffle", "shuffle", (v) => (state.shuffle = v));
  flag("drop", "drop last", (v) => (state.dropLast = v));
  choice("x", "the x axis", AXES, (v) => (state.xAxis = v));
  return { state, notices };
}

/** What reconcileLabState needs to know about the data in use. */
export interface LabDataSize {
  /** Rows: the largest possible batch. */
  n: number;
  /** "the greenhouse table" / "your table". */
  description: string;
}

/**
 * The settings the lab can use on `data`, and a sentence for each one changed to fit: a batch size above the
 * row count becomes the row count ("Batch size 8 is more than the 3 rows of your table, so the lab uses 3.").
 * The one place where settings meet data, so the field, the slider, the address and the outputs all show the
 * value this returns.
 */
export function reconcileLabState(state: LabState, data: LabDataSize): { state: LabState; notices: string[] } {
  if (state.batchSize <= data.n) return { state, notices: [] };
  return {
    state: { ...state, batchSize: data.n },
    notices: [
      `Batch size ${formatCount(state.batchSize)} is more than the ${formatCount(data.n)} rows of ${data.description}, so the lab uses ${formatCount(data.n)}.`,
    ],
  };
}

/** The settings as a query string, always every key in a fixed order (so equal states give equal strings). */
export function labQuery(state: LabState): string {
  const params = new URLSearchParams();
  params.set("b", String(state.batchSize));
  params.set("lr", String(state.learningRate));
  params.set("e", String(state.epochs));
  params.set("opt", state.optimizer);
  params.set("model", state.model);
  params.set("seed", String(state.seed));
  params.set("shuffle", state.shuffle ? "1" : "0");
  params.set("drop", state.dropLast ? "1" : "0");
  params.set("x", state.xAxis);
  return `?${params.toString()}`;
}

/**
 * Merges the lab's query into an existing one, keeping parameters that are not the lab's
 * (another tool's, or a tracking tag) untouched.
 */
export function mergeLabQuery(existing: string, state: LabState): string {
  const params = new URLSearchParams(existing);
  for (const [key, value] of new URLSearchParams(labQuery(state))) params.set(key, value);
  return `?${params.toString()}`;
}

export function sameState(a: LabState, b: LabState): boolean {
  return labQuery(a) === labQuery(b);
}

/** Short settings line for pinned runs and file names: "B=8, lr=0.05, 20 epochs, SGD, MLP". */
export function describeSettings(state: LabState): string {
  return [
    `B=${state.batchSize}`,
    `lr=${state.learningRate}`,
    `${state.epochs} epoch${state.epochs === 1 ? "" : "s"}`,
    OPTIMIZER_LABELS[state.optimizer],
    state.model === "mlp" ? "MLP" : "linear",
    `seed ${state.seed}`,
    state.shuffle ? "shuffled" : "fixed order",
    ...(state.dropLast ? ["drop last"] : []),
  ].join(", ");
}
