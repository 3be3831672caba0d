import { describe, expect, it } from "vitest";
import { NUMBER_FIELD_MAX_LENGTH, parseNumberField, type NumberRule } from "../../../src/widgets/lib/numberField";

// The parser behind every numeric field of every widget (NumberField). The e2e sweep only checks that each field is
// wired to it (one bad value gets a message, a good one clears it); what is accepted and what each message says is here.

const batchSize: NumberRule = { label: "Batch size", min: 1, max: 50, integer: true };
const learningRate: NumberRule = { label: "Learning rate", min: 0.0001, max: 10 };
const budget: NumberRule = { label: "Memory budget", min: 1, max: 1_000_000, integer: true };

describe("parseNumberField: accepted input", () => {
  it.each([
    ["8", 8],
    [" 8 ", 8],
    ["+8", 8],
    ["8.", 8],
    ["8.0", 8],
    ["1", 1],
    ["50", 50],
    ["5e1", 50],
    ["5E1", 50],
  ])("batch size %j reads as %d", (typed, value) => {
    expect(parseNumberField(typed, batchSize)).toEqual({ ok: true, value });
  });

  it.each([
    ["0.05", 0.05],
    [".5", 0.5],
    ["2.5", 2.5],
    ["1e-4", 0.0001],
    ["10", 10],
  ])("learning rate %j reads as %d", (typed, value) => {
    expect(parseNumberField(typed, learningRate)).toEqual({ ok: true, value });
  });
});

describe("parseNumberField: every rejection says what is allowed", () => {
  it("empty or blank text is called empty and names the range", () => {
    const message = "Batch size is empty: enter a whole number from 1 to 50.";
    expect(parseNumberField("", batchSize)).toEqual({ ok: false, message });
    expect(parseNumberField("   ", batchSize)).toEqual({ ok: false, message });
  });

  it.each(["abc", "1,5", "0x10", "Infinity", "NaN", "1e", "e5", "--1", "5 5", "½"])("%j is not a number", (typed) => {
    expect(parseNumberField(typed, batchSize)).toEqual({
      ok: false,
      message: `Batch size must be a whole number from 1 to 50; “${typed}” is not a number.`,
    });
  });

  it("markup typed into a field comes back as text in the message", () => {
    expect(parseNumberField("<b>1</b>", learningRate)).toEqual({
      ok: false,
      message: "Learning rate must be a number from 0.0001 to 10; “<b>1</b>” is not a number.",
    });
  });

  it("a number too large for a double is called too large, not infinite", () => {
    expect(parseNumberField("1e999", batchSize)).toEqual({ ok: false, message: "Batch size is too large: enter a whole number from 1 to 50." });
    expect(parseNumberField("-1e999", learningRate)).toEqual({ ok: false, message: "Learning rate is too large: enter a number from 0.0001 to 10." });
  });

  it("a fraction in a whole-number field is refused; the same text is fine where fractions are allowed", () => {
    expect(parseNumberField("2.5", batchSize)).toEqual({ ok: false, message: "Batch size must be a whole number (got 2.5)." });
    expect(parseNumberField("2.5", learningRate)).toEqual({ ok: true, value: 2.5 });
  });

  it("below the minimum and above the maximum name the bound that was crossed", () => {
    expect(parseNumberField("0", batchSize)).toEqual({ ok: false, message: "Batch size must be at least 1 (got 0)." });
    expect(parseNumberField("-1", batchSize)).toEqual({ ok: false, message: "Batch size must be at least 1 (got -1)." });
    expect(parseNumberField("51", batchSize)).toEqual({ ok: false, message: "Batch size must be at most 50 (got 51)." });
    expect(parseNumberField("99999999", batchSize)).toEqual({ ok: false, message: "Batch size must be at most 50 (got 99999999)." });
    expect(parseNumberField("0.00001", learningRate)).toEqual({ ok: false, message: "Learning rate must be at least 0.0001 (got 0.00001)." });
    expect(parseNumberField("-0", batchSize)).toEqual({ ok: false, message: "Batch size must be at least 1 (got -0)." });
  });

  it("bounds are written with thousands separators, independent of the locale", () => {
    expect(parseNumberField("", budget)).toEqual({ ok: false, message: "Memory budget is empty: enter a whole number from 1 to 1,000,000." });
    expect(parseNumberField("1000001", budget)).toEqual({ ok: false, message: "Memory budget must be at most 1,000,000 (got 1000001)." });
  });

  it("a paste longer than a number can be is refused by its length, not quoted", () => {
    const typed = "123456789012345678901234567890";
    expect(parseNumberField(typed, batchSize)).toEqual({ ok: false, message: "Batch size must be a whole number from 1 to 50; the text is 30 characters long." });
  });
});

describe("parseNumberField: long and hostile text", () => {
  it(`text longer than ${NUMBER_FIELD_MAX_LENGTH} characters is refused before parsing, saying how long it is`, () => {
    // 100,000 digits and a letter cost the old pattern (\d+\.?\d*) seconds per keystroke.
    expect(parseNumberField(`${"1".repeat(100_000)}x`, batchSize)).toEqual({
      ok: false,
      message: "Batch size must be a whole number from 1 to 50; the text is 100,001 characters long.",
    });
    expect(parseNumberField("0".repeat(NUMBER_FIELD_MAX_LENGTH - 1) + "8", batchSize)).toEqual({ ok: true, value: 8 });
  });

  it("quotes bad text clipped, without a right-to-left override", () => {
    expect(parseNumberField("\u202E8b", batchSize)).toEqual({ ok: false, message: "Batch size must be a whole number from 1 to 50; “8b” is not a number." });
  });
});
