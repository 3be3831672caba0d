/** The lesson's regions that can scroll sideways: code blocks, display formulas and wide tables. */
export const LESSON_SCROLL_REGIONS = "article pre, article .katex-display, article .table-scroll";

/**
 * Code blocks, wide formulas and wide tables scroll sideways on a phone. A region that scrolls must be reachable by
 * keyboard, so it gets tabindex="0" while (and only while) it actually overflows; otherwise Tab would stop on every
 * formula for nothing. Whether a region overflows changes with the window's width and when a typeface arrives (a
 * formula set in the fallback font can fit, and overflow once KaTeX's fonts load), so both measure again.
 */
export function makeOverflowingRegionsFocusable(root: ParentNode, selector: string): void {
  const update = () => {
    for (const region of root.querySelectorAll<HTMLElement>(selector)) {
      const overflows = region.scrollWidth > region.clientWidth + 1;
      if (overflows && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        region.dataset["scrollFocus"] = "";
      } else if (!overflows && region.dataset["scrollFocus"] !== undefined) {
        region.removeAttribute("tabindex");
        delete region.dataset["scrollFocus"];
      }
    }
  };
  update();
  let pending = 0;
  const updateBeforeNextFrame = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  };
  window.addEventListener("resize", updateBeforeNextFrame);
  document.fonts.addEventListener("loadingdone", updateBeforeNextFrame);
}
