import { describe, expect, it } from "vitest";
import { NUMBER_FIELD_MAX_LENGTH, parseNumberField, type NumberRule } from "../../../src/widgets/lib/numberField";

const batch: NumberRule = { label: "Batch size", min: 1, max: 50, integer: true };
const rate: NumberRule = { label: "Learning rate", min: 0.0001, max: 10 };

describe("parseNumberField", () => {
  it("reads whole numbers and decimals, with spaces, signs, a leading point and exponents", () => {
    expect(parseNumberField(" 8 ", batch)).toEqual({ ok: true, value: 8 });
    expect(parseNumberField("5e-2", rate)).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberField(".5", rate)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberField("+1E0", rate)).toEqual({ ok: true, value: 1 });
  });

  it("says what is allowed for each kind of bad input", () => {
    expect(parseNumberField("", batch)).toEqual({ ok: false, message: "Batch size is empty: enter a whole number from 1 to 50." });
    expect(parseNumberField("abc", batch)).toEqual({ ok: false, message: "Batch size must be a whole number from 1 to 50; “abc” is not a number." });
    expect(parseNumberField("2.5", batch)).toEqual({ ok: false, message: "Batch size must be a whole number (got 2.5)." });
    expect(parseNumberField("0", batch)).toEqual({ ok: false, message: "Batch size must be at least 1 (got 0)." });
    expect(parseNumberField("600", batch)).toEqual({ ok: false, message: "Batch size must be at most 50 (got 600)." });
    expect(parseNumberField("1e999", rate)).toEqual({ ok: false, message: "Learning rate is too large: enter a number from 0.0001 to 10." });
  });

  it(`text longer than ${NUMBER_FIELD_MAX_LENGTH} characters is refused at once, saying how long it is`, () => {
    // 100,000 digits and a letter cost the old pattern (\d+\.?\d*) seconds per keystroke.
    const started = performance.now();
    const parsed = parseNumberField(`${"1".repeat(100_000)}x`, batch);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parsed).toEqual({ ok: false, message: "Batch size must be a whole number from 1 to 50; the text is 100,001 characters long." });
    expect(parseNumberField("0".repeat(NUMBER_FIELD_MAX_LENGTH - 1) + "8", batch)).toEqual({ ok: true, value: 8 });
  });

  it("quotes bad text clipped, without a right-to-left override", () => {
    expect(parseNumberField("\u202E8b", batch)).toEqual({ ok: false, message: "Batch size must be a whole number from 1 to 50; “8b” is not a number." });
  });
});
