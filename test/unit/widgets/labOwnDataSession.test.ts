import { describe, expect, it } from "vitest";
import {
  forgetOwnTable, keepOwnTable, keptOwnTable, OWN_DATA_SESSION_KEY, OWN_DATA_SESSION_MAX_CHARS, type SessionStorageLike,
} from "../../../src/widgets/BatchSizeLab/ownDataSession";

class FakeSession implements SessionStorageLike {
  data = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("full", "QuotaExceededError");
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const table = { text: "a,b,y\n1,2,3\n4,5,9\n7,8,15\n", fileName: "mine.csv", target: "y" };

describe("the reader's table, kept for the session", () => {
  it("is kept, read back exactly, and forgotten on request", () => {
    const session = new FakeSession();
    expect(keepOwnTable(session, table)).toEqual({
      kept: true,
      message: "It is kept in this tab until you close it, so it is still here when you come back.",
    });
    expect(keptOwnTable(session)).toEqual(table);
    forgetOwnTable(session);
    expect(keptOwnTable(session)).toBeNull();
  });

  it("a table over the cap is not kept, and the message says so with its size", () => {
    const session = new FakeSession();
    const big = { ...table, text: "x".repeat(OWN_DATA_SESSION_MAX_CHARS + 1) };
    expect(keepOwnTable(session, big)).toEqual({
      kept: false,
      message: "Your table has 1,000,001 characters, more than the 1,000,000 this tab keeps, so it is not kept when you leave this page.",
    });
    expect(session.data.size).toBe(0);
  });

  it("a full or missing storage is said plainly; nothing throws", () => {
    const session = new FakeSession();
    session.full = true;
    expect(keepOwnTable(session, table)).toMatchObject({ kept: false, message: "There is no room to keep your table in this tab, so it is not kept when you leave this page." });
    expect(keepOwnTable(null, table).kept).toBe(false);
    expect(keptOwnTable(null)).toBeNull();
  });

  it("unreadable kept data is treated as nothing kept", () => {
    const session = new FakeSession();
    session.data.set(OWN_DATA_SESSION_KEY, "{broken");
    expect(keptOwnTable(session)).toBeNull();
    session.data.set(OWN_DATA_SESSION_KEY, JSON.stringify({ text: 5 }));
    expect(keptOwnTable(session)).toBeNull();
  });
});
