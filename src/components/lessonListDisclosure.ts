/**
 * The lesson list is a <details> disclosure: closed on phones so the lesson's title is on the first screen, always shown
 * on wide screens. CSS shows it there even while closed (::details-content); this keeps the element's open state, which
 * screen readers announce, in step with what is on screen, including when the window is resized across the breakpoint.
 */
export const wideScreenQuery = "(min-width: 75rem)"; // the breakpoint of .lesson-grid in global.css

export function openLessonListOnWideScreens(root: ParentNode): void {
  const lists = root.querySelectorAll<HTMLDetailsElement>("details[data-lesson-list]");
  const wide = window.matchMedia(wideScreenQuery);
  const sync = () => {
    for (const list of lists) list.open = wide.matches;
  };
  sync();
  wide.addEventListener("change", sync);
}
