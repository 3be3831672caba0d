import { describe, expect, it } from "vitest";
import { glossarySchema, lessonSchema, lessonSlug } from "../../../src/lessonSchema";

const goodLesson = {
  title: "Iterations and epochs",
  order: 5,
  summary: "One iteration is one batch and one update; one epoch is every sample seen once.",
  objectives: ["Count iterations per epoch for any N and B."],
  minutes: 20,
};

function issuesFor(data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("lesson frontmatter schema", () => {
  it("accepts a complete lesson", () => {
    expect(issuesFor(goodLesson)).toEqual([]);
  });

  it("rejects a missing title and names the field", () => {
    const { title: _title, ...withoutTitle } = goodLesson;
    expect(issuesFor(withoutTitle).join("\n")).toMatch(/^title:/m);
  });

  it("rejects an order that is not a positive whole number", () => {
    expect(issuesFor({ ...goodLesson, order: 0 })[0]).toMatch(/^order: order must be a positive whole number/);
    expect(issuesFor({ ...goodLesson, order: 1.5 })[0]).toMatch(/^order:/);
  });

  it("rejects a summary too long to be a page description", () => {
    expect(issuesFor({ ...goodLesson, summary: "x".repeat(201) })[0]).toMatch(/^summary: summary must be at most 200/);
  });

  it("rejects an empty list of objectives", () => {
    expect(issuesFor({ ...goodLesson, objectives: [] })[0]).toBe("objectives: list at least one learning objective");
  });

  it("rejects an estimate outside 1 to 120 minutes and a misspelt field", () => {
    expect(issuesFor({ ...goodLesson, minutes: 0 })[0]).toMatch(/^minutes:/);
    expect(issuesFor({ ...goodLesson, minute: 5 }).join("\n")).toMatch(/minute/);
  });

  it("drops the order prefix from a lesson's file name to make its route", () => {
    expect(lessonSlug("06-batch-size-lab")).toBe("batch-size-lab");
    expect(lessonSlug("glossary")).toBe("glossary");
  });

  it("accepts a glossary entry and rejects an id with spaces", () => {
    expect(glossarySchema.safeParse({ id: "batch-size", term: "Batch size", definition: "How many samples go into one update." }).success).toBe(true);
    expect(glossarySchema.safeParse({ id: "batch size", term: "Batch size", definition: "How many samples go into one update." }).success).toBe(false);
  });
});
