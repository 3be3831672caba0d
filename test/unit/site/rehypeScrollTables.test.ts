import { describe, expect, it } from "vitest";
import { wrapTables } from "../../../src/components/rehypeScrollTables";

describe("Markdown tables in a box of their own", () => {
  it("wraps every table, however deep, in a div.table-scroll and leaves other elements alone", () => {
    const table = { type: "element" as const, tagName: "table", properties: {}, children: [] };
    const tree = {
      type: "root" as const,
      children: [
        { type: "element" as const, tagName: "p", properties: {}, children: [{ type: "text" as const, value: "before" }] },
        { type: "element" as const, tagName: "section", properties: {}, children: [{ ...table }] },
        { ...table },
      ],
    };
    wrapTables(tree);
    expect(tree.children[0]).toMatchObject({ tagName: "p" });
    expect(tree.children[1]).toMatchObject({ tagName: "section", children: [{ tagName: "div", properties: { className: ["table-scroll"] }, children: [{ tagName: "table" }] }] });
    expect(tree.children[2]).toMatchObject({ tagName: "div", properties: { className: ["table-scroll"] }, children: [{ tagName: "table" }] });
  });
});
