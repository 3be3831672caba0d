/**
 * The rows a reader ticked in the data table (lesson 1), kept in the browser so that later
 * widgets (the forward stepper in lesson 3, the batch inspector in lesson 4) can follow them.
 *
 * Storage format, under localStorage key "course:selected-rows":
 *   a JSON array of 0-based row indices into the greenhouse table, sorted ascending, no repeats,
 *   e.g. `[0, 4]` means the rows a reader counts as "row 1" and "row 5".
 * Anything else in that key (not JSON, not an array, a non-integer, an index outside 0..49, a
 * repeat) is treated as no selection: a damaged key must never break a page.
 *
 * Islands on one page share no Preact tree, so a change is broadcast as a CustomEvent on `window`
 * ("course:selected-rows-change"); other tabs hear it through the `storage` event.
 *
 *   const rows = readSelectedRows();                 // number[] of 0-based indices
 *   const stop = subscribeSelectedRows((rows) => …); // call stop() on unmount
 */

import { GREENHOUSE_ROWS } from "../../course/columns";

export const SELECTED_ROWS_KEY = "course:selected-rows";
export const SELECTED_ROWS_EVENT = "course:selected-rows-change";
/** Rows in the greenhouse table; indices must be below this. */
export const SELECTABLE_ROW_COUNT = GREENHOUSE_ROWS;

/** The subset of the Web Storage API this module uses, so tests can pass a plain object. */
export interface RowStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null on the server or where the browser refuses access. */
function defaultStorage(): RowStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some privacy settings make merely touching `localStorage` throw a SecurityError.
    return null;
  }
}

/**
 * Validates stored text: the sorted, repeat-free 0-based indices it holds, or [] when the text
 * is absent or anything about it is wrong (the whole value is rejected, not patched).
 */
export function parseSelectedRows(text: string | null, rowCount: number = SELECTABLE_ROW_COUNT): number[] {
  if (text === null || text === "") return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value) || value.length > rowCount) return [];
  const rows: number[] = [];
  for (const entry of value) {
    if (typeof entry !== "number" || !Number.isInteger(entry) || entry < 0 || entry >= rowCount) return [];
    rows.push(entry);
  }
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  return sorted.length === rows.length ? sorted : [];
}

/** Sorted, repeat-free, in-range copy of `rows`; out-of-range or fractional entries are dropped. */
export function normaliseSelectedRows(rows: Iterable<number>, rowCount: number = SELECTABLE_ROW_COUNT): number[] {
  const kept = new Set<number>();
  for (const row of rows) {
    if (Number.isInteger(row) && row >= 0 && row < rowCount) kept.add(row);
  }
  return [...kept].sort((a, b) => a - b);
}

/** The selection saved in this browser; [] when there is none, it is unreadable, or on the server. Never throws. */
export function readSelectedRows(storage: RowStorage | null = defaultStorage()): number[] {
  if (!storage) return [];
  try {
    return parseSelectedRows(storage.getItem(SELECTED_ROWS_KEY));
  } catch {
    return [];
  }
}

/**
 * Saves `rows` (0-based indices; normalised first), tells listeners on this page, and returns what was
 * saved. A full or blocked storage is ignored: the selection then lasts until the page is left.
 */
export function writeSelectedRows(rows: Iterable<number>, storage: RowStorage | null = defaultStorage()): number[] {
  const clean = normaliseSelectedRows(rows);
  if (storage) {
    try {
      if (clean.length === 0) storage.removeItem(SELECTED_ROWS_KEY);
      else storage.setItem(SELECTED_ROWS_KEY, JSON.stringify(clean));
    } catch {
      // Quota exceeded or storage disabled: keep going without persistence.
    }
  }
  if (typeof window !== "undefined" && typeof CustomEvent !== "undefined") {
    window.dispatchEvent(new CustomEvent<number[]>(SELECTED_ROWS_EVENT, { detail: clean.slice() }));
  }
  return clean;
}

/** Adds or removes one row (0-based) and saves the result. */
export function setRowSelected(row: number, selected: boolean, storage: RowStorage | null = defaultStorage()): number[] {
  const current = new Set(readSelectedRows(storage));
  if (selected) current.add(row);
  else current.delete(row);
  return writeSelectedRows(current, storage);
}

/** Forgets the selection. */
export function clearSelectedRows(storage: RowStorage | null = defaultStorage()): number[] {
  return writeSelectedRows([], storage);
}

/**
 * Calls `listener` with the new selection whenever it changes, on this page (any island) or in
 * another tab. Returns the function that stops listening; on the server it does nothing.
 */
export function subscribeSelectedRows(listener: (rows: number[]) => void): () => void {
  if (typeof window === "undefined") return () => {};
  const onChange = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    listener(Array.isArray(detail) ? normaliseSelectedRows(detail as number[]) : readSelectedRows());
  };
  const onStorage = (event: StorageEvent): void => {
    // key === null means another tab cleared all of localStorage.
    if (event.key === SELECTED_ROWS_KEY || event.key === null) listener(parseSelectedRows(event.newValue));
  };
  window.addEventListener(SELECTED_ROWS_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(SELECTED_ROWS_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** 0-based indices to the 1-based row numbers a reader counts with: [0, 4] → [1, 5]. */
export function rowNumbers(rows: readonly number[]): number[] {
  return rows.map((row) => row + 1);
}
