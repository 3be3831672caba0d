/**
 * The batch-size lab's settings and their address form. Everything the reader can set lives in one
 * plain object that round-trips through the URL query, so a link reproduces a run exactly:
 *   ?b=8&lr=0.05&e=20&opt=sgd&model=mlp&seed=1&shuffle=1&drop=0&x=epoch
 * Reading is strict: a parameter that is malformed, out of range or unknown is ignored (its default
 * is used) and reported in words the page can show. Nothing read from the address is ever used
 * as markup; the messages quote it clipped, as text.
 */
import { DEFAULT_LAB_SETTINGS, type LabSettings, type ModelChoice, type OptimizerChoice } from "../../course/lab";
import { formatCount as formatEngineCount } from "../../engine/csv";
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
  /** One sentence per ignored parameter, e.g. "Ignored b=abc in the address: …". */
  ignored: string[];
}

/** A value from the address as it may be quoted back: trimmed to 30 characters, control characters removed. */
export function quoteParam(value: string): string {
  // Control characters (C0 and C1) would be invisible or garble the message.
  const clean = [...value].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code >= 0x20 && !(code >= 0x7f && code <= 0x9f);
  }).join("");
  return clean.length > 30 ? `${clean.slice(0, 30)}…` : clean;
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
  return `Ignored ${key}=${quoteParam(value)} in the address: ${rule}.`;
}

function wholeRule(what: string, min: number, max: number): string {
  return `${what} must be a whole number from ${formatCount(min)} to ${formatCount(max)}`;
}

/**
 * Reads the lab's settings from a query string (with or without "?"). `maxBatch` is the row count
 * of the data set in use (50 for the greenhouse table). Parameters the lab does not know are left
 * alone: they may belong to someone else.
 */
export function parseLabQuery(search: string, maxBatch = 50): ParsedLabQuery {
  const params = new URLSearchParams(search);
  const state: LabState = { ...DEFAULT_STATE };
  const ignored: string[] = [];

  const whole = (key: string, what: string, min: number, max: number, set: (v: number) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const parsed = parseNumberField(raw, { label: what, min, max, integer: true });
    if (parsed.ok) set(parsed.value);
    else ignored.push(ignoredMessage(key, raw, wholeRule(what, min, max)));
  };
  const choice = <T extends string>(key: string, what: string, allowed: readonly T[], set: (v: T) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const found = allowed.find((option) => option === raw.trim().toLowerCase());
    if (found !== undefined) set(found);
    else ignored.push(ignoredMessage(key, raw, `${what} must be ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]!}`));
  };
  const flag = (key: string, what: string, set: (v: boolean) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const text = raw.trim();
    if (text === "1" || text === "0") set(text === "1");
    else ignored.push(ignoredMessage(key, raw, `${what} must be 0 (off) or 1 (on)`));
  };

  whole("b", "batch size", 1, maxBatch, (v) => (state.batchSize = v));
  const lr = params.get("lr");
  if (lr !== null) {
    const parsed = parseNumberField(lr, { label: "learning rate", ...LIMITS.learningRate });
    if (parsed.ok) state.learningRate = parsed.value;
    else ignored.push(ignoredMessage("lr", lr, `learning rate must be a number from ${LIMITS.learningRate.min} to ${LIMITS.learningRate.max}`));
  }
  whole("e", "epochs", LIMITS.epochs.min, LIMITS.epochs.max, (v) => (state.epochs = v));
  choice("opt", "optimizer", OPTIMIZERS, (v) => (state.optimizer = v));
  choice("model", "model", MODELS, (v) => (state.model = v));
  whole("seed", "seed", LIMITS.seed.min, LIMITS.seed.max, (v) => (state.seed = v));
  flag("shuffle", "shuffle", (v) => (state.shuffle = v));
  flag("drop", "drop last", (v) => (state.dropLast = v));
  choice("x", "the x axis", AXES, (v) => (state.xAxis = v));
  return { state, ignored };
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
