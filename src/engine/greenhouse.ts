/**
 * The course's 50-row table: hourly readings of a small greenhouse over 50 consecutive hours.
 * Row i is hour i (from 07:00 on day 1), so consecutive rows are consecutive hours and the LSTM
 * lesson can cut them into windows. The numbers live in content/data/greenhouse.csv (generated
 * once by scripts/generate-data.ts; see content/data/README.md for the formula); this module only
 * describes the columns and parses the text, so the page never regenerates the data.
 */
import { parseCsv, datasetFromTable, type TableDataset } from "./csv";

export type ColumnRole = "input" | "target";

export interface GreenhouseColumn {
  /** Header name in the CSV file. */
  name: string;
  /** Short human label for axes and tables. */
  label: string;
  unit: string;
  role: ColumnRole;
  description: string;
}

export const GREENHOUSE_COLUMNS: readonly GreenhouseColumn[] = [
  {
    name: "temperature_c",
    label: "Temperature",
    unit: "°C",
    role: "input",
    description: "Air temperature inside the greenhouse during the hour.",
  },
  {
    name: "humidity_pct",
    label: "Humidity",
    unit: "%",
    role: "input",
    description: "Relative humidity of the air: how close it is to saturated with water vapour.",
  },
  {
    name: "light_klux",
    label: "Light",
    unit: "klx",
    role: "input",
    description: "Light reaching the plants, in kilolux; 0 at night.",
  },
  {
    name: "water_use_ml",
    label: "Water use",
    unit: "mL",
    role: "target",
    description: "Water the plants draw from the soil during the hour: the value the network learns to predict.",
  },
] as const;

export const GREENHOUSE_FEATURE_NAMES: readonly string[] = GREENHOUSE_COLUMNS.filter((c) => c.role === "input").map((c) => c.name);
export const GREENHOUSE_TARGET_NAME = "water_use_ml";
export const GREENHOUSE_ROW_COUNT = 50;

/**
 * Parses the shipped greenhouse CSV into a Dataset (n = 50, features = 3, x row-major in the
 * column order temperature, humidity, light; y = water use). Throws an Error naming every problem
 * if the text is not exactly that table: the shipped file is part of the course, so a malformed
 * one is a bug to fail loudly on, not a reader's upload to explain gently.
 */
export function parseGreenhouseCsv(text: string): TableDataset {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    throw new Error(`The greenhouse CSV is malformed:\n${parsed.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  const expected = GREENHOUSE_COLUMNS.map((c) => c.name);
  if (parsed.header.join(",") !== expected.join(",")) {
    throw new Error(`The greenhouse CSV's header is ${parsed.header.join(",")}; expected ${expected.join(",")}.`);
  }
  if (parsed.rows.length !== GREENHOUSE_ROW_COUNT) {
    throw new Error(`The greenhouse CSV has ${parsed.rows.length} rows; expected ${GREENHOUSE_ROW_COUNT}.`);
  }
  return datasetFromTable(parsed, GREENHOUSE_TARGET_NAME);
}
