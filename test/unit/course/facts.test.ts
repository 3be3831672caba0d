import { describe, expect, it } from "vitest";
import { FACTS, factValue, isFactName } from "../../../src/course/facts";

describe("facts by name", () => {
  it("every fact is a finite number or a non-empty string", () => {
    for (const [name, value] of Object.entries(FACTS)) {
      if (typeof value === "number") expect(Number.isFinite(value), name).toBe(true);
      else expect(value.length, name).toBeGreaterThan(0);
    }
  });

  it("a misspelt name fails with a message naming the facts that do exist", () => {
    expect(isFactName("lesson5.b8.iterations")).toBe(true);
    expect(factValue("lesson5.b8.iterations")).toBe(7);
    expect(() => factValue("lesson5.b8.iteratons")).toThrow(/Unknown fact "lesson5\.b8\.iteratons": define it in src\/course\/facts\/\. Facts starting with "lesson5\.": .*lesson5\.b8\.iterations/);
  });
});
