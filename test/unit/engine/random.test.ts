import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createRng, deriveSeed, randomNormal, shuffleInPlace, shuffleSeeded } from "../../../src/engine/random";

describe("createRng (mulberry32)", () => {
  it("reproduces the reference mulberry32 sequence for seed 42", () => {
    const rng = createRng(42);
    expect([rng(), rng(), rng()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("coerces the seed to an unsigned 32-bit integer", () => {
    const firstDraw = (seed: number) => createRng(seed)();
    expect(firstDraw(1.9)).toBe(firstDraw(1));
    expect(firstDraw(-1)).toBe(firstDraw(4294967295));
    expect(firstDraw(2 ** 32 + 5)).toBe(firstDraw(5));
    expect(firstDraw(Number.NaN)).toBe(firstDraw(0));
  });

  it("draws stay in [0, 1) for any seed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 100; i++) {
          const u = rng();
          if (!(u >= 0 && u < 1)) return false;
        }
        return true;
      }),
    );
  });

  it("100,000 draws have mean 0.5 and variance 1/12 to within 1%", () => {
    const rng = createRng(2024);
    let sum = 0;
    let squares = 0;
    const count = 100_000;
    for (let i = 0; i < count; i++) {
      const u = rng();
      sum += u;
      squares += u * u;
    }
    const mean = sum / count;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(squares / count - mean * mean).toBeCloseTo(1 / 12, 3);
  });
});

describe("randomNormal (Box–Muller)", () => {
  it("100,000 draws have mean ≈ 0, variance ≈ 1 and about 68.3% within one std", () => {
    const rng = createRng(11);
    const count = 100_000;
    let sum = 0;
    let squares = 0;
    let withinOne = 0;
    let allFinite = true;
    for (let i = 0; i < count; i++) {
      const z = randomNormal(rng);
      if (!Number.isFinite(z)) allFinite = false;
      sum += z;
      squares += z * z;
      if (Math.abs(z) < 1) withinOne++;
    }
    const mean = sum / count;
    expect(allFinite).toBe(true);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(squares / count - mean * mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(withinOne / count - 0.6827)).toBeLessThan(0.005);
  });

  it("uses exactly two uniform draws per normal draw, so streams stay aligned", () => {
    const a = createRng(3);
    const b = createRng(3);
    randomNormal(a);
    b();
    b();
    expect(a()).toBe(b());
  });
});

describe("shuffleInPlace (Fisher–Yates)", () => {
  it("returns the same array holding a permutation of its values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer(), (n, seed) => {
        const array = Int32Array.from({ length: n }, (_, i) => i);
        const result = shuffleInPlace(array, createRng(seed));
        expect(result).toBe(array);
        expect(Array.from(result).sort((p, q) => p - q)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
    );
  });

  it("is deterministic: seed 7 orders 0..9 as 6,5,8,1,2,3,4,7,9,0", () => {
    const order = shuffleInPlace(Int32Array.from({ length: 10 }, (_, i) => i), createRng(7));
    expect(Array.from(order)).toEqual([6, 5, 8, 1, 2, 3, 4, 7, 9, 0]);
  });

  it("makes all 6 orders of 3 items about equally likely (60,000 shuffles, each within 4% of 10,000)", () => {
    const rng = createRng(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = Array.from(shuffleInPlace(Int32Array.of(0, 1, 2), rng)).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe("shuffleSeeded (the training loop's epoch shuffle)", () => {
  it("gives exactly the order of shuffleInPlace with createRng(seed), for any seed and length", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 33), max: 2 ** 33 }), fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const expected = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), createRng(seed));
        const actual = shuffleSeeded(Int32Array.from({ length: n }, (_, i) => i), seed);
        expect(Array.from(actual)).toEqual(Array.from(expected));
      }),
    );
  });

  it("orders 0..9 with seed 7 as 6,5,8,1,2,3,4,7,9,0", () => {
    expect(Array.from(shuffleSeeded(Int32Array.from({ length: 10 }, (_, i) => i), 7))).toEqual([6, 5, 8, 1, 2, 3, 4, 7, 9, 0]);
  });
});

describe("deriveSeed", () => {
  it("is a deterministic unsigned 32-bit hash of (seed, stream)", () => {
    expect(deriveSeed(2024, 1)).toBe(1924824730);
    expect(deriveSeed(2024, 1)).toBe(deriveSeed(2024, 1));
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, stream) => {
        const derived = deriveSeed(seed, stream);
        return Number.isInteger(derived) && derived >= 0 && derived < 2 ** 32;
      }),
    );
  });

  it("is not symmetric: (1, 2) and (2, 1) give different seeds", () => {
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 1));
  });

  it("gives 1,000 distinct seeds for streams 0..999 of one seed, none equal to the seed itself", () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, stream) => deriveSeed(5, stream)));
    expect(seeds.size).toBe(1000);
    expect(seeds.has(5)).toBe(false);
  });

  it("gives streams whose first draws are uncorrelated with their neighbours' (|r| < 0.05 over 2,000 streams)", () => {
    const first = Array.from({ length: 2001 }, (_, stream) => createRng(deriveSeed(1, stream))());
    const a = first.slice(0, -1);
    const b = first.slice(1);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const ma = mean(a);
    const mb = mean(b);
    let cov = 0;
    let va = 0;
    let vb = 0;
    a.forEach((x, i) => {
      cov += (x - ma) * (b[i]! - mb);
      va += (x - ma) ** 2;
      vb += (b[i]! - mb) ** 2;
    });
    expect(Math.abs(cov / Math.sqrt(va * vb))).toBeLessThan(0.05);
  });
});
