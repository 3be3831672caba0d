/**
 * Answer checking: pure functions from what the reader typed (or ticked) to a verdict.
 * No DOM, no Preact, no storage; every spelling accepted or rejected here has a unit test in
 * test/unit/exercises/check.test.ts, and the authoring rules are in src/exercises/README.md.
 * The islands load this module when the reader first engages with an exercise (loadChecks in
 * src/widgets/exercises/shared.tsx); what they render before that comes from display.ts.
 */
import type {
  CheckResult,
  ChoiceSpec,
  ChoiceVerdict,
  HintWhen,
  NumericSpec,
  Parsed,
  PredictionComparison,
  RangeSpec,
  Shape,
  ShapeSpec,
  TargetedHint,
} from "./types";
import { echoText } from "../engine/echo";
import { formatCount } from "../engine/csv";
import { ANSWER_MAX_LENGTH, isMultipleChoice } from "./display";

export { ANSWER_MAX_LENGTH, formatNumber, formatRange, formatShape, isMultipleChoice } from "./display";

/** Options every text parser takes; tests raise `maxLength` to feed the scanners very long input. */
export interface ParseOptions {
  maxLength?: number;
}

function tooLong(raw: string, maxLength: number): Parsed<never> | null {
  if (raw.length <= maxLength) return null;
  return {
    ok: false,
    message: `This answer is ${formatCount(raw.length)} characters long; an answer here fits in ${formatCount(maxLength)}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * A number token: optional sign, digits with optional comma grouping, optional decimals, optional
 * exponent. What follows it (a unit, or junk such as ".0" in "7..0") is examined separately.
 * Every pattern in this file is anchored and has no two adjacent quantifiers that can match the same
 * characters, so a failing match backtracks at most linearly (no "\d+\.?\d*", which is quadratic).
 */
const NUMBER_TOKEN = /^([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/s;
/** Commas are accepted only as thousands separators in groups of exactly three: 1,000 and 12,345.5. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** Reader text quoted in a message: clipped, without bidi controls (see echoText). */
function quote(text: string): string {
  return `“${echoText(text)}”`;
}

/** Compare unit words ignoring case, repeated spaces and one plural "s": "Iteration" = "iterations". */
function unitKey(unit: string): string {
  const key = unit.trim().toLowerCase().replace(/\s+/g, " ");
  return key.endsWith("s") && key.length > 1 ? key.slice(0, -1) : key;
}

/**
 * Read a number the way a reader types it.
 * Accepted: "7", "7.0", " 7 ", "+7", "-0.5", ".5", "5.", "1e2", "1E-3", "1,000" (thousands grouping),
 * "−3" (the Unicode minus sign), and "7 iterations" when `unit` is "iterations" (singular too, any case).
 * Rejected, with a message: "" (empty), "abc", "7..0", "1,5" (a decimal comma: ambiguous),
 * "50/8" (a calculation), "7 epochs" when the unit is iterations, any unit when none is expected,
 * "Infinity", "NaN", "0x10".
 */
export function parseNumber(raw: string, unit?: string, { maxLength = ANSWER_MAX_LENGTH }: ParseOptions = {}): Parsed<number> {
  const long = tooLong(raw, maxLength);
  if (long) return long;
  const text = raw.trim().replace(/\u2212/g, "-");
  if (text === "") return { ok: false, message: "Type a number first." };
  const match = NUMBER_TOKEN.exec(text);
  if (!match) return { ok: false, message: `${quote(raw.trim())} is not a number.` };
  const token = match[1]!;
  if (token.includes(",") && !GROUPED.test(token)) {
    return {
      ok: false,
      message: "Use a point for decimals (6.25); a comma may only group thousands (1,000).",
    };
  }
  // A closing full stop is forgiven: "7 iterations."
  const after = match[2]!.trim();
  const rest = /^[a-z][a-z -]*\.$/i.test(after) ? after.slice(0, -1).trim() : after;
  const unitMatches = unit !== undefined && unit.trim() !== "" && unitKey(rest) === unitKey(unit);
  if (rest !== "" && !unitMatches) {
    if (/^[/*×x+\-^]/.test(rest)) {
      return { ok: false, message: "Type the result as a single number, not a calculation." };
    }
    if (!/^[a-z][a-z -]*$/i.test(rest)) {
      return { ok: false, message: `${quote(raw.trim())} is not a number.` };
    }
    if (unit === undefined || unit.trim() === "") {
      return { ok: false, message: `Type just the number, without ${quote(rest)}.` };
    }
    return {
      ok: false,
      message: `This answer is counted in ${unit}, not in ${quote(rest)}. Type just the number.`,
    };
  }
  const value = Number(token.replace(/,/g, ""));
  if (!Number.isFinite(value)) return { ok: false, message: `${quote(raw.trim())} is too large.` };
  return { ok: true, value };
}

/**
 * Tolerance around a target t: max(absolute, relative·|t|) + 1e-9·max(1, |t|). The added term
 * forgives float rounding only: 0.1 + 0.2 matches 0.3, 0.51 is within 0.01 of 0.5 (the float
 * difference is 0.010000000000000009), and tolerance 0 stays exact for anything a reader types.
 */
function tolerant(x: number, target: number, absolute = 0, relative = 0): boolean {
  const slack = Math.max(absolute, relative * Math.abs(target)) + 1e-9 * Math.max(1, Math.abs(target));
  return Math.abs(x - target) <= slack;
}

function numericHintMatches(when: HintWhen, x: number, spec: NumericSpec): boolean {
  if (typeof when === "number") return tolerant(x, when, spec.tolerance ?? 0);
  if (typeof when === "string") {
    const parsed = parseNumber(when, spec.unit);
    return parsed.ok && tolerant(x, parsed.value, spec.tolerance ?? 0);
  }
  const [min, max] = when;
  return x >= min && x <= max;
}

function firstHint(
  hints: readonly TargetedHint[] | undefined,
  matches: (when: HintWhen) => boolean,
): string | undefined {
  return hints?.find((h) => matches(h.when))?.hint;
}

/** Check a numeric answer: correct within tolerance, otherwise the first matching targeted hint. */
export function checkNumeric(raw: string, spec: NumericSpec): CheckResult {
  const parsed = parseNumber(raw, spec.unit);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message };
  const x = parsed.value;
  // The reader's own text, never a rounded copy: "41.00001 is not the answer", not "41 is not the answer".
  const answer = raw.trim();
  if (tolerant(x, spec.answer, spec.tolerance ?? 0, spec.relativeTolerance ?? 0)) {
    return { kind: "correct", answer };
  }
  const hint = firstHint(spec.hints, (when) => numericHintMatches(when, x, spec));
  return hint === undefined ? { kind: "wrong", answer } : { kind: "wrong", answer, hint };
}

// ---------------------------------------------------------------------------------------------
// Shapes

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * "torch.Size([8, 5, 3])" → "[8, 5, 3]": PyTorch's spelling, unwrapped by hand. (The pattern
 * /^torch\.size\s*\(\s*(.*)\s*\)$/ it replaces backtracked cubically: "torch.Size(" and 2,000 spaces
 * froze the page for 17 s.) Text that is not wrapped so comes back unchanged.
 */
function withoutTorchSize(text: string): string {
  const prefix = "torch.size";
  if (text.slice(0, prefix.length).toLowerCase() !== prefix || !text.endsWith(")")) return text;
  const open = text.slice(prefix.length).trimStart();
  return open.startsWith("(") ? open.slice(1, -1).trim() : text;
}

/**
 * Read a tensor shape. Accepted: "[8, 5, 3]", "(8, 5, 3)", "8,5,3", "[8 5 3]", "(8,5,3)", "8×5×3",
 * "8x5x3", "8 * 5 * 3", "(3,)" and "3" for 1-D, "()" for a scalar, "torch.Size([8, 5, 3])",
 * "(None, 3)" (Keras' unknown batch size). Rejected, with a message: "" , mismatched brackets,
 * "[[8, 5, 3]]", empty entries ("8,,3"), fractions ("8.5"), negative sizes, words.
 */
export function parseShape(raw: string, { maxLength = ANSWER_MAX_LENGTH }: ParseOptions = {}): Parsed<Shape> {
  const long = tooLong(raw, maxLength);
  if (long) return long;
  let text = raw.trim();
  if (text === "") return { ok: false, message: "Type a shape first, for example (8, 5, 3)." };
  text = withoutTorchSize(text);
  const first = text[0]!;
  const last = text[text.length - 1]!;
  if (first in CLOSERS) {
    if (last !== CLOSERS[first]) {
      return { ok: false, message: "The brackets do not match: write (8, 5, 3) or [8, 5, 3]." };
    }
    text = text.slice(1, -1).trim();
  } else if (last === ")" || last === "]" || last === "}") {
    return { ok: false, message: "The brackets do not match: write (8, 5, 3) or [8, 5, 3]." };
  }
  if (/[()[\]{}]/.test(text)) {
    return { ok: false, message: "Write one list of sizes, for example (8, 5, 3), without nested brackets." };
  }
  // "8×5×3", "8x5x3", "8*5*3": the multiplication sign reads as a separator between sizes.
  text = text.replace(/(\d|none)\s*[×xX*]\s*(?=\d|none)/gi, "$1,");
  // A trailing comma is Python's spelling of a 1-tuple: (3,).
  if (text.endsWith(",")) text = text.slice(0, -1).trim();
  if (text === "") return { ok: true, value: [] };
  const parts = text.split(/\s*,\s*|\s+/);
  const dims: (number | null)[] = [];
  for (const part of parts) {
    if (part === "") {
      return { ok: false, message: "Separate the sizes with single commas: (8, 5, 3)." };
    }
    if (/^none$/i.test(part)) {
      dims.push(null);
    } else if (/^\d+$/.test(part)) {
      const size = Number(part);
      if (!Number.isSafeInteger(size)) return { ok: false, message: `${quote(part)} is too large to be a size.` };
      dims.push(size);
    } else if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(part)) {
      return { ok: false, message: `Sizes are whole numbers without a decimal point; ${quote(part)} is not one.` };
    } else {
      return { ok: false, message: `${quote(part)} is not a size; write whole numbers such as (8, 5, 3).` };
    }
  }
  return { ok: true, value: dims };
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function sortedKey(shape: Shape): string {
  return shape
    .map((d) => (d === null ? "None" : String(d)))
    .sort()
    .join(",");
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Check a shape. After the targeted hints (string `when`s, read as shapes) come the generic
 * diagnoses: wrong rank ("Your shape has 2 dimensions; this tensor has 3."), right numbers in the
 * wrong order (naming the first misplaced dimension when `dimNames` is given), or a wrong size.
 */
export function checkShape(raw: string, spec: ShapeSpec): CheckResult {
  const parsed = parseShape(raw);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message };
  const shape = parsed.value;
  const typed = raw.trim();
  const answer = spec.answer;
  if (sameShape(shape, answer)) return { kind: "correct", answer: typed };
  const hint = firstHint(spec.hints, (when) => {
    if (typeof when !== "string") return false;
    const hinted = parseShape(when);
    return hinted.ok && sameShape(hinted.value, shape);
  });
  let message: string;
  if (shape.length !== answer.length) {
    message = `Your shape has ${plural(shape.length, "dimension")}; this tensor has ${answer.length}.`;
  } else {
    const firstWrong = shape.findIndex((d, i) => d !== answer[i]);
    const name = spec.dimNames?.[firstWrong];
    if (sortedKey(shape) === sortedKey(answer)) {
      message =
        name !== undefined
          ? `Right numbers, wrong order: the ${name} dimension comes ${ORDINALS[firstWrong] ?? `at position ${firstWrong + 1}`}.`
          : "Right numbers, wrong order.";
    } else {
      message =
        name !== undefined
          ? `The number of dimensions is right; check the ${name} dimension.`
          : "The number of dimensions is right, but not every size is.";
    }
  }
  return hint === undefined
    ? { kind: "wrong", answer: typed, message }
    : { kind: "wrong", answer: typed, message, hint };
}

// ---------------------------------------------------------------------------------------------
// Ranges of positions ("rows 46-50")

const RANGE =
  /^(?:[a-z]+\s*)?(\d+)\s*(?:-|–|—|to|through|thru|\.\.\.?|…)\s*(\d+)(?:\s*[a-z]+)?$/i;
const SINGLE = /^(?:[a-z]+\s*)?(\d+)(?:\s*[a-z]+)?$/i;

/**
 * Read an inclusive range of positions, counted from 1. Accepted: "46-50", "46 - 50", "46–50"
 * (en dash), "46—50", "46 to 50", "46..50", "46…50", "rows 46-50", "positions 46 to 50",
 * "46-50 rows", and "46" for a one-item range. Rejected, with a message: "", "50-46" (backwards),
 * "45:50" (a Python slice, which counts from 0 and excludes its end), "46.5-50", words.
 */
export function parseRange(raw: string, { maxLength = ANSWER_MAX_LENGTH }: ParseOptions = {}): Parsed<readonly [number, number]> {
  const long = tooLong(raw, maxLength);
  if (long) return long;
  const text = raw.trim();
  if (text === "") return { ok: false, message: "Type a range first, for example 12-15." };
  if (/^\d+\s*:\s*\d+$/.test(text)) {
    return {
      ok: false,
      message:
        "Write the first and last position counted from 1, such as 12-15; a Python slice like 11:15 counts from 0 and leaves out its end.",
    };
  }
  const range = RANGE.exec(text);
  if (range) {
    const start = Number(range[1]);
    const end = Number(range[2]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return positionTooLarge(text);
    if (start > end) return { ok: false, message: "Write the smaller position first, for example 12-15." };
    return { ok: true, value: [start, end] };
  }
  const single = SINGLE.exec(text);
  if (single) {
    const n = Number(single[1]);
    if (!Number.isSafeInteger(n)) return positionTooLarge(text);
    return { ok: true, value: [n, n] };
  }
  return {
    ok: false,
    message: `${quote(text)} is not a range; write the first and last position, for example 12-15.`,
  };
}

function positionTooLarge(text: string): Parsed<never> {
  return { ok: false, message: `${quote(text)} holds a position too large to count; write the first and last position, for example 12-15.` };
}

/**
 * Check a range. Targeted hints: a string `when` is read as a range ("45-50"), a `[a, b]` when
 * matches the range a-b exactly, a number n matches the one-item range n. Generic diagnoses: a
 * wrong length ("That range covers 6 rows.") or the right length in the wrong place.
 */
export function checkRange(raw: string, spec: RangeSpec): CheckResult {
  const parsed = parseRange(raw);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message };
  const [start, end] = parsed.value;
  const answer = raw.trim();
  const [answerStart, answerEnd] = spec.answer;
  if (start === answerStart && end === answerEnd) return { kind: "correct", answer };
  const hint = firstHint(spec.hints, (when) => {
    if (typeof when === "number") return start === when && end === when;
    if (typeof when === "string") {
      const hinted = parseRange(when);
      return hinted.ok && hinted.value[0] === start && hinted.value[1] === end;
    }
    return when[0] === start && when[1] === end;
  });
  const count = end - start + 1;
  const item = spec.itemName ?? "rows";
  const message =
    count !== answerEnd - answerStart + 1
      ? `That range covers ${count} ${count === 1 ? item.replace(/s$/, "") : item}.`
      : `That range has the right length (${count} ${item}) but is in the wrong place.`;
  return hint === undefined
    ? { kind: "wrong", answer, message }
    : { kind: "wrong", answer, message, hint };
}

// ---------------------------------------------------------------------------------------------
// Choices

/**
 * Check a set of ticked options: correct exactly when the ticked set equals the set of correct
 * options. Unknown ids are ignored. The verdicts say, per option, whether it was ticked and whether
 * it is a correct option, so the view can show each option's own explanation.
 */
export function checkChoice(
  selectedIds: readonly string[],
  spec: ChoiceSpec,
): { result: CheckResult; verdicts: ChoiceVerdict[] } {
  const selected = new Set(selectedIds.filter((id) => spec.options.some((o) => o.id === id)));
  const verdicts = spec.options.map((o) => ({ id: o.id, selected: selected.has(o.id), correct: o.correct }));
  const multiple = isMultipleChoice(spec);
  if (selected.size === 0) {
    return {
      result: { kind: "invalid", message: multiple ? "Tick at least one option first." : "Choose an option first." },
      verdicts,
    };
  }
  const answer = spec.options
    .filter((o) => selected.has(o.id))
    .map((o) => o.id)
    .join(",");
  const wrongTicks = verdicts.filter((v) => v.selected && !v.correct).length;
  const missed = verdicts.filter((v) => !v.selected && v.correct).length;
  if (wrongTicks === 0 && missed === 0) return { result: { kind: "correct", answer }, verdicts };
  const hint = firstHint(
    spec.hints,
    (when) => typeof when === "string" && selected.has(when) && !spec.options.find((o) => o.id === when)!.correct,
  );
  let message: string | undefined;
  if (multiple) {
    message =
      wrongTicks === 0
        ? `Everything you ticked is right, but ${missed === 1 ? "one correct option is" : `${missed} correct options are`} missing.`
        : `${wrongTicks === 1 ? "One option you ticked is" : `${wrongTicks} options you ticked are`} wrong.`;
  }
  const result: CheckResult = { kind: "wrong", answer };
  if (message !== undefined) result.message = message;
  if (hint !== undefined) result.hint = hint;
  return { result, verdicts };
}

// ---------------------------------------------------------------------------------------------
// Predictions

/** Compare a prediction with what the engine produced: within max(tolerance, relative·|produced|). */
export function comparePrediction(
  predicted: number,
  produced: number,
  tolerance = 0,
  relativeTolerance = 0,
): PredictionComparison {
  return {
    predicted,
    produced,
    difference: produced - predicted,
    within: tolerant(predicted, produced, tolerance, relativeTolerance),
  };
}

/** An option of a choice-style prediction, owning the produced values in [min, max). */
export interface PredictionBand {
  id: string;
  text: string;
  min?: number;
  max?: number;
}

/** The band whose half-open interval [min, max) contains the value (a missing end is unbounded). */
export function bandFor(value: number, bands: readonly PredictionBand[]): PredictionBand | undefined {
  return bands.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max));
}
