import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  SELECTED_ROWS_KEY,
  clearSelectedRows,
  parseSelectedRows,
  readSelectedRows,
  rowNumbers,
  setRowSelected,
  subscribeSelectedRows,
  writeSelectedRows,
  type RowStorage,
} from "../../../src/widgets/lib/selectedRows";

function memoryStorage(initial: Record<string, string> = {}): RowStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => (key in data ? data[key]! : null),
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

describe("parseSelectedRows", () => {
  it("reads a sorted array of 0-based indices", () => {
    expect(parseSelectedRows("[0,4,49]")).toEqual([0, 4, 49]);
  });
  it("sorts an unsorted array", () => {
    expect(parseSelectedRows("[12,3]")).toEqual([3, 12]);
  });
  it.each([
    ["absent", null],
    ["empty text", ""],
    ["not JSON", "{oops"],
    ["an object", '{"rows":[1]}'],
    ["a number", "5"],
    ["a string entry", '["5"]'],
    ["a fraction", "[1.5]"],
    ["a negative index", "[-1]"],
    ["an index past the table", "[50]"],
    ["a repeat", "[3,3]"],
    ["null inside", "[1,null]"],
    ["more entries than rows", JSON.stringify(Array.from({ length: 51 }, (_, i) => i))],
  ])("treats %s as no selection", (_, text) => {
    expect(parseSelectedRows(text)).toEqual([]);
  });
});

describe("reading and writing", () => {
  it("round-trips a selection through storage, normalised", () => {
    const storage = memoryStorage();
    expect(writeSelectedRows([7, 2, 2, 99, -1, 1.5], storage)).toEqual([2, 7]);
    expect(storage.data[SELECTED_ROWS_KEY]).toBe("[2,7]");
    expect(readSelectedRows(storage)).toEqual([2, 7]);
  });
  it("removes the key when the selection becomes empty", () => {
    const storage = memoryStorage({ [SELECTED_ROWS_KEY]: "[1]" });
    expect(clearSelectedRows(storage)).toEqual([]);
    expect(SELECTED_ROWS_KEY in storage.data).toBe(false);
  });
  it("toggles single rows", () => {
    const storage = memoryStorage();
    setRowSelected(4, true, storage);
    setRowSelected(0, true, storage);
    expect(readSelectedRows(storage)).toEqual([0, 4]);
    expect(setRowSelected(4, false, storage)).toEqual([0]);
  });
  it("never throws when storage itself throws", () => {
    const broken: RowStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readSelectedRows(broken)).toEqual([]);
    expect(writeSelectedRows([3], broken)).toEqual([3]);
    expect(clearSelectedRows(broken)).toEqual([]);
  });
  it("gives an empty selection without storage (server render)", () => {
    expect(readSelectedRows(null)).toEqual([]);
  });
  it("counts rows from 1 for the reader", () => {
    expect(rowNumbers([0, 4])).toEqual([1, 5]);
  });
});

describe("subscribeSelectedRows", () => {
  const target = new EventTarget();
  beforeEach(() => {
    vi.stubGlobal("window", target);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("hears writes on the same page until stopped", () => {
    const storage = memoryStorage();
    const heard: number[][] = [];
    const stop = subscribeSelectedRows((rows) => heard.push(rows));
    writeSelectedRows([5, 1], storage);
    stop();
    writeSelectedRows([9], storage);
    expect(heard).toEqual([[1, 5]]);
  });

  it("hears other tabs through the storage event, validating what they wrote", () => {
    const heard: number[][] = [];
    const stop = subscribeSelectedRows((rows) => heard.push(rows));
    const storageEvent = (key: string | null, newValue: string | null): Event =>
      Object.assign(new Event("storage"), { key, newValue });
    target.dispatchEvent(storageEvent(SELECTED_ROWS_KEY, "[3,8]"));
    target.dispatchEvent(storageEvent(SELECTED_ROWS_KEY, "garbage"));
    target.dispatchEvent(storageEvent("course:theme", "dark"));
    stop();
    expect(heard).toEqual([[3, 8], []]);
  });
});
