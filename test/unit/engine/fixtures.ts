/** Shared data for the engine tests: the shipped 50 rows (standardised) and their LSTM windows. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { standardise } from "../../../src/engine/dataset";
import { parseGreenhouseCsv } from "../../../src/engine/greenhouse";
import { createRng } from "../../../src/engine/random";
import type { Dataset } from "../../../src/engine/train";
import { makeWindows } from "../../../src/engine/windows";

const csvPath = fileURLToPath(new URL("../../../content/data/greenhouse.csv", import.meta.url));

/** Deterministic stand-in with the same shape, used only if the CSV is missing. */
function synthetic(): Dataset {
  const rng = createRng(7);
  const n = 50;
  const x = new Float64Array(n * 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng() * 2 - 1;
    const b = rng() * 2 - 1;
    const c = rng() * 2 - 1;
    x.set([a, b, c], i * 3);
    y[i] = Math.tanh(a + 0.5 * b) - 0.3 * c * c + 0.1 * (rng() - 0.5);
  }
  return { n, features: 3, x, y };
}

export function greenhouse(): Dataset {
  if (!existsSync(csvPath)) return synthetic();
  const table = parseGreenhouseCsv(readFileSync(csvPath, "utf8"));
  const { dataset } = standardise(table);
  return { n: dataset.n, features: dataset.features, x: dataset.x, y: dataset.y };
}

export function greenhouseWindows(timesteps = 5): Dataset {
  const w = makeWindows(greenhouse(), timesteps);
  return { n: w.n, features: w.features, timesteps, x: w.x, y: w.y };
}

/** Random dataset of any shape, for gradient checks. */
export function randomDataset(n: number, features: number, outputs: number, seed: number, timesteps?: number): Dataset {
  const rng = createRng(seed);
  const x = new Float64Array(n * features * (timesteps ?? 1));
  for (let k = 0; k < x.length; k++) x[k] = rng() * 2 - 1;
  const y = new Float64Array(n * outputs);
  for (let k = 0; k < y.length; k++) y[k] = rng() * 2 - 1;
  return timesteps === undefined ? { n, features, x, y } : { n, features, timesteps, x, y };
}
