/**
 * On wide screens the lesson list and "On this page" stick beside the text, and a wide figure passes over them (it sits
 * above them with a band of page colour; see .wide-figure in global.css). Half a column cut off at the figure's edge
 * reads as a glitch, so while a wide figure overlaps a side column the column fades out whole, and comes back once the
 * figure has passed. A column that holds the keyboard focus always stays (global.css: :focus-within).
 */
export function fadeSideColumnsUnderWideFigures(root: Document): void {
  const figures = [...root.querySelectorAll<HTMLElement>(".wide-figure")];
  const columns = [...root.querySelectorAll<HTMLElement>(".lesson-grid > aside")];
  if (figures.length === 0 || columns.length === 0) return;
  let frame = 0;
  const update = () => {
    frame = 0;
    const boxes = figures.map((figure) => figure.getBoundingClientRect());
    for (const column of columns) {
      const own = column.getBoundingClientRect();
      const covered = own.height > 0 && boxes.some((box) =>
        box.top < own.bottom && box.bottom > own.top && box.left < own.right && box.right > own.left);
      column.toggleAttribute("data-under-figure", covered);
    }
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(update);
  };
  addEventListener("scroll", schedule, { passive: true });
  addEventListener("resize", schedule);
  update();
}
