/**
 * "Use your own data": CSV text → a standardised data set the lab can train on, or a list of
 * problems each naming its row and column. Wraps the engine's parseCsv / datasetFromTable /
 * standardise; the only work here is choosing the target and wording the messages.
 */
import { CSV_MAX_CHARS, datasetFromTable, parseCsv, type CsvDelimiter, type CsvError, type CsvTable, type TableDataset } from "../../engine/csv";
import { echoText } from "../../engine/echo";
import { standardise } from "../../engine/dataset";

export const MAX_OWN_ROWS = 10_000;
/**
 * The box takes this many characters (its maxLength is one more, so a longer paste is cut visibly, never silently);
 * larger tables are opened as files, up to CSV_MAX_CHARS.
 */
export const PASTE_MAX_CHARS = 1_000_000;

/** A parsed table and the separator it used, which the exported code passes to pandas. */
export interface OwnTable extends CsvTable {
  delimiter: CsvDelimiter;
}

export type OwnTableResult = { ok: true; table: OwnTable } | { ok: false; problems: string[] };

/**
 * The engine words a cell problem as "Row 3 (line 4), column b: …"; the lab leads with the
 * position a reader scans for, "Row 3, column b (line 4): …". Other messages pass unchanged.
 */
export function describeCsvError(error: CsvError): string {
  const match = /^Row (\d+) \(line (\d+)\), column (.+?): (.*)$/s.exec(error.message);
  if (match) return `Row ${match[1]}, column ${match[3]} (line ${match[2]}): ${match[4]}`;
  return error.message;
}

/** `maxChars`: the pasted box and a file have different limits (PASTE_MAX_CHARS, CSV_MAX_CHARS). */
export function readOwnTable(text: string, maxChars = CSV_MAX_CHARS): OwnTableResult {
  const parsed = parseCsv(text, { maxRows: MAX_OWN_ROWS, maxChars });
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map(describeCsvError) };
  if (parsed.header.length < 2) {
    return {
      ok: false,
      problems: [`The table has one column (“${echoText(parsed.header[0] ?? "")}”); the lab needs at least one input column and a target column.`],
    };
  }
  return { ok: true, table: { header: parsed.header, rows: parsed.rows, delimiter: parsed.delimiter } };
}

export interface OwnData {
  /** Standardised, ready to train on. */
  dataset: TableDataset;
  n: number;
  features: number;
  featureNames: string[];
  targetName: string;
  separator: CsvDelimiter;
}

/** The table with `target` as y and every other column as an input, standardised column by column. */
export function ownDataset(table: OwnTable, target: string): OwnData {
  const raw = datasetFromTable(table, target);
  const { dataset } = standardise(raw);
  return {
    dataset: { ...raw, x: dataset.x, y: dataset.y },
    n: raw.n,
    features: raw.features,
    featureNames: raw.featureNames,
    targetName: raw.targetName,
    separator: table.delimiter,
  };
}

/** The last column, as in the greenhouse file, is the default target. */
export function defaultTarget(table: CsvTable): string {
  return table.header[table.header.length - 1]!;
}
