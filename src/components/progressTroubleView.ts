/**
 * The notice's behaviour once there is trouble with stored progress (ProgressTroubleNotice.astro loads this
 * module only then): the sentence, the download of the data, and deleting a backup.
 */
import { discardBackups, progressTrouble, type ProgressTrouble } from "../exercises/progress";
import { describeTrouble } from "../exercises/progressTrouble";

let file: { url: string; data: string } | null = null;

/** Shows the notice for `trouble`, or hides it when the trouble is gone. */
export function showTrouble(section: HTMLElement, trouble: ProgressTrouble | null): void {
  const message = section.querySelector<HTMLElement>("#progress-trouble-message");
  const download = section.querySelector<HTMLAnchorElement>("#progress-trouble-download");
  const discard = section.querySelector<HTMLButtonElement>("#progress-trouble-discard");
  if (!message || !download || !discard) return;
  if (file !== null && file.data !== trouble?.data) {
    URL.revokeObjectURL(file.url);
    file = null;
  }
  if (trouble === null) {
    section.hidden = true;
    return;
  }
  const { message: text, fileName } = describeTrouble(trouble);
  message.textContent = text;
  file ??= { url: URL.createObjectURL(new Blob([trouble.data], { type: "text/plain" })), data: trouble.data };
  download.href = file.url;
  download.download = fileName;
  download.textContent = trouble.kind === "backup" ? "Download the copy" : "Download it";
  download.parentElement?.removeAttribute("hidden");
  discard.hidden = trouble.kind !== "backup";
  discard.onclick = () => {
    discardBackups();
    showTrouble(section, progressTrouble());
    // The button is gone: focus stays in the notice, which now says what happened, not on the page body.
    if (section.hidden) {
      section.hidden = false;
      message.textContent = "The copy of your unreadable progress was deleted.";
      download.parentElement?.setAttribute("hidden", "");
      message.focus();
    }
  };
  section.hidden = false;
}
