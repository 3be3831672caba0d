/** Numbers as the exercises' prose writes them (plain text, no KaTeX). */

/** Thousands separated by commas, as the lessons print counts: 16,000,000. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** A decimal with at most `digits` places and no trailing zeros: 0.25, 1.1. */
export function decimal(value: number, digits = 3): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A fixed number of decimals with a true minus sign: −0.247. */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}

/** A shape in Python's spelling: (8, 5, 3), (8,). */
export function shape(dims: readonly (number | null)[]): string {
  const parts = dims.map((d) => (d === null ? "None" : String(d)));
  return `(${parts.join(", ")}${parts.length === 1 ? "," : ""})`;
}

/** An inclusive range as a reader types it: "46-50". */
export function range(first: number, last: number): string {
  return `${first}-${last}`;
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A number with a true minus sign (−2), for prose. */
export function signedNumber(value: number): string {
  return value < 0 ? `−${decimal(-value)}` : decimal(value);
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "seventh"; "12th" past ten. */
export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}
