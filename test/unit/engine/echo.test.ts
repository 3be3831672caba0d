import { describe, expect, it } from "vitest";
import { echoText, stripBidiControls } from "../../../src/engine/echo";

describe("echoText: reader text quoted in a message", () => {
  it("removes a right-to-left override, so it cannot reverse the rest of the sentence", () => {
    expect(echoText("\u202Eabc")).toBe("abc");
    expect(`Ignored b=${echoText("8\u202E gnirts")} in the address.`).toBe("Ignored b=8 gnirts in the address.");
  });

  it("removes every bidi embedding, override, isolate and mark, and control characters", () => {
    const hostile = "a\u202Ab\u202Bc\u202Cd\u202Def\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm\u0000n\u001Bo\u0085pq";
    expect(echoText(hostile, 100)).toBe("abcdefghijklmnopq");
  });

  it("keeps a quoted value on one line: line breaks and tabs become one space", () => {
    expect(echoText("b\r\nc\td")).toBe("b c d");
  });

  it("keeps right-to-left letters: only the invisible controls go", () => {
    expect(stripBidiControls("\u05E9\u05DC\u05D5\u05DD \u202E1")).toBe("\u05E9\u05DC\u05D5\u05DD 1");
  });

  it("clips at maxChars with an ellipsis and never splits an emoji", () => {
    expect(echoText("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(echoText("x".repeat(40))).toBe("x".repeat(40));
    expect(echoText(`abc\u{1F600}def`, 4)).toBe("abc…");
    expect(echoText(`ab\u{1F600}def`, 4)).toBe("ab\u{1F600}…");
  });

  it("quotes the start of a 5,000,000-character text without cleaning all of it", () => {
    const huge = "\u202E".repeat(10) + "7".repeat(5_000_000);
    expect(echoText(huge, 10)).toBe(`${"7".repeat(10)}…`);
  });
});
