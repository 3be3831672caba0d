/**
 * "Use your own data": paste CSV text or open a .csv file, pick the target column, and the lab
 * trains on it (standardised). Every problem found is listed with its row and column. Sizes are checked
 * before anything large is read or copied: a file's size before it is read, the text before it is shown in
 * the box. The table in use is kept for the session (ownDataSession.ts) and comes back when the reader does.
 */
import type { JSX, TargetedEvent } from "preact";
import { useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { CSV_MAX_CHARS } from "../../engine/csv";
import { MAX_OWN_ROWS, PASTE_MAX_CHARS, defaultTarget, ownDataset, readOwnTable, type OwnTable } from "./ownData";
import { forgetOwnTable, keepOwnTable, keptOwnTable, pageSessionStorage } from "./ownDataSession";
import { labDataFromOwn, type LabData } from "./dataSource";
import { formatCount } from "./labState";

interface OwnDataPanelProps {
  data: LabData;
  onData: (data: LabData | null) => void;
}

/** A file up to this many characters is also shown in the box, to edit; a larger one is used without being copied there. */
const BOX_SHOW_MAX_CHARS = 100_000;

export function OwnDataPanel({ data, onData }: OwnDataPanelProps): JSX.Element {
  const id = useId();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("my-data.csv");
  const [problems, setProblems] = useState<string[]>([]);
  const [table, setTable] = useState<{ table: OwnTable; source: string } | null>(null);
  const [target, setTarget] = useState("");
  const [status, setStatus] = useState("");
  const useButton = useRef<HTMLButtonElement>(null);

  const refuse = (found: string[]) => {
    setProblems(found);
    setStatus(`The table could not be used: ${found.length} problem${found.length === 1 ? "" : "s"} listed below.`);
  };

  const adoptTable = (t: OwnTable, chosen: string, name: string, source: string, lead = "Training on your table") => {
    try {
      const own = ownDataset(t, chosen);
      setProblems([]);
      setTable({ table: t, source });
      setTarget(chosen);
      setFileName(name);
      onData(labDataFromOwn(own, name));
      const kept = keepOwnTable(pageSessionStorage(), { text: source, fileName: name, target: chosen });
      setStatus(
        `${lead}: ${formatCount(own.n)} rows, ${own.features} input column${own.features === 1 ? "" : "s"}, target “${chosen}”. ${kept.message}`,
      );
    } catch (error) {
      refuse([error instanceof Error ? error.message : String(error)]);
    }
  };

  const apply = (source: string, name: string) => {
    const result = readOwnTable(source);
    if (!result.ok) {
      refuse(result.problems);
      return;
    }
    adoptTable(result.table, defaultTarget(result.table), name, source);
  };

  const applyBox = () => {
    if (text.length > PASTE_MAX_CHARS) {
      refuse([`The box holds more than ${formatCount(PASTE_MAX_CHARS)} characters, the most it takes: open the table as a file instead (up to ${formatCount(CSV_MAX_CHARS)} characters).`]);
      return;
    }
    apply(text, "my-data.csv");
  };

  const onFile = (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Before reading it: a 34 MB file is refused in a moment instead of being read, copied and parsed.
    if (file.size > CSV_MAX_CHARS) {
      input.value = "";
      refuse([`The file is ${(file.size / 1e6).toFixed(1)} MB; the lab reads files up to ${CSV_MAX_CHARS / 1e6} MB (${formatCount(MAX_OWN_ROWS)} rows).`]);
      return;
    }
    void file.text().then((content) => {
      // Parsed first; copied into the box only when small enough to edit there.
      apply(content, file.name);
      setText(content.length <= BOX_SHOW_MAX_CHARS ? content : "");
    });
  };

  // A table kept earlier in this tab comes back. A layout effect: it runs before the lab reads the address, so a
  // batch size in the address is fitted to this table rather than to the greenhouse one.
  useLayoutEffect(() => {
    const kept = keptOwnTable(pageSessionStorage());
    if (kept === null) return;
    const result = readOwnTable(kept.text);
    if (!result.ok || !result.table.header.includes(kept.target)) {
      forgetOwnTable(pageSessionStorage());
      return;
    }
    if (kept.text.length <= BOX_SHOW_MAX_CHARS) setText(kept.text);
    adoptTable(result.table, kept.target, kept.fileName, kept.text, `Your table from earlier in this tab (${kept.fileName}) is back`);
  }, []);

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Use your own data</h3>
      <p>
        A table of numbers with a header line, up to {formatCount(MAX_OWN_ROWS)} rows. Every column but the target
        becomes an input; every column is standardised to mean 0 and standard deviation 1 before training. The table in
        use is kept in this tab until you close it.
      </p>
      <label for={`${id}-text`}>CSV text</label>
      <textarea
        id={`${id}-text`}
        rows={6}
        spellcheck={false}
        value={text}
        maxLength={PASTE_MAX_CHARS + 1}
        placeholder={"a,b,target\n1,2,3\n4,5,9"}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="lab-row">
        <button type="button" ref={useButton} onClick={applyBox}>Use this data</button>
        <label class="lab-file">
          Open a .csv file
          <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={onFile} />
        </label>
        {data.kind === "own" && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              forgetOwnTable(pageSessionStorage());
              onData(null);
              setStatus("Back to the greenhouse data. Your table is no longer kept.");
              // This button goes away with the own data: focus moves to the panel's first action, not to the page body.
              useButton.current?.focus();
            }}
          >
            Back to the greenhouse data
          </button>
        )}
      </div>
      {table && data.kind === "own" && (
        <div class="lab-field">
          <label for={`${id}-target`}>Target column</label>
          <select id={`${id}-target`} value={target} onChange={(e) => adoptTable(table.table, e.currentTarget.value, fileName, table.source)}>
            {table.table.header.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
      )}
      <p role="status" class="lab-note">{status}</p>
      {problems.length > 0 && (
        <div class="lab-problems" role="alert">
          <p>Problems found:</p>
          <ul aria-label="Problems in the CSV">
            {problems.map((p, i) => <li key={i}>{p}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
