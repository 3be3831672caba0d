/**
 * The batch inspector's words for rows; the numbers come from src/course/inspector.ts.
 */

/** Rows start … start + size − 1 (counted from 1), cut at the last row of the table. */
export function consecutiveRows(start: number, size: number, n: number): { rows: number[]; cut: boolean } {
  const last = Math.min(n, start + size - 1);
  const rows: number[] = [];
  for (let r = start; r <= last; r++) rows.push(r - 1);
  return { rows, cut: last < start + size - 1 };
}

/** Rows written for people: "rows 1–5", "row 5", or "rows 3, 8, 12" for a set that is not a run. */
export function describeRows(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]! + 1}`;
  const consecutive = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (consecutive) return `rows ${rows[0]! + 1}–${rows[rows.length - 1]! + 1}`;
  return `rows ${rows.map((r) => r + 1).join(", ")}`;
}
