/**
 * Generates content/data/greenhouse.csv, the course's 50-row table: hourly readings of a small
 * greenhouse over 50 consecutive hours, starting at 07:00 on day 1 (row i is hour i).
 *
 *   npm run data      (= tsx scripts/generate-data.ts)
 *
 * The output is deterministic: the same seed and formula give the same bytes on every machine,
 * and a unit test checks that the shipped file is exactly what this script produces.
 * The formula is documented in content/data/README.md; keep the two in step.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRng, deriveSeed, randomNormal, type Rng } from "../src/engine/random";

export const GREENHOUSE_SEED = 2024;
export const GREENHOUSE_HOURS = 50;
/** Clock hour of row 0. */
export const START_HOUR = 7;
/** Sunrise and sunset (clock hours): a 14-hour summer day. */
export const SUNRISE = 6;
export const SUNSET = 20;
/** Clear-sky peak light inside the greenhouse on days 1, 2 and 3 (kilolux); day 2 is overcast. */
export const DAY_PEAK_KLUX = [42, 24, 40] as const;

/** Independent random streams, so that changing one column's noise leaves the others unchanged. */
const STREAM = { clouds: 1, temperature: 2, humidity: 3, water: 4 } as const;

export interface GreenhouseRow {
  temperature_c: number;
  humidity_pct: number;
  light_klux: number;
  water_use_ml: number;
}

const round = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  // Math.round(x · 10^d) / 10^d, with +0 for −0 so "-0.0" never appears in the file.
  return Math.round(value * scale) / scale + 0;
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Water drawn by the plants in one hour (mL), from the rounded inputs:
 *   W = 10 + 150 · (1 − e^(−L/10)) + 0.12 · max(T − 10, 0) · (100 − RH) + ε,  ε ~ N(0, 5²)
 * - 150 · (1 − e^(−L/10)): stomata open with light and saturate; half-saturation near 7 klux,
 *   so the step from dark to dim matters far more than from bright to brighter (the non-linearity
 *   a straight line cannot follow).
 * - 0.12 · (T − 10) · (100 − RH): warm, dry air pulls more water out of the leaves (a crude
 *   vapour-pressure-deficit term); a product of two inputs, so no single input explains it.
 * - 10: night-time baseline (roots, soil evaporation).
 */
export function waterUse(temperatureC: number, humidityPct: number, lightKlux: number, noise: number): number {
  const lightResponse = 150 * (1 - Math.exp(-lightKlux / 10));
  const dryness = 0.12 * Math.max(temperatureC - 10, 0) * (100 - humidityPct);
  return Math.max(0, 10 + lightResponse + dryness + noise);
}

/** The 50 rows, rounded as they are written to the file. */
export function generateGreenhouseRows(seed: number = GREENHOUSE_SEED): GreenhouseRow[] {
  const clouds: Rng = createRng(deriveSeed(seed, STREAM.clouds));
  const temperatureNoise: Rng = createRng(deriveSeed(seed, STREAM.temperature));
  const humidityNoise: Rng = createRng(deriveSeed(seed, STREAM.humidity));
  const waterNoise: Rng = createRng(deriveSeed(seed, STREAM.water));
  const rows: GreenhouseRow[] = [];
  for (let i = 0; i < GREENHOUSE_HOURS; i++) {
    const clock = START_HOUR + i;
    const day = Math.floor(clock / 24);
    const hour = clock % 24;
    // Light: a half-sine between sunrise and sunset, scaled by the day's peak and by passing
    // clouds (a uniform factor in [0.7, 1]); exactly 0 at night. The cloud draw happens every
    // hour, night included, so the stream stays aligned with the row index.
    const cloudFactor = 0.7 + 0.3 * clouds();
    const daylight = hour > SUNRISE && hour < SUNSET ? Math.sin((Math.PI * (hour - SUNRISE)) / (SUNSET - SUNRISE)) : 0;
    const light = round(DAY_PEAK_KLUX[day]! * daylight * cloudFactor, 1);
    // Temperature: a 24-hour cosine peaking at 15:00 (16–26 °C), warmed by sunlight through
    // the glass (+0.1 °C per klux), plus N(0, 0.5²).
    const temperature = round(21 + 5 * Math.cos((2 * Math.PI * (hour - 15)) / 24) + 0.1 * light + 0.5 * randomNormal(temperatureNoise), 1);
    // Relative humidity falls as the air warms (warm air holds more water): −2.5 % per °C
    // above 16 °C from 88 %, plus N(0, 3²), kept within [30, 98] %.
    const humidity = round(clamp(88 - 2.5 * (temperature - 16) + 3 * randomNormal(humidityNoise), 30, 98), 1);
    const water = round(waterUse(temperature, humidity, light, 5 * randomNormal(waterNoise)), 1);
    rows.push({ temperature_c: temperature, humidity_pct: humidity, light_klux: light, water_use_ml: water });
  }
  return rows;
}

export const GREENHOUSE_HEADER = ["temperature_c", "humidity_pct", "light_klux", "water_use_ml"] as const;

/** The file's exact text: header, 50 rows, "\n" line ends and a trailing newline; one decimal. */
export function greenhouseCsv(rows: GreenhouseRow[] = generateGreenhouseRows()): string {
  const lines = [GREENHOUSE_HEADER.join(",")];
  for (const row of rows) {
    lines.push(GREENHOUSE_HEADER.map((name) => row[name].toFixed(1)).join(","));
  }
  return `${lines.join("\n")}\n`;
}

function describe(rows: GreenhouseRow[]): string {
  const lines = [
    "W = 10 + 150·(1 − e^(−L/10)) + 0.12·max(T − 10, 0)·(100 − RH) + ε,  ε ~ N(0, 5²)",
    `seed ${GREENHOUSE_SEED}, ${rows.length} rows from 0${START_HOUR}:00 on day 1`,
  ];
  for (const name of GREENHOUSE_HEADER) {
    const values = rows.map((row) => row[name]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    lines.push(
      `${name.padEnd(14)} mean ${mean.toFixed(2).padStart(7)}  std ${std.toFixed(2).padStart(6)}  min ${Math.min(...values).toFixed(1).padStart(6)}  max ${Math.max(...values).toFixed(1).padStart(6)}`,
    );
  }
  return lines.join("\n");
}

export const GREENHOUSE_CSV_PATH = fileURLToPath(new URL("../content/data/greenhouse.csv", import.meta.url));

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const rows = generateGreenhouseRows();
  writeFileSync(GREENHOUSE_CSV_PATH, greenhouseCsv(rows));
  console.log(`wrote ${GREENHOUSE_CSV_PATH}`);
  console.log(describe(rows));
}
