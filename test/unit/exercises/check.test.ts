import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ANSWER_MAX_LENGTH,
  bandFor,
  checkChoice,
  checkNumeric,
  checkRange,
  checkShape,
  comparePrediction,
  formatNumber,
  formatShape,
  isMultipleChoice,
  parseNumber,
  parseRange,
  parseShape,
} from "../../../src/exercises/check";
import type { ChoiceSpec, NumericSpec, RangeSpec, ShapeSpec } from "../../../src/exercises/types";

describe("parseNumber: accepted spellings", () => {
  const accepted: [string, number][] = [
    ["7", 7],
    ["7.0", 7],
    [" 7 ", 7],
    ["\t7\n", 7],
    ["+7", 7],
    ["-0.5", -0.5],
    ["−3", -3], // U+2212 minus sign
    [".5", 0.5],
    ["5.", 5],
    ["1e2", 100],
    ["1E2", 100],
    ["2.5e-3", 0.0025],
    ["1e+3", 1000],
    ["1,000", 1000],
    ["12,345.5", 12345.5],
    ["1,000,000", 1000000],
    ["007", 7],
  ];
  for (const [raw, value] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${value}`, () => {
      expect(parseNumber(raw)).toEqual({ ok: true, value });
    });
  }

  const withUnit: [string, number][] = [
    ["7 iterations", 7],
    ["7iterations", 7],
    ["7 Iterations", 7],
    ["7 ITERATIONS", 7],
    ["1 iteration", 1],
    ["7 iterations.", 7],
    ["  7   iterations  ", 7],
  ];
  for (const [raw, value] of withUnit) {
    it(`reads ${JSON.stringify(raw)} as ${value} when the unit is "iterations"`, () => {
      expect(parseNumber(raw, "iterations")).toEqual({ ok: true, value });
    });
  }

  it("accepts a unit written exactly as the author wrote it, even with symbols", () => {
    expect(parseNumber("544 weights and biases", "weights and biases")).toEqual({ ok: true, value: 544 });
    expect(parseNumber("12 %", "%")).toEqual({ ok: true, value: 12 });
  });
});

describe("parseNumber: rejected spellings, each with a message", () => {
  const rejected: [string, RegExp][] = [
    ["", /Type a number first/],
    ["   ", /Type a number first/],
    ["abc", /“abc” is not a number/],
    ["7..0", /“7\.\.0” is not a number/],
    ["7.0.0", /not a number/],
    ["1,5", /point for decimals/],
    ["1,00", /point for decimals/],
    ["10,00,000", /point for decimals/],
    ["50/8", /single number, not a calculation/],
    ["6 * 7", /not a calculation/],
    ["3+4", /not a calculation/],
    ["Infinity", /not a number/],
    ["NaN", /not a number/],
    ["-", /not a number/],
    [".", /not a number/],
    ["e5", /not a number/],
    ["7 iterations", /without “iterations”/], // no unit expected
    ["1e999", /too large/],
  ];
  for (const [raw, message] of rejected) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      const parsed = parseNumber(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }

  it('rejects a different unit: "7 epochs" when the answer is in iterations', () => {
    const parsed = parseNumber("7 epochs", "iterations");
    expect(parsed).toEqual({
      ok: false,
      message: "This answer is counted in iterations, not in “epochs”. Type just the number.",
    });
  });
});

describe("checkNumeric", () => {
  const iterationsB8: NumericSpec = {
    answer: 7,
    tolerance: 0,
    unit: "iterations",
    hints: [
      { when: 6.25, hint: "50/8 = 6.25, but batches are whole: the 7th holds the last 2 rows." },
      { when: 6, hint: "The partial last batch still counts: 6 full batches plus one of 2 rows." },
      { when: [40, 60], hint: "That counts rows, not batches." },
    ],
  };

  it("50 rows at batch 8: 7 is correct in every accepted spelling", () => {
    for (const raw of ["7", "7.0", " 7 ", "7 iterations", "+7", "7e0"]) {
      expect(checkNumeric(raw, iterationsB8)).toEqual({ kind: "correct", answer: raw.trim() });
    }
  });

  it("6.25 (50/8) gets the hint that batches are whole", () => {
    expect(checkNumeric("6.25", iterationsB8)).toEqual({
      kind: "wrong",
      answer: "6.25",
      hint: "50/8 = 6.25, but batches are whole: the 7th holds the last 2 rows.",
    });
  });

  it("6 gets the hint that the partial last batch still counts", () => {
    const result = checkNumeric("6 iterations", iterationsB8);
    expect(result).toMatchObject({ kind: "wrong", answer: "6 iterations" });
    expect(result.kind === "wrong" && result.hint).toMatch(/partial last batch still counts/);
  });

  it("a [min, max] hint matches the closed interval, ends included", () => {
    for (const raw of ["40", "50", "60"]) {
      expect(checkNumeric(raw, iterationsB8)).toMatchObject({ hint: "That counts rows, not batches." });
    }
    expect(checkNumeric("61", iterationsB8)).toEqual({ kind: "wrong", answer: "61" });
  });

  it("a wrong answer with no matching hint has no hint", () => {
    expect(checkNumeric("8", iterationsB8)).toEqual({ kind: "wrong", answer: "8" });
  });

  it("the first matching hint wins", () => {
    const spec: NumericSpec = { answer: 1, hints: [{ when: [0, 10], hint: "first" }, { when: 5, hint: "second" }] };
    expect(checkNumeric("5", spec)).toMatchObject({ hint: "first" });
  });

  it("a string `when` is read as a number", () => {
    const spec: NumericSpec = { answer: 1000, hints: [{ when: "1,024", hint: "That is 2^10." }] };
    expect(checkNumeric("1024", spec)).toMatchObject({ hint: "That is 2^10." });
  });

  it("non-numbers are invalid, not wrong, and carry the message", () => {
    for (const raw of ["abc", "", "7..0"]) {
      const result = checkNumeric(raw, iterationsB8);
      expect(result.kind).toBe("invalid");
    }
  });

  it("absolute tolerance: within is correct, ends included", () => {
    const spec: NumericSpec = { answer: 0.5, tolerance: 0.01 };
    expect(checkNumeric("0.51", spec).kind).toBe("correct");
    expect(checkNumeric("0.49", spec).kind).toBe("correct");
    expect(checkNumeric("0.52", spec).kind).toBe("wrong");
  });

  it("relative tolerance: 1% of 544 accepts 549 and rejects 550", () => {
    const spec: NumericSpec = { answer: 544, relativeTolerance: 0.01 };
    expect(checkNumeric("549", spec).kind).toBe("correct");
    expect(checkNumeric("550", spec).kind).toBe("wrong");
  });

  it("tolerance 0 is exact but forgives float rounding", () => {
    expect(checkNumeric(String(0.1 + 0.2), { answer: 0.3 }).kind).toBe("correct");
    expect(checkNumeric("0.3001", { answer: 0.3 }).kind).toBe("wrong");
  });

  it("the answer is echoed as typed, trimmed: grouping kept", () => {
    expect(checkNumeric(" 1,000 ", { answer: 1000 })).toEqual({ kind: "correct", answer: "1,000" });
  });

  it("41.00001 is wrong when the answer is 41, and the answer echoed is 41.00001, not a rounded 41", () => {
    expect(checkNumeric("41.00001", { answer: 41 })).toEqual({ kind: "wrong", answer: "41.00001" });
    expect(checkNumeric("1280.4", { answer: 1280 })).toEqual({ kind: "wrong", answer: "1280.4" });
  });

  it("property: any integer written plainly, with grouping, or with the unit is read as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const spec: NumericSpec = { answer: n, unit: "updates" };
        return (
          checkNumeric(String(n), spec).kind === "correct" &&
          checkNumeric(n.toLocaleString("en-US"), spec).kind === "correct" &&
          checkNumeric(`${n} updates`, spec).kind === "correct"
        );
      }),
    );
  });
});

describe("formatNumber", () => {
  it("integers as they are, others to 4 significant digits", () => {
    expect(formatNumber(7)).toBe("7");
    expect(formatNumber(6.25)).toBe("6.25");
    expect(formatNumber(0.123456)).toBe("0.1235");
    expect(formatNumber(0.00001234)).toBe("1.234e-5");
  });
});

describe("parseShape: accepted spellings", () => {
  const accepted: [string, (number | null)[]][] = [
    ["[8, 5, 3]", [8, 5, 3]],
    ["(8, 5, 3)", [8, 5, 3]],
    ["8,5,3", [8, 5, 3]],
    ["[8 5 3]", [8, 5, 3]],
    ["(8,5,3)", [8, 5, 3]],
    ["8×5×3", [8, 5, 3]],
    ["8 × 5 × 3", [8, 5, 3]],
    ["8x5x3", [8, 5, 3]],
    ["8 X 5 X 3", [8, 5, 3]],
    ["8*5*3", [8, 5, 3]],
    ["  ( 8 , 5 , 3 )  ", [8, 5, 3]],
    ["(8, 5, 3,)", [8, 5, 3]],
    ["{8, 5, 3}", [8, 5, 3]],
    ["torch.Size([8, 5, 3])", [8, 5, 3]],
    ["(3,)", [3]],
    ["[3]", [3]],
    ["3", [3]],
    ["()", []],
    ["(None, 3)", [null, 3]],
    ["(none, 32)", [null, 32]],
    ["None×3", [null, 3]],
  ];
  for (const [raw, dims] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${JSON.stringify(dims)}`, () => {
      expect(parseShape(raw)).toEqual({ ok: true, value: dims });
    });
  }
});

describe("parseShape: rejected spellings, each with a message", () => {
  const rejected: [string, RegExp][] = [
    ["", /Type a shape first/],
    ["(8, 5, 3]", /brackets do not match/],
    ["8, 5, 3)", /brackets do not match/],
    ["[[8, 5, 3]]", /without nested brackets/],
    ["(8,,3)", /single commas/],
    ["(8, 5.5, 3)", /whole numbers without a decimal point; “5\.5”/],
    ["(8.0, 5, 3)", /whole numbers/],
    ["(-8, 5, 3)", /whole numbers/],
    ["(batch, 5, 3)", /“batch” is not a size/],
    ["abc", /“abc” is not a size/],
  ];
  for (const [raw, message] of rejected) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      const parsed = parseShape(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }
});

describe("formatShape", () => {
  it("writes Python's spelling", () => {
    expect(formatShape([8, 5, 3])).toBe("(8, 5, 3)");
    expect(formatShape([3])).toBe("(3,)");
    expect(formatShape([])).toBe("()");
    expect(formatShape([null, 32])).toBe("(None, 32)");
  });

  it("property: parseShape reads back what formatShape writes", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(4096), { nil: null }), { maxLength: 6 }), (dims) => {
        const parsed = parseShape(formatShape(dims));
        return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(dims);
      }),
    );
  });
});

describe("checkShape", () => {
  const lstmBatch: ShapeSpec = {
    answer: [8, 5, 3],
    dimNames: ["batch", "time-step", "feature"],
    hints: [{ when: "(8, 3, 5)", hint: "Keras reads (batch, timesteps, features): the 3 features come last." }],
  };

  it("a batch of 8 windows of 5 rows of 3 features is (8, 5, 3), in every accepted spelling", () => {
    for (const raw of ["(8, 5, 3)", "[8, 5, 3]", "8,5,3", "[8 5 3]", "8×5×3", "torch.Size([8, 5, 3])"]) {
      expect(checkShape(raw, lstmBatch)).toEqual({ kind: "correct", answer: raw });
    }
  });

  it("right numbers in the wrong order: the batch dimension comes first", () => {
    expect(checkShape("(5, 8, 3)", lstmBatch)).toEqual({
      kind: "wrong",
      answer: "(5, 8, 3)",
      message: "Right numbers, wrong order: the batch dimension comes first.",
    });
  });

  it("a targeted hint for a known wrong order comes with the order message", () => {
    expect(checkShape("8x3x5", lstmBatch)).toEqual({
      kind: "wrong",
      answer: "8x3x5",
      message: "Right numbers, wrong order: the time-step dimension comes second.",
      hint: "Keras reads (batch, timesteps, features): the 3 features come last.",
    });
  });

  it("without dimension names the order message is generic", () => {
    expect(checkShape("(3, 5, 8)", { answer: [8, 5, 3] })).toMatchObject({ message: "Right numbers, wrong order." });
  });

  it("wrong rank: says how many dimensions each has", () => {
    expect(checkShape("(8, 15)", lstmBatch)).toMatchObject({
      kind: "wrong",
      message: "Your shape has 2 dimensions; this tensor has 3.",
    });
    expect(checkShape("(3,)", { answer: [5, 3] })).toMatchObject({
      message: "Your shape has 1 dimension; this tensor has 2.",
    });
  });

  it("right rank, a wrong size: names the first wrong dimension", () => {
    expect(checkShape("(8, 5, 4)", lstmBatch)).toMatchObject({
      message: "The number of dimensions is right; check the feature dimension.",
    });
    expect(checkShape("(8, 5, 4)", { answer: [8, 5, 3] })).toMatchObject({
      message: "The number of dimensions is right, but not every size is.",
    });
  });

  it("the input layer's shape for 3 features is (3,), also written 3 or [3]", () => {
    const spec: ShapeSpec = { answer: [3], hints: [{ when: "(5, 3)", hint: "The batch size is not part of the input shape." }] };
    for (const raw of ["(3,)", "3", "[3]", "(3)"]) expect(checkShape(raw, spec).kind).toBe("correct");
    expect(checkShape("(5, 3)", spec)).toMatchObject({ hint: "The batch size is not part of the input shape." });
  });

  it("Keras' None batch dimension must be written None", () => {
    const spec: ShapeSpec = { answer: [null, 32] };
    expect(checkShape("(None, 32)", spec).kind).toBe("correct");
    expect(checkShape("(5, 32)", spec).kind).toBe("wrong");
  });

  it("unreadable shapes are invalid, not wrong", () => {
    expect(checkShape("(8, 5", lstmBatch)).toMatchObject({ kind: "invalid" });
    expect(checkShape("", lstmBatch)).toMatchObject({ kind: "invalid" });
  });
});

describe("parseRange", () => {
  const accepted: [string, [number, number]][] = [
    ["46-50", [46, 50]],
    ["46 - 50", [46, 50]],
    ["46–50", [46, 50]],
    ["46—50", [46, 50]],
    ["46 to 50", [46, 50]],
    ["46 TO 50", [46, 50]],
    ["46 through 50", [46, 50]],
    ["46..50", [46, 50]],
    ["46...50", [46, 50]],
    ["46…50", [46, 50]],
    ["rows 46-50", [46, 50]],
    ["positions 46 to 50", [46, 50]],
    ["46-50 rows", [46, 50]],
    ["46", [46, 46]],
    ["row 50", [50, 50]],
  ];
  for (const [raw, value] of accepted) {
    it(`reads ${JSON.stringify(raw)} as ${value.join("-")}`, () => {
      expect(parseRange(raw)).toEqual({ ok: true, value });
    });
  }

  const rejected: [string, RegExp][] = [
    ["", /Type a range first/],
    ["50-46", /smaller position first/],
    ["45:50", /Python slice/],
    ["46.5-50", /not a range/],
    ["46-", /not a range/],
    ["abc", /not a range/],
    ["46, 47, 48", /not a range/],
  ];
  for (const [raw, message] of rejected) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      const parsed = parseRange(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }
});

describe("checkRange", () => {
  const tenthBatch: RangeSpec = {
    answer: [46, 50],
    hints: [
      { when: "45-50", hint: "That is six rows; a batch here holds five." },
      { when: [41, 45], hint: "That is the 9th batch." },
      { when: 50, hint: "One row is not a batch of five." },
    ],
  };

  it("50 rows at batch 5: the 10th batch is positions 46-50", () => {
    for (const raw of ["46-50", "46 to 50", "rows 46–50"]) {
      expect(checkRange(raw, tenthBatch)).toEqual({ kind: "correct", answer: raw });
    }
  });

  it('"45-50" gets the hint "that is six rows"', () => {
    expect(checkRange("45-50", tenthBatch)).toEqual({
      kind: "wrong",
      answer: "45-50",
      message: "That range covers 6 rows.",
      hint: "That is six rows; a batch here holds five.",
    });
  });

  it("a [a, b] hint matches that exact range", () => {
    expect(checkRange("41 to 45", tenthBatch)).toMatchObject({
      message: "That range has the right length (5 rows) but is in the wrong place.",
      hint: "That is the 9th batch.",
    });
  });

  it("a number hint matches the one-position range", () => {
    expect(checkRange("50", tenthBatch)).toMatchObject({ message: "That range covers 1 row.", hint: "One row is not a batch of five." });
  });

  it("a wrong range with no hint still says how many items it covers", () => {
    expect(checkRange("40-50", { answer: [46, 50], itemName: "windows" })).toEqual({
      kind: "wrong",
      answer: "40-50",
      message: "That range covers 11 windows.",
    });
  });

  it("a Python slice is invalid, not wrong", () => {
    expect(checkRange("45:50", tenthBatch).kind).toBe("invalid");
  });
});

describe("checkChoice", () => {
  const single: ChoiceSpec = {
    options: [
      { id: "three", text: "3", correct: true, explanation: "One unit per feature." },
      { id: "fifteen", text: "15", correct: false, explanation: "3 × 5 counts the numbers in a batch." },
      { id: "five", text: "5", correct: false, explanation: "5 is the batch size." },
    ],
    hints: [{ when: "fifteen", hint: "The batch is a new leading dimension of the data, not of the layer." }],
  };
  const multiple: ChoiceSpec = {
    options: [
      { id: "a", text: "A", correct: true, explanation: "" },
      { id: "b", text: "B", correct: true, explanation: "" },
      { id: "c", text: "C", correct: false, explanation: "" },
    ],
  };

  it("single: the correct option is correct", () => {
    const { result, verdicts } = checkChoice(["three"], single);
    expect(result).toEqual({ kind: "correct", answer: "three" });
    expect(verdicts).toEqual([
      { id: "three", selected: true, correct: true },
      { id: "fifteen", selected: false, correct: false },
      { id: "five", selected: false, correct: false },
    ]);
  });

  it("single: a wrong option with a targeted hint gets it", () => {
    expect(checkChoice(["fifteen"], single).result).toEqual({
      kind: "wrong",
      answer: "fifteen",
      hint: "The batch is a new leading dimension of the data, not of the layer.",
    });
  });

  it("single: a wrong option without a hint is just wrong", () => {
    expect(checkChoice(["five"], single).result).toEqual({ kind: "wrong", answer: "five" });
  });

  it("nothing chosen is invalid, not wrong", () => {
    expect(checkChoice([], single).result).toEqual({ kind: "invalid", message: "Choose an option first." });
    expect(checkChoice([], multiple).result).toEqual({ kind: "invalid", message: "Tick at least one option first." });
  });

  it("unknown ids are ignored", () => {
    expect(checkChoice(["nope"], single).result.kind).toBe("invalid");
    expect(checkChoice(["three", "nope"], single).result.kind).toBe("correct");
  });

  it("multiple: exactly the correct set is correct, in any order", () => {
    expect(isMultipleChoice(multiple)).toBe(true);
    expect(isMultipleChoice(single)).toBe(false);
    expect(checkChoice(["b", "a"], multiple).result).toEqual({ kind: "correct", answer: "a,b" });
  });

  it("multiple: a subset says how many are missing", () => {
    expect(checkChoice(["a"], multiple).result).toEqual({
      kind: "wrong",
      answer: "a",
      message: "Everything you ticked is right, but one correct option is missing.",
    });
  });

  it("multiple: a wrong tick is named as wrong even when the right ones are there", () => {
    expect(checkChoice(["a", "b", "c"], multiple).result).toEqual({
      kind: "wrong",
      answer: "a,b,c",
      message: "One option you ticked is wrong.",
    });
  });
});

describe("predictions", () => {
  it("comparePrediction: within tolerance, and the signed difference", () => {
    expect(comparePrediction(20, 21, 0)).toEqual({ predicted: 20, produced: 21, difference: 1, within: false });
    expect(comparePrediction(21, 21, 0).within).toBe(true);
    expect(comparePrediction(0.05, 0.052, 0, 0.05).within).toBe(true);
    expect(comparePrediction(0.05, 0.06, 0.005).within).toBe(false);
  });

  it("bandFor: half-open bands, open ends unbounded", () => {
    const bands = [
      { id: "low", text: "< 10", max: 10 },
      { id: "mid", text: "10 to 50", min: 10, max: 50 },
      { id: "high", text: "50 or more", min: 50 },
    ];
    expect(bandFor(9.99, bands)?.id).toBe("low");
    expect(bandFor(10, bands)?.id).toBe("mid");
    expect(bandFor(50, bands)?.id).toBe("high");
    expect(bandFor(5, [{ id: "x", text: "", min: 6 }])).toBeUndefined();
  });
});

/**
 * Hostile input: 100,000 characters of the shapes that made the old patterns backtrack (cubically for
 * "torch.Size(" and spaces: 17 s at 2,000 spaces; quadratically for long digit runs). `maxLength: Infinity`
 * lets the text past the length check so the scanners themselves are exercised; without linear scanners
 * these calls do not return for minutes. The time guard is generous: each call takes about a millisecond.
 */
describe("very long answers: a message at once, never a frozen page", () => {
  const LONG = 100_000;
  const unlimited = { maxLength: Infinity };
  function quickly<T>(run: () => T): T {
    const started = performance.now();
    const result = run();
    expect(performance.now() - started).toBeLessThan(2_000);
    return result;
  }
  function messageOf(parsed: { ok: boolean; message?: string }): string {
    expect(parsed.ok).toBe(false);
    return parsed.message ?? "";
  }

  it("every parser refuses an answer longer than the field allows, saying how long it is", () => {
    const text = "1".repeat(LONG);
    const expected = `This answer is 100,000 characters long; an answer here fits in ${ANSWER_MAX_LENGTH}.`;
    expect(quickly(() => messageOf(parseNumber(text)))).toBe(expected);
    expect(quickly(() => messageOf(parseShape(text)))).toBe(expected);
    expect(quickly(() => messageOf(parseRange(text)))).toBe(expected);
    expect(checkNumeric(text, { answer: 1 })).toEqual({ kind: "invalid", message: expected });
    // One character less than the limit is read as usual.
    expect(parseNumber("7".padStart(ANSWER_MAX_LENGTH, " "))).toEqual({ ok: true, value: 7 });
  });

  it('"torch.Size(" followed by 100,000 spaces and "x" is read in linear time', () => {
    const message = quickly(() => messageOf(parseShape(`torch.Size(${" ".repeat(LONG)}x`, unlimited)));
    expect(message).toBe("Write one list of sizes, for example (8, 5, 3), without nested brackets.");
    expect(quickly(() => parseShape(`torch.Size(${" ".repeat(LONG)}[8, 5, 3]${" ".repeat(LONG)})`, unlimited))).toEqual({
      ok: true,
      value: [8, 5, 3],
    });
  });

  it("100,000 digits and a stray point or letter: the size is rejected and quoted clipped", () => {
    const message = quickly(() => messageOf(parseShape(`${"1".repeat(LONG)}.x`, unlimited)));
    expect(message).toBe(`“${"1".repeat(40)}…” is not a size; write whole numbers such as (8, 5, 3).`);
    expect(quickly(() => messageOf(parseShape("9".repeat(LONG), unlimited)))).toBe(`“${"9".repeat(40)}…” is too large to be a size.`);
    expect(quickly(() => messageOf(parseNumber(`${"1".repeat(LONG)}.5.`, undefined, unlimited)))).toBe(
      `“${"1".repeat(40)}…” is not a number.`,
    );
  });

  it("a number followed by 100,000 letters or spaces is rejected with a clipped quote", () => {
    expect(quickly(() => messageOf(parseNumber(`1 ${"a".repeat(LONG)}!`, undefined, unlimited)))).toBe(`“1 ${"a".repeat(38)}…” is not a number.`);
    expect(quickly(() => messageOf(parseNumber(`1 ${"a ".repeat(LONG / 2)}.`, undefined, unlimited)))).toMatch(/^Type just the number, without “(a ){20}…”\.$/);
  });

  it("ranges: 100,000 spaces or digits are rejected, never read as Infinity", () => {
    expect(quickly(() => messageOf(parseRange(`a${" ".repeat(LONG)}1-1${"a".repeat(LONG)}!`, unlimited)))).toMatch(/^“a {39}…” is not a range/);
    expect(quickly(() => messageOf(parseRange(`${"1".repeat(LONG)} rows`, unlimited)))).toMatch(/^“1{40}…” holds a position too large to count/);
    expect(messageOf(parseRange("1".repeat(ANSWER_MAX_LENGTH)))).toMatch(/too large to count/);
  });

  it("a right-to-left override typed into an answer is not echoed into the message", () => {
    const message = messageOf(parseShape("(8, \u202Eabc)"));
    expect(message).toBe("“abc” is not a size; write whole numbers such as (8, 5, 3).");
  });
});
