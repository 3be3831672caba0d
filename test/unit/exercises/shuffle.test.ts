import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { freshSeed, seededOrder } from "../../../src/exercises/shuffle";

describe("seededOrder", () => {
  const options = ["a", "b", "c", "d", "e", "f"];

  it("the same seed gives the same order every time (stable across reloads)", () => {
    expect(seededOrder(options, 12345)).toEqual(seededOrder(options, 12345));
  });

  it("does not change its input", () => {
    const copy = [...options];
    seededOrder(options, 7);
    expect(options).toEqual(copy);
  });

  it("property: the result is a permutation of the input", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), fc.nat(0xffffffff), (items, seed) => {
        const order = seededOrder(items, seed);
        return order.length === items.length && [...order].sort().join("\u0000") === [...items].sort().join("\u0000");
      }),
    );
  });

  it("different seeds give different orders: over 200 seeds, each of 4 options leads at least 30 times", () => {
    const firsts = new Map<string, number>();
    for (let seed = 0; seed < 200; seed++) {
      const first = seededOrder(["a", "b", "c", "d"], seed)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect([...firsts.keys()].sort()).toEqual(["a", "b", "c", "d"]);
    for (const count of firsts.values()) expect(count).toBeGreaterThanOrEqual(30);
  });

  it("empty and one-item lists come back as they are", () => {
    expect(seededOrder([], 1)).toEqual([]);
    expect(seededOrder(["only"], 1)).toEqual(["only"]);
  });
});

describe("freshSeed", () => {
  it("is a uint32", () => {
    for (let i = 0; i < 20; i++) {
      const seed = freshSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
    }
  });
});
