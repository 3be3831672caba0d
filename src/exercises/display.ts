/**
 * What an exercise shows before anything is checked: the answer as the reader should read it, the length limit
 * of its field, whether a choice takes one tick or several. Small on purpose: the islands render with it, and
 * load the checkers (check.ts) only when the reader engages with an exercise.
 */
import type { ChoiceSpec, Shape } from "./types";

/**
 * The longest answer read, in characters. Every answer in the course fits in a few dozen; the limit keeps a
 * pasted page from reaching the checkers' patterns (each linear, but a message should not quote a novel). The
 * answer fields carry it as `maxLength`, and the parsers in check.ts refuse longer text with a message.
 */
export const ANSWER_MAX_LENGTH = 200;

/** Shortest faithful display of a number: integers as they are, others to 4 significant digits. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return x.toExponential(3).replace(/\.?0+e/, "e");
  return String(Number(x.toPrecision(4)));
}

/** Python's spelling: (8, 5, 3), (3,), (), (None, 3). */
export function formatShape(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? "None" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
}

/** "46-50", or "46" for one position. */
export function formatRange([start, end]: readonly [number, number]): string {
  return start === end ? String(start) : `${start}-${end}`;
}

/** Several correct options make a checkbox list; one makes radio buttons. */
export function isMultipleChoice(spec: ChoiceSpec): boolean {
  return spec.options.filter((o) => o.correct).length > 1;
}
