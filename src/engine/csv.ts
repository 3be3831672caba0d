/**
 * A strict, friendly CSV reader for numeric tables a reader uploads.
 *
 * Numbering in messages: "Row r" counts data rows from 1, as the reader would count them
 * below the header (the header is not a row); "line L" is the physical line of the file,
 * 1-based, header included. Both appear in every message about a specific row, so a reader
 * with a spreadsheet and a reader with a text editor can both find it.
 */
import type { Dataset } from "./dataset";
import { echoText, stripBidiControls } from "./echo";

export interface CsvError {
  /** 1-based data row (header excluded), or null when the problem is not one row's. */
  row: number | null;
  /** Column name (or "column k" when the column has no name), or null. */
  column: string | null;
  message: string;
}

export type CsvDelimiter = "," | ";" | "\t";

export interface CsvTable {
  header: string[];
  rows: number[][];
}

export type CsvParseResult =
  | { ok: true; header: string[]; rows: number[][]; delimiter: CsvDelimiter }
  | { ok: false; errors: CsvError[] };

export interface CsvParseOptions {
  maxRows?: number;
  maxColumns?: number;
  /** Longer text is refused before it is read at all. */
  maxChars?: number;
}

/** The default `maxChars`: 10,000 rows of a few columns fit many times over. */
export const CSV_MAX_CHARS = 5_000_000;
/** Column names are labels on charts and menus: longer ones are refused. */
export const CSV_MAX_NAME_LENGTH = 100;

/** More than this many problems are summarised in one last entry instead of listed. */
export const CSV_MAX_LISTED_ERRORS = 20;

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * Strict decimal syntax: optional sign, digits with an optional fraction, optional exponent. Written so
 * that no two quantifiers can share characters: the older `\d+\.?\d*` backtracked quadratically, and a
 * cell of 100,000 digits and a letter froze the page for 28 s. This one fails such a cell in linear time.
 */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_PATTERN = /^[+-]?\d+,\d+$/;

/** True when `text` (already trimmed) is a plain decimal number: "7", "-0.5", ".5", "5.", "1e-3". */
export function isDecimalNumber(text: string): boolean {
  return NUMBER_PATTERN.test(text);
}
/** Spellings that spreadsheets and pandas write for a missing value. */
const MISSING_MARKERS = new Set(["na", "n/a", "null", "none", "nan", "?", "-", "#n/a", "missing"]);
const NON_FINITE_WORDS = new Set(["infinity", "+infinity", "-infinity", "inf", "+inf", "-inf"]);

interface RawField {
  text: string;
  quoted: boolean;
}

interface RawRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: RawField[];
}

/** 12034 → "12,034": fixed grouping, independent of the runtime's locale data. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A cell or name quoted in a message: clipped to 40 characters, without bidi controls. */
function quote(text: string): string {
  return `“${echoText(text)}”`;
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * The delimiter is the one of comma, semicolon and tab that occurs most often (outside quotes)
 * in the first non-blank line; ties go to comma, then semicolon. A header with none of them
 * is a single column.
 */
function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && (c === "," || c === ";" || c === "\t")) counts[c]++;
    if (c.trim() !== "") seenContent = true;
  }
  let best: CsvDelimiter = ",";
  for (const candidate of [";", "\t"] as const) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  return best;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;

interface Tokens {
  records: RawRecord[];
  unclosedQuoteLine: number | null;
  /** Reading stopped after `maxRecords` non-blank records; `records` holds only those. */
  stoppedAt: number | null;
}

/**
 * Splits text into records and fields (RFC 4180 quoting: a field that starts with " runs to the
 * next lone ", and "" inside it is a literal quote; quoted fields may span lines).
 * CRLF, LF and lone CR all end a line. Runs of ordinary characters are copied as slices, not
 * character by character, and reading stops once `maxRecords` non-blank records are read, so a
 * 34 MB paste costs neither seconds nor a field object per cell of the part beyond the limit.
 */
function tokenize(text: string, delimiter: CsvDelimiter, maxRecords: number): Tokens {
  const records: RawRecord[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let nonBlank = 0;
  let fields: RawField[] = [];
  let buffer = "";
  /** The buffer holds only whitespace so far: a quote here opens a quoted field. */
  let bufferBlank = true;
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push({ text: buffer, quoted });
    buffer = "";
    bufferBlank = true;
    quoted = false;
  };
  const append = (piece: string) => {
    if (bufferBlank && piece.trim() !== "") bufferBlank = false;
    buffer += piece;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE && !quoted && bufferBlank) {
      // A quoted field: everything up to the next lone quote, "" standing for one quote.
      const quoteLine = line;
      quoted = true;
      buffer = "";
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { records, unclosedQuoteLine: quoteLine, stoppedAt: null };
        const piece = text.slice(i, close).replace(/\r\n?/g, "\n");
        for (let k = piece.indexOf("\n"); k >= 0; k = piece.indexOf("\n", k + 1)) line++;
        buffer += piece;
        if (text.charCodeAt(close + 1) === QUOTE) {
          buffer += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      bufferBlank = false;
    } else if (code === delimiterCode) {
      endField();
      i += 1;
    } else if (code === LF || code === CR) {
      i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endField();
      const record = { line: recordLine, fields };
      records.push(record);
      if (!isBlank(record) && ++nonBlank >= maxRecords) return { records, unclosedQuoteLine: null, stoppedAt: i };
      fields = [];
      line++;
      recordLine = line;
    } else {
      let j = i + 1;
      while (j < text.length) {
        const next = text.charCodeAt(j);
        if (next === delimiterCode || next === LF || next === CR || next === QUOTE) break;
        j++;
      }
      // Ordinary text up to the next special character (a quote here, after other text, is ordinary too).
      append(text.slice(i, j));
      i = j;
    }
  }
  if (fields.length > 0 || buffer !== "" || quoted) {
    endField();
    records.push({ line: recordLine, fields });
  }
  return { records, unclosedQuoteLine: null, stoppedAt: null };
}

/** Non-blank lines from `start` to the end: the row count quoted when a file is over the limit. */
function countNonBlankLines(text: string, start: number): number {
  let count = 0;
  let from = start;
  while (from < text.length) {
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    // A lone CR also ends a line; such files are rare enough to count by the slower split.
    const piece = text.slice(from, end);
    for (const part of piece.includes("\r") ? piece.split("\r") : [piece]) if (part.trim() !== "") count++;
    from = end + 1;
  }
  return count;
}

function isBlank(record: RawRecord): boolean {
  return record.fields.length === 1 && !record.fields[0]!.quoted && record.fields[0]!.text.trim() === "";
}

function isNumeric(text: string): boolean {
  return NUMBER_PATTERN.test(text.trim());
}

/** A cell's number, or the reason it is not one (finishing the sentence "…: "). */
function parseCell(raw: string): number | { problem: string } {
  const text = raw.trim();
  if (text === "") return { problem: "the value is missing" };
  const lower = text.toLowerCase();
  if (lower === "nan") return { problem: "“NaN” is not a number; every cell needs a finite number" };
  if (MISSING_MARKERS.has(lower)) return { problem: `${quote(text)} marks a missing value; every cell needs a number` };
  if (NON_FINITE_WORDS.has(lower)) return { problem: `${quote(text)} is not a finite number` };
  if (DECIMAL_COMMA_PATTERN.test(text)) {
    return { problem: `${quote(text)} has a decimal comma; write it with a point (${echoText(text.replace(",", "."))})` };
  }
  if (!NUMBER_PATTERN.test(text)) return { problem: `${quote(text)} is not a number` };
  const value = Number(text);
  // Syntax can be valid and the value still overflow a double, e.g. 1e999 → Infinity.
  if (!Number.isFinite(value)) return { problem: `${quote(text)} is too large to store as a number` };
  return value;
}

/** A result refusing the whole file, for one problem that is not any one row's. */
function refuseFile(message: string): CsvParseResult {
  return { ok: false, errors: [{ row: null, column: null, message }] };
}

/**
 * Parses a numeric CSV table with a header line. Returns every problem found (up to
 * CSV_MAX_LISTED_ERRORS, then a summary), not just the first, so a reader can fix a file in
 * one pass.
 *
 * Accepted: comma, semicolon or tab delimiters (detected from the header line), CRLF or LF,
 * a UTF-8 byte-order mark, quoted fields, spaces around values, blank lines at the start and end.
 * Rejected with a message: empty input, a header of numbers, empty or duplicate column names,
 * rows with the wrong number of values, blank rows in the middle, cells that are not finite
 * decimal numbers ("", "NaN", "NA", "Infinity", "1,5", "abc"), fewer than 2 data rows, and more
 * than maxRows rows or maxColumns columns.
 */
export function parseCsv(
  text: string,
  { maxRows = 10_000, maxColumns = 50, maxChars = CSV_MAX_CHARS }: CsvParseOptions = {},
): CsvParseResult {
  if (text.length > maxChars) {
    return refuseFile(`The file is ${formatCount(text.length)} characters long; the limit is ${formatCount(maxChars)}.`);
  }
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (source.trim() === "") {
    return refuseFile("The file is empty: there is no header and no data.");
  }
  const delimiter = detectDelimiter(source);
  // The header and one row over the limit are enough to know the file is too long.
  const { records, unclosedQuoteLine, stoppedAt } = tokenize(source, delimiter, maxRows + 2);
  if (unclosedQuoteLine !== null) {
    return refuseFile(`Line ${unclosedQuoteLine}: a quoted field opens with " but never closes.`);
  }

  let first = 0;
  while (first < records.length && isBlank(records[first]!)) first++;
  let end = records.length;
  while (end > first && isBlank(records[end - 1]!)) end--;
  const headerRecord = records[first]!;
  const dataRecords = records.slice(first + 1, end);

  const errors: CsvError[] = [];
  let unlisted = 0;
  const report = (error: CsvError) => {
    if (errors.length < CSV_MAX_LISTED_ERRORS) errors.push(error);
    else unlisted++;
  };

  // Bidi controls in a name would reorder every sentence that quotes it (and they are invisible anyway).
  const header = headerRecord.fields.map((field) => stripBidiControls(field.text).trim());
  if (header.length > maxColumns) {
    return refuseFile(`The header has ${formatCount(header.length)} columns; the limit is ${formatCount(maxColumns)}.`);
  }
  if (stoppedAt !== null || dataRecords.length > maxRows) {
    const rowCount = stoppedAt === null ? dataRecords.length : dataRecords.length + countNonBlankLines(source, stoppedAt);
    return refuseFile(`The file has ${formatCount(rowCount)} rows; the limit is ${formatCount(maxRows)}.`);
  }

  if (header.every((name) => isNumeric(name))) {
    const preview = header.slice(0, 3).map((name) => echoText(name, 12)).join(DELIMITER_NAMES[delimiter] === "comma" ? ", " : " ");
    return refuseFile(`The first line (line ${headerRecord.line}) holds numbers (${preview}${header.length > 3 ? " …" : ""}), not column names. Add a header line that names each column.`);
  }

  const label = (j: number) => (header[j] === "" ? `column ${j + 1}` : header[j]!);
  const firstPosition = new Map<string, number>();
  header.forEach((name, j) => {
    if (name === "") {
      report({ row: null, column: label(j), message: `Column ${j + 1} has no name in the header.` });
      return;
    }
    if (name.length > CSV_MAX_NAME_LENGTH) {
      report({
        row: null,
        column: echoText(name),
        message: `Column ${j + 1}'s name is ${formatCount(name.length)} characters long; a name may have at most ${CSV_MAX_NAME_LENGTH}.`,
      });
      return;
    }
    if (isNumeric(name)) {
      report({ row: null, column: name, message: `Column ${j + 1} is named ${quote(name)}, a number; column names must be words.` });
    }
    const earlier = firstPosition.get(name);
    if (earlier === undefined) firstPosition.set(name, j);
    else {
      report({
        row: null,
        column: name,
        message: `The column name ${quote(name)} is used twice (columns ${earlier + 1} and ${j + 1}); each column needs its own name.`,
      });
    }
  });

  if (dataRecords.length === 0) {
    report({ row: null, column: null, message: "The file has a header but no data rows; at least 2 are needed." });
  } else if (dataRecords.length === 1) {
    report({ row: null, column: null, message: "The file has only 1 data row; at least 2 are needed." });
  }

  const rows: number[][] = [];
  dataRecords.forEach((record, index) => {
    const row = index + 1;
    const where = `Row ${row} (line ${record.line})`;
    if (isBlank(record)) {
      report({ row, column: null, message: `${where} is empty; delete the blank line or fill in the row.` });
      return;
    }
    if (record.fields.length !== header.length) {
      report({
        row,
        column: null,
        message: `${where} has ${plural(record.fields.length, "value", "values")} but the header names ${plural(header.length, "column", "columns")} (${DELIMITER_NAMES[delimiter]}-separated).`,
      });
      return;
    }
    const values: number[] = [];
    record.fields.forEach((field, j) => {
      const parsed = parseCell(field.text);
      if (typeof parsed === "number") values.push(parsed);
      else report({ row, column: label(j), message: `${where}, column ${echoText(label(j))}: ${parsed.problem}.` });
    });
    rows.push(values);
  });

  if (errors.length > 0) {
    if (unlisted > 0) {
      errors.push({ row: null, column: null, message: `…and ${plural(unlisted, "more problem", "more problems")} not listed.` });
    }
    return { ok: false, errors };
  }
  return { ok: true, header, rows, delimiter };
}

/** A Dataset built from a named table: always carries its column names. */
export type TableDataset = Dataset & { featureNames: string[]; targetName: string };

/**
 * Splits a parsed table into inputs and target: the target column becomes y, every other
 * column (in file order) a feature of x, stored row-major (x[i · features + j]).
 * Throws RangeError if the target column does not exist or no feature column remains.
 */
export function datasetFromTable(table: CsvTable, targetColumn: string): TableDataset {
  const targetIndex = table.header.indexOf(targetColumn);
  if (targetIndex < 0) {
    throw new RangeError(`No column is named ${quote(targetColumn)}; the columns are ${table.header.map(quote).join(", ")}.`);
  }
  const featureIndices = table.header.map((_, j) => j).filter((j) => j !== targetIndex);
  if (featureIndices.length === 0) {
    throw new RangeError(`The table has only the target column ${quote(targetColumn)}; at least one feature column is needed.`);
  }
  const n = table.rows.length;
  const features = featureIndices.length;
  const x = new Float64Array(n * features);
  const y = new Float64Array(n);
  table.rows.forEach((row, i) => {
    if (row.length !== table.header.length) {
      throw new RangeError(`Row ${i + 1} has ${row.length} values but the header names ${table.header.length} columns.`);
    }
    featureIndices.forEach((column, j) => {
      x[i * features + j] = row[column]!;
    });
    y[i] = row[targetIndex]!;
  });
  return {
    n,
    features,
    x,
    y,
    featureNames: featureIndices.map((j) => table.header[j]!),
    targetName: targetColumn,
  };
}
