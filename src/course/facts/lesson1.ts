/** Numbers quoted in lesson 1 (samples, features and targets): the shipped table itself. */
import { columnStats } from "../../engine/dataset";
import { FEATURE_INDEX, INPUT_COLUMNS, TARGET_COLUMN } from "../columns";
import { greenhouseTable } from "../data";
import type { FactValue } from "./types";

const table = greenhouseTable();
const stats = columnStats(table);
const darkRows = Array.from({ length: table.n }, (_, i) => table.x[i * table.features + FEATURE_INDEX.light]).filter((light) => light === 0).length;
const feature = (name: keyof typeof FEATURE_INDEX) => stats.features[FEATURE_INDEX[name]]!;

export const lesson1Facts = {
  "lesson1.rows": table.n,
  "lesson1.features": table.features,
  "lesson1.columns": table.features + 1,
  "lesson1.values": table.n * (table.features + 1),
  "lesson1.xValues": table.n * table.features,
  "lesson1.darkRows": darkRows,
  "lesson1.row1.temperature": table.x[FEATURE_INDEX.temperature]!,
  "lesson1.row1.humidity": table.x[FEATURE_INDEX.humidity]!,
  "lesson1.row1.light": table.x[FEATURE_INDEX.light]!,
  "lesson1.row1.water": table.y[0]!,
  "lesson1.temperature.mean": feature("temperature").mean,
  "lesson1.temperature.std": feature("temperature").std,
  "lesson1.temperature.min": feature("temperature").min,
  "lesson1.temperature.max": feature("temperature").max,
  "lesson1.humidity.mean": feature("humidity").mean,
  "lesson1.humidity.std": feature("humidity").std,
  "lesson1.light.mean": feature("light").mean,
  "lesson1.light.std": feature("light").std,
  "lesson1.light.max": feature("light").max,
  "lesson1.water.mean": stats.target.mean,
  "lesson1.water.std": stats.target.std,
  "lesson1.water.min": stats.target.min,
  "lesson1.water.max": stats.target.max,
  "lesson1.inputNames": INPUT_COLUMNS.map((c) => c.label.toLowerCase()).join(", "),
  "lesson1.targetName": TARGET_COLUMN.label.toLowerCase(),
} satisfies Record<`lesson1.${string}`, FactValue>;
