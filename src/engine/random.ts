/**
 * Seeded randomness for the whole engine. Every random draw in a training run goes through
 * a generator made here, so the same seed always gives the same run, in Node and in the page.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Mulberry32: a 32-bit state, one add and a few xor-shift-multiply rounds per draw.
 * Period 2^32, which is plenty for a course whose largest run draws a few million numbers,
 * and it is fast and identical across JavaScript engines because it uses only `Math.imul`
 * and 32-bit integer operations.
 *
 * The seed is coerced to an unsigned 32-bit integer (`seed >>> 0`): 1.9 behaves as 1,
 * -1 as 4294967295, NaN as 0.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = nextMulberryState(state);
    return mulberryOutput(state);
  };
}

/** Mulberry32's state step (a Weyl sequence), kept as a signed 32-bit integer. */
function nextMulberryState(state: number): number {
  return (state + 0x6d2b79f5) | 0;
}

/** Mulberry32's output for a state: xor-shift-multiply rounds, then 32 random bits / 2^32, in [0, 1), never 1. */
function mulberryOutput(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * A standard normal draw, N(0, 1), by the Box–Muller transform:
 *   z = sqrt(-2 ln u1) · cos(2π u2),  u1 ∈ (0, 1], u2 ∈ [0, 1).
 * Uses 1 − rng() for u1 so that ln never sees 0. The sine partner is discarded on purpose:
 * caching it would make each draw depend on whether the previous call had a spare value,
 * and keeping the function stateless is worth one extra uniform per draw.
 */
export function randomNormal(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Fisher–Yates shuffle, in place: for i from n−1 down to 1, swap element i with a uniformly
 * chosen j ∈ [0, i]. Every one of the n! orders is equally likely (given a uniform rng).
 * Returns the same array for chaining.
 */
export function shuffleInPlace(array: Int32Array, rng: Rng): Int32Array {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const held = array[i]!;
    array[i] = array[j]!;
    array[j] = held;
  }
  return array;
}

/**
 * `shuffleInPlace(array, createRng(seed))`, draw for draw, with the generator's state in a local
 * variable instead of a closure: the training loop reshuffles every epoch, and a fresh closure
 * per epoch (with its state boxed on the heap) cost about a tenth of a small run.
 */
export function shuffleSeeded(array: Int32Array, seed: number): Int32Array {
  let state = seed >>> 0;
  for (let i = array.length - 1; i > 0; i--) {
    state = nextMulberryState(state);
    const j = Math.floor(mulberryOutput(state) * (i + 1));
    const held = array[i]!;
    array[i] = array[j]!;
    array[j] = held;
  }
  return array;
}

/**
 * A seed for an independent stream, derived from a base seed and a stream number
 * (for example "the weights" = 0, "the shuffle of epoch e" = 1000 + e).
 *
 * Why not just seed + stream: mulberry32 streams seeded with neighbouring integers start
 * correlated for a few draws, and seed 1 stream 2 would equal seed 2 stream 1. Instead the two
 * integers are mixed through the MurmurHash3 32-bit finaliser (xor-shift, multiply, repeated),
 * which spreads every input bit over every output bit. Both inputs are coerced to uint32.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ Math.imul(stream >>> 0, 0xcc9e2d51), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
