/**
 * Per-reader option order for choice exercises. Each reader gets a seed per exercise, stored with
 * their progress, so the order differs between readers (nobody learns "it's always the first one")
 * but stays the same across reloads for one reader.
 */
import { shuffleSeeded } from "../engine/random";

/** The items in the order given by a Fisher–Yates shuffle driven by mulberry32(seed). */
export function seededOrder<T>(items: readonly T[], seed: number): T[] {
  const indices = Int32Array.from(items, (_, i) => i);
  shuffleSeeded(indices, seed);
  return Array.from(indices, (i) => items[i]!);
}

/**
 * A fresh per-reader seed (uint32). This is the one place the course draws unseeded randomness:
 * the seed is the reader's identity for option order, and it is stored so that it is drawn once.
 */
export function freshSeed(): number {
  const cryptoApi = globalThis.crypto as Crypto | undefined;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint32Array(1))[0]!;
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
