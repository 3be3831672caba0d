import { describe, expect, it } from "vitest";
import { CSV_MAX_CHARS, CSV_MAX_LISTED_ERRORS, datasetFromTable, formatCount, parseCsv, type CsvError, type CsvParseResult } from "../../../src/engine/csv";

function errorsOf(result: CsvParseResult): CsvError[] {
  if (result.ok) throw new Error("expected the CSV to be rejected");
  return result.errors;
}

function tableOf(result: CsvParseResult) {
  if (!result.ok) throw new Error(`expected the CSV to parse: ${result.errors.map((e) => e.message).join("; ")}`);
  return result;
}

const GOOD = "a,b,c\n1,2,3\n4,5,6\n";

describe("parseCsv: files it accepts", () => {
  it("reads a header and numeric rows", () => {
    const table = tableOf(parseCsv(GOOD));
    expect(table.header).toEqual(["a", "b", "c"]);
    expect(table.rows).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(table.delimiter).toBe(",");
  });

  it("accepts exponents, signs, a leading point and spaces around values", () => {
    const table = tableOf(parseCsv("x, y\n 1e3 , -2.5\n+.5,1E-2\n"));
    expect(table.header).toEqual(["x", "y"]);
    expect(table.rows).toEqual([[1000, -2.5], [0.5, 0.01]]);
  });

  it("detects semicolon and tab delimiters", () => {
    const semicolon = tableOf(parseCsv("a;b\n1;2\n3;4"));
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.rows).toEqual([[1, 2], [3, 4]]);
    const tab = tableOf(parseCsv("a\tb\n1\t2\n3\t4"));
    expect(tab.delimiter).toBe("\t");
    expect(tab.rows).toEqual([[1, 2], [3, 4]]);
  });

  it("handles CRLF line ends, a byte-order mark and trailing blank lines", () => {
    const table = tableOf(parseCsv("\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n\n  \n"));
    expect(table.header).toEqual(["a", "b"]);
    expect(table.rows).toEqual([[1, 2], [3, 4]]);
  });

  it("reads quoted fields, including a delimiter and an escaped quote inside a name", () => {
    const table = tableOf(parseCsv('"temp, °C","say ""hi""",z\n"1.5",2,"3"\n4,5,6\n'));
    expect(table.header).toEqual(["temp, °C", 'say "hi"', "z"]);
    expect(table.rows).toEqual([[1.5, 2, 3], [4, 5, 6]]);
  });

  it("accepts exactly the row limit", () => {
    const text = `v,w\n${"1,2\n".repeat(100)}`;
    expect(tableOf(parseCsv(text, { maxRows: 100 })).rows).toHaveLength(100);
  });
});

describe("parseCsv: files it rejects, naming the row and column", () => {
  it("rejects empty input", () => {
    expect(errorsOf(parseCsv(""))).toEqual([{ row: null, column: null, message: "The file is empty: there is no header and no data." }]);
    expect(errorsOf(parseCsv(" \n\r\n"))[0]!.message).toMatch(/empty/);
    expect(errorsOf(parseCsv("\uFEFF"))[0]!.message).toMatch(/empty/);
  });

  it("rejects a file whose first line is numbers, not names", () => {
    const [error] = errorsOf(parseCsv("1,2,3\n4,5,6\n7,8,9\n"));
    expect(error).toEqual({
      row: null,
      column: null,
      message: "The first line (line 1) holds numbers (1, 2, 3), not column names. Add a header line that names each column.",
    });
  });

  it("rejects a column name that is a number", () => {
    const errors = errorsOf(parseCsv("a,2.5\n1,2\n3,4\n"));
    expect(errors).toEqual([{ row: null, column: "2.5", message: "Column 2 is named “2.5”, a number; column names must be words." }]);
  });

  it("rejects empty and duplicate column names", () => {
    const errors = errorsOf(parseCsv("a,,a\n1,2,3\n4,5,6\n"));
    expect(errors).toEqual([
      { row: null, column: "column 2", message: "Column 2 has no name in the header." },
      { row: null, column: "a", message: "The column name “a” is used twice (columns 1 and 3); each column needs its own name." },
    ]);
  });

  it("rejects rows with the wrong number of values", () => {
    const errors = errorsOf(parseCsv("a,b,c\n1,2,3\n4,5\n6,7,8,9\n"));
    expect(errors).toEqual([
      { row: 2, column: null, message: "Row 2 (line 3) has 2 values but the header names 3 columns (comma-separated)." },
      { row: 3, column: null, message: "Row 3 (line 4) has 4 values but the header names 3 columns (comma-separated)." },
    ]);
  });

  it("names the row and column of a cell that is not a number", () => {
    const rows = ["20,60,1", "21,61,2", "22,62,3", "23,63,4", "24,64,5", "25,65,6", "26,abc,7"];
    const errors = errorsOf(parseCsv(`temperature_c,humidity_pct,light_klux\n${rows.join("\n")}\n`));
    expect(errors).toEqual([{ row: 7, column: "humidity_pct", message: "Row 7 (line 8), column humidity_pct: “abc” is not a number." }]);
  });

  it("rejects missing values, NaN, Infinity, NA and decimal commas, each with its own explanation", () => {
    const errors = errorsOf(parseCsv('a;b\n;1\nNaN;2\nInfinity;-inf\nNA;"1,5"\n1e999;3\n'));
    expect(errors).toEqual([
      { row: 1, column: "a", message: "Row 1 (line 2), column a: the value is missing." },
      { row: 2, column: "a", message: "Row 2 (line 3), column a: “NaN” is not a number; every cell needs a finite number." },
      { row: 3, column: "a", message: "Row 3 (line 4), column a: “Infinity” is not a finite number." },
      { row: 3, column: "b", message: "Row 3 (line 4), column b: “-inf” is not a finite number." },
      { row: 4, column: "a", message: "Row 4 (line 5), column a: “NA” marks a missing value; every cell needs a number." },
      { row: 4, column: "b", message: "Row 4 (line 5), column b: “1,5” has a decimal comma; write it with a point (1.5)." },
      { row: 5, column: "a", message: "Row 5 (line 6), column a: “1e999” is too large to store as a number." },
    ]);
  });

  it("rejects a comma-separated cell written with a decimal comma as a row with too many values", () => {
    const errors = errorsOf(parseCsv("a,b\n1,5,2\n3,4\n"));
    expect(errors).toEqual([{ row: 1, column: null, message: "Row 1 (line 2) has 3 values but the header names 2 columns (comma-separated)." }]);
  });

  it("rejects hex and text with digits in it", () => {
    const errors = errorsOf(parseCsv("a\n0x10\n12kg\n"));
    expect(errors.map((e) => e.message)).toEqual([
      "Row 1 (line 2), column a: “0x10” is not a number.",
      "Row 2 (line 3), column a: “12kg” is not a number.",
    ]);
  });

  it("rejects a blank line between data rows", () => {
    const errors = errorsOf(parseCsv("a,b\n1,2\n\n3,4\n"));
    expect(errors).toEqual([{ row: 2, column: null, message: "Row 2 (line 3) is empty; delete the blank line or fill in the row." }]);
  });

  it("needs at least 2 data rows", () => {
    expect(errorsOf(parseCsv("a,b\n"))).toEqual([
      { row: null, column: null, message: "The file has a header but no data rows; at least 2 are needed." },
    ]);
    expect(errorsOf(parseCsv("a,b\n1,2\n"))).toEqual([
      { row: null, column: null, message: "The file has only 1 data row; at least 2 are needed." },
    ]);
  });

  it("rejects more rows than the limit, with the counts written out", () => {
    const text = `a,b\n${"1,2\n".repeat(12_034)}`;
    expect(errorsOf(parseCsv(text))).toEqual([{ row: null, column: null, message: "The file has 12,034 rows; the limit is 10,000." }]);
  });

  it("rejects more columns than the limit", () => {
    const header = Array.from({ length: 51 }, (_, j) => `c${j}`).join(",");
    expect(errorsOf(parseCsv(`${header}\n`))[0]!.message).toBe("The header has 51 columns; the limit is 50.");
    expect(errorsOf(parseCsv("a,b,c\n1,2,3\n4,5,6\n", { maxColumns: 2 }))[0]!.message).toBe("The header has 3 columns; the limit is 2.");
  });

  it("rejects a quote that never closes, naming its line", () => {
    expect(errorsOf(parseCsv('a,b\n1,2\n3,"4\n5,6\n'))).toEqual([
      { row: null, column: null, message: 'Line 3: a quoted field opens with " but never closes.' },
    ]);
  });

  it("counts line numbers after a quoted field that spans two lines", () => {
    const errors = errorsOf(parseCsv('a,"b\nc"\n1,2\n3,x\n'));
    expect(errors).toEqual([{ row: 2, column: "b\nc", message: "Row 2 (line 4), column b c: “x” is not a number." }]);
  });

  it("reports every problem up to 20, then one summary line", () => {
    const text = `a,b\n${"x,y\n".repeat(30)}`;
    const errors = errorsOf(parseCsv(text));
    expect(errors).toHaveLength(CSV_MAX_LISTED_ERRORS + 1);
    expect(errors[0]).toEqual({ row: 1, column: "a", message: "Row 1 (line 2), column a: “x” is not a number." });
    expect(errors[19]).toEqual({ row: 10, column: "b", message: "Row 10 (line 11), column b: “y” is not a number." });
    expect(errors[20]).toEqual({ row: null, column: null, message: "…and 40 more problems not listed." });
  });

  it("reports header and cell problems together", () => {
    const errors = errorsOf(parseCsv("a,a\n1,oops\n2,3\n"));
    expect(errors.map((e) => e.message)).toEqual([
      "The column name “a” is used twice (columns 1 and 2); each column needs its own name.",
      "Row 1 (line 2), column a: “oops” is not a number.",
    ]);
  });
});

describe("formatCount", () => {
  it("groups thousands with commas", () => {
    expect([0, 999, 1000, 12_034, 1_234_567].map(formatCount)).toEqual(["0", "999", "1,000", "12,034", "1,234,567"]);
  });
});

describe("datasetFromTable", () => {
  it("puts the target column in y and the others, in file order, row-major in x", () => {
    const dataset = datasetFromTable({ header: ["a", "target", "b"], rows: [[1, 10, 2], [3, 20, 4], [5, 30, 6]] }, "target");
    expect(dataset.n).toBe(3);
    expect(dataset.features).toBe(2);
    expect(Array.from(dataset.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(dataset.y)).toEqual([10, 20, 30]);
    expect(dataset.featureNames).toEqual(["a", "b"]);
    expect(dataset.targetName).toBe("target");
    expect(dataset.timesteps).toBeUndefined();
  });

  it("throws a RangeError naming the columns when the target column is unknown", () => {
    expect(() => datasetFromTable({ header: ["a", "b"], rows: [[1, 2]] }, "y")).toThrow(
      new RangeError("No column is named “y”; the columns are “a”, “b”."),
    );
  });

  it("throws a RangeError when the target is the only column", () => {
    expect(() => datasetFromTable({ header: ["y"], rows: [[1], [2]] }, "y")).toThrow(
      new RangeError("The table has only the target column “y”; at least one feature column is needed."),
    );
  });
});

/**
 * Hostile files: 100,000-character cells and names, a file over the size limit, and one with 120,000 rows.
 * The old cell pattern backtracked quadratically (a 100,000-digit cell and a letter: 28 s in the page), and
 * messages quoted whole cells. The time guard is generous; each parse takes milliseconds.
 */
describe("parseCsv: very long input gets a short message, quickly", () => {
  const LONG = 100_000;
  function quickly<T>(run: () => T): T {
    const started = performance.now();
    const result = run();
    expect(performance.now() - started).toBeLessThan(2_000);
    return result;
  }

  it("a cell of 100,000 digits and a letter is rejected in linear time, quoted clipped", () => {
    const errors = errorsOf(quickly(() => parseCsv(`a,b\n1,2\n${"1".repeat(LONG)}x,2\n`)));
    expect(errors).toEqual([{ row: 2, column: "a", message: `Row 2 (line 3), column a: “${"1".repeat(40)}…” is not a number.` }]);
  });

  it("a 100,000-digit decimal comma and a 100,000-digit number: both quoted clipped", () => {
    const comma = errorsOf(quickly(() => parseCsv(`a;b\n1;2\n1,${"5".repeat(LONG)};2\n`)))[0]!.message;
    expect(comma).toBe(`Row 2 (line 3), column a: “1,${"5".repeat(38)}…” has a decimal comma; write it with a point (1.${"5".repeat(38)}…).`);
    const huge = errorsOf(quickly(() => parseCsv(`a,b\n1,2\n${"9".repeat(LONG)},2\n`)))[0]!.message;
    expect(huge).toBe(`Row 2 (line 3), column a: “${"9".repeat(40)}…” is too large to store as a number.`);
  });

  it("a column name of 100,000 characters is refused, with its length", () => {
    const errors = errorsOf(quickly(() => parseCsv(`a,${"n".repeat(LONG)}\n1,2\n3,4\n`)));
    expect(errors.map((e) => e.message)).toEqual(["Column 2's name is 100,000 characters long; a name may have at most 100."]);
  });

  it("a quoted cell of 100,000 escaped quotes and a cell of text and 100,000 quotes are each one odd cell", () => {
    const escaped = errorsOf(quickly(() => parseCsv(`a,b\n"${'""'.repeat(LONG / 2)}",2\n3,4\n`)));
    expect(escaped[0]!.message).toBe(`Row 1 (line 2), column a: “${'"'.repeat(40)}…” is not a number.`);
    const stray = errorsOf(quickly(() => parseCsv(`a,b\n1,2\nx${'"'.repeat(LONG)},2\n`)));
    expect(stray[0]!.message).toBe(`Row 2 (line 3), column a: “x${'"'.repeat(39)}…” is not a number.`);
  });

  it("text over maxChars is refused before it is read", () => {
    const text = `a,b\n${"1,2\n".repeat(Math.ceil(CSV_MAX_CHARS / 4))}`;
    expect(errorsOf(quickly(() => parseCsv(text)))).toEqual([
      { row: null, column: null, message: `The file is ${(text.length).toLocaleString("en-US")} characters long; the limit is 5,000,000.` },
    ]);
    expect(errorsOf(parseCsv("a,b\n1,2\n3,4\n", { maxChars: 10 }))[0]!.message).toBe("The file is 12 characters long; the limit is 10.");
  });

  it("120,000 rows: reading stops past the row limit, and the message still counts every row", () => {
    const text = `a,b\n${"1,2\n".repeat(120_000)}\n\n`;
    expect(errorsOf(quickly(() => parseCsv(text)))).toEqual([
      { row: null, column: null, message: "The file has 120,000 rows; the limit is 10,000." },
    ]);
  });

  it("exactly the row limit with blank lines after it is accepted", () => {
    expect(tableOf(parseCsv(`a,b\n${"1,2\n".repeat(100)}\n\n\n`, { maxRows: 100 })).rows).toHaveLength(100);
  });

  it("a right-to-left override in a column name is removed from the name and every message", () => {
    const table = tableOf(parseCsv("temp\u202E,water\u2066\n1,2\n3,4\n"));
    expect(table.header).toEqual(["temp", "water"]);
    const errors = errorsOf(parseCsv("\u202Etemp,water\n1,\u202Ex\n3,4\n"));
    expect(errors[0]!.message).toBe("Row 1 (line 2), column water: “x” is not a number.");
  });
});
