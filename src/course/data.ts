/**
 * The course's one data set: the 50-row greenhouse table shipped as content/data/greenhouse.csv.
 * Every widget, fact and exercise reads the numbers from here, so there is one parse of one file
 * (its shape and column names are in ./columns.ts). Parsing and standardising happen on first use,
 * not at import, so an island that opens with numbers computed at build time (the lab) does not pay
 * for them while it hydrates.
 */
import greenhouseCsv from "../../content/data/greenhouse.csv?raw";
import type { TableDataset } from "../engine/csv";
import { standardise, type Dataset, type DatasetStats } from "../engine/dataset";
import { parseGreenhouseCsv } from "../engine/greenhouse";

/** The CSV file's text, as shipped. */
export const GREENHOUSE_CSV: string = greenhouseCsv;

let table: TableDataset | null = null;
let standardised: { dataset: Dataset; stats: DatasetStats } | null = null;

/** The table in its own units (°C, %, klx, mL). */
export function greenhouseTable(): TableDataset {
  return (table ??= parseGreenhouseCsv(greenhouseCsv));
}

/**
 * Every column standardised with its mean and population standard deviation over all 50 rows,
 * as the lessons' networks see it, and the statistics used.
 */
export function standardisedGreenhouse(): { dataset: Dataset; stats: DatasetStats } {
  return (standardised ??= standardise(greenhouseTable()));
}

/** Whether the table is parsed and standardised already (the lab warms it in an idle moment). */
export function greenhouseReady(): boolean {
  return standardised !== null;
}
