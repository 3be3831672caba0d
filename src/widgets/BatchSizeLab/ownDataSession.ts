/**
 * The reader's own table, kept for the session (sessionStorage: this tab, until it closes) so that leaving the
 * lab and coming back does not lose it. Tables above OWN_DATA_SESSION_MAX_CHARS are not kept, and the panel says
 * so. Storage is injected, so this is tested without a browser; nothing here throws.
 */
import { formatCount } from "../../engine/csv";

export const OWN_DATA_SESSION_KEY = "batches-course:lab-own-data";
/** About 2 MB of UTF-16 in a store browsers cap at 5 MB or more: room is left for everything else. */
export const OWN_DATA_SESSION_MAX_CHARS = 1_000_000;

export interface SessionTable {
  text: string;
  fileName: string;
  target: string;
}

/** The part of the Web Storage API used here; `sessionStorage` satisfies it, and so does a test fake. */
export type SessionStorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Keeps the table for the session; the sentence says whether it was kept and, if not, why. */
export function keepOwnTable(storage: SessionStorageLike | null, table: SessionTable): { kept: boolean; message: string } {
  const notKept = (why: string) => ({ kept: false, message: `${why}, so it is not kept when you leave this page.` });
  if (table.text.length > OWN_DATA_SESSION_MAX_CHARS) {
    return notKept(`Your table has ${formatCount(table.text.length)} characters, more than the ${formatCount(OWN_DATA_SESSION_MAX_CHARS)} this tab keeps`);
  }
  if (storage === null) return notKept("This browser does not let the page keep data");
  try {
    storage.setItem(OWN_DATA_SESSION_KEY, JSON.stringify(table));
    return { kept: true, message: "It is kept in this tab until you close it, so it is still here when you come back." };
  } catch {
    return notKept("There is no room to keep your table in this tab");
  }
}

/** The table kept earlier in this tab, or null when there is none (or it is unreadable). */
export function keptOwnTable(storage: SessionStorageLike | null): SessionTable | null {
  try {
    const raw = storage?.getItem(OWN_DATA_SESSION_KEY) ?? null;
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { text, fileName, target } = value as Record<string, unknown>;
    return typeof text === "string" && typeof fileName === "string" && typeof target === "string" ? { text, fileName, target } : null;
  } catch {
    return null;
  }
}

export function forgetOwnTable(storage: SessionStorageLike | null): void {
  try {
    storage?.removeItem(OWN_DATA_SESSION_KEY);
  } catch {
    // Nothing was kept, then.
  }
}

/** window.sessionStorage, or null where it is missing or blocked. */
export function pageSessionStorage(): SessionStorageLike | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
