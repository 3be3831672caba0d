/**
 * What the notice on every page says when stored progress is set aside or left untouched (progressTrouble in
 * progress.ts). Its own module, loaded only when there is such trouble: most pages never need these sentences.
 */
import type { ProgressTrouble } from "./progress";

/** The notice's sentence, and what its download is called. */
export function describeTrouble(trouble: ProgressTrouble): { message: string; fileName: string } {
  if (trouble.kind === "newer") {
    return {
      message:
        "Your progress in this browser was saved by a newer version of this course. This page leaves it untouched, so answers given here are kept only while it is open.",
      fileName: "batches-course-progress.txt",
    };
  }
  if (trouble.kind === "unbacked") {
    return {
      message:
        "Progress saved in this browser could not be read, and there is no room to keep a copy, so it is left untouched; answers given here are kept only while the page is open.",
      fileName: "batches-course-progress.txt",
    };
  }
  const copies = trouble.backups.length === 1 ? "A copy of it is" : `${trouble.backups.length} copies are`;
  const partly = trouble.backups.every((b) => b.reason === "partly unreadable");
  return {
    message: partly
      ? `Part of the progress saved in this browser could not be read; the rest is in use and new answers are saved. ${copies} kept in this browser.`
      : `Progress saved in this browser could not be read, so it was set aside; new answers are saved. ${copies} kept in this browser.`,
    fileName: "batches-course-progress-backup.json",
  };
}
