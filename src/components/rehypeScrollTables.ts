/**
 * Wraps every Markdown table in <div class="table-scroll">, so that a table wider than the screen scrolls inside its own
 * box (with the edge shadows of global.css and, while it overflows, a keyboard stop from scrollRegions.ts) instead of
 * making the whole page wider than a phone.
 */
import type { Element, Root, RootContent } from "hast";

export function wrapTables(node: Root | Element): void {
  node.children = node.children.map((child: RootContent): RootContent => {
    if (child.type !== "element") return child;
    if (child.tagName === "table") {
      return { type: "element", tagName: "div", properties: { className: ["table-scroll"] }, children: [child] };
    }
    wrapTables(child);
    return child;
  }) as typeof node.children;
}

export default function rehypeScrollTables() {
  return (tree: Root) => wrapTables(tree);
}
