/** Take the run elsewhere: its numbers as CSV, its settings as Keras or PyTorch code. */
import type { JSX } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import type { LabData } from "./dataSource";
import { kerasCode, pytorchCode } from "./codegen";
import type { LabRun, LabSettings } from "../../course/lab";
import { PythonCode } from "../lib/PythonCode";
import { csvFileName, runCsv } from "./labRun";

interface ExportPanelProps {
  run: LabRun | null;
  settings: LabSettings;
  data: LabData;
}

type Language = "keras" | "pytorch";

export function ExportPanel({ run, settings, data }: ExportPanelProps): JSX.Element {
  const id = useId();
  const [language, setLanguage] = useState<Language>("pytorch");
  const [status, setStatus] = useState("");
  const preRef = useRef<HTMLPreElement>(null);
  const codeData = { fileName: data.fileName, separator: data.separator, featureNames: data.featureNames, targetName: data.targetName, n: data.n };
  const code = language === "keras" ? kerasCode(settings, codeData) : pytorchCode(settings, codeData);

  const download = () => {
    if (!run) return;
    const blob = new Blob([runCsv(run)], { type: "text/csv" });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = csvFileName(run.settings);
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${anchor.download}: ${run.batchLoss.length} iterations, one row each.`);
  };

  const copy = async (which: Language) => {
    setLanguage(which);
    const text = which === "keras" ? kerasCode(settings, codeData) : pytorchCode(settings, codeData);
    const name = which === "keras" ? "Keras" : "PyTorch";
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setStatus(`Copied the ${name} code.`);
    } catch {
      setStatus(`The clipboard is not available here. The ${name} code is selected below: press Ctrl+C (⌘C on a Mac) to copy it.`);
      requestAnimationFrame(() => {
        const pre = preRef.current;
        const selection = window.getSelection();
        if (!pre || !selection) return;
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      });
    }
  };

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Export</h3>
      <div class="lab-row">
        <button type="button" onClick={download} disabled={!run}>Export CSV</button>
        <button type="button" class="secondary" onClick={() => void copy("keras")}>Copy as Keras</button>
        <button type="button" class="secondary" onClick={() => void copy("pytorch")}>Copy as PyTorch</button>
      </div>
      <p role="status" class="lab-note">{status}</p>
      <pre ref={preRef} class="lab-code" tabIndex={0} aria-label={`${language === "keras" ? "Keras" : "PyTorch"} code for these settings`}>
        <PythonCode code={code} />
      </pre>
    </section>
  );
}
