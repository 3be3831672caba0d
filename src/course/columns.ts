/**
 * The greenhouse table's shape and columns, known without reading the file (from the engine's
 * column list), so modules that only need "50 rows, 3 features" do not load the CSV; data.ts reads it.
 */
import { GREENHOUSE_COLUMNS, GREENHOUSE_FEATURE_NAMES, GREENHOUSE_ROW_COUNT, GREENHOUSE_TARGET_NAME, type GreenhouseColumn } from "../engine/greenhouse";

/** The name a reader's exported code reads the table from. */
export const GREENHOUSE_FILE_NAME = "greenhouse.csv";

/** Rows (samples) of the table: N. */
export const GREENHOUSE_ROWS = GREENHOUSE_ROW_COUNT;
/** Input columns (features) of the table: F. */
export const GREENHOUSE_FEATURES = GREENHOUSE_FEATURE_NAMES.length;
export const GREENHOUSE_FEATURE_COLUMNS: readonly string[] = GREENHOUSE_FEATURE_NAMES;
export const GREENHOUSE_TARGET_COLUMN: string = GREENHOUSE_TARGET_NAME;

export const INPUT_COLUMNS: readonly GreenhouseColumn[] = GREENHOUSE_COLUMNS.filter((c) => c.role === "input");
export const TARGET_COLUMN: GreenhouseColumn = GREENHOUSE_COLUMNS.find((c) => c.role === "target")!;

/** Column index of each input in X (temperature 0, humidity 1, light 2). */
export const FEATURE_INDEX = {
  temperature: GREENHOUSE_FEATURE_NAMES.indexOf("temperature_c"),
  humidity: GREENHOUSE_FEATURE_NAMES.indexOf("humidity_pct"),
  light: GREENHOUSE_FEATURE_NAMES.indexOf("light_klux"),
} as const;
