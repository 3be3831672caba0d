/**
 * "Use your own data": paste CSV text or open a .csv file, pick the target column, and the lab
 * trains on it (standardised). Every problem found is listed with its row and column.
 */
import type { JSX, TargetedEvent } from "preact";
import { useId, useState } from "preact/hooks";
import { MAX_OWN_ROWS, defaultTarget, ownDataset, readOwnTable, type OwnTable } from "./ownData";
import { labDataFromOwn, type LabData } from "./dataSource";
import { formatCount } from "./labState";

interface OwnDataPanelProps {
  data: LabData;
  onData: (data: LabData | null) => void;
}

const MAX_FILE_BYTES = 5_000_000;

export function OwnDataPanel({ data, onData }: OwnDataPanelProps): JSX.Element {
  const id = useId();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("my-data.csv");
  const [problems, setProblems] = useState<string[]>([]);
  const [table, setTable] = useState<OwnTable | null>(null);
  const [target, setTarget] = useState("");
  const [status, setStatus] = useState("");

  const apply = (source: string, name: string) => {
    const result = readOwnTable(source);
    if (!result.ok) {
      setProblems(result.problems);
      setTable(null);
      setStatus(`The table could not be used: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} listed below.`);
      return;
    }
    const chosen = defaultTarget(result.table);
    adoptTable(result.table, chosen, name);
  };

  const adoptTable = (t: OwnTable, chosen: string, name: string) => {
    try {
      const own = ownDataset(t, chosen);
      setProblems([]);
      setTable(t);
      setTarget(chosen);
      onData(labDataFromOwn(own, name));
      setStatus(`Training on your table: ${own.n} rows, ${own.features} input column${own.features === 1 ? "" : "s"}, target “${chosen}”.`);
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)]);
    }
  };

  const onFile = (event: TargetedEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblems([`The file is ${(file.size / 1e6).toFixed(1)} MB; the lab reads files up to 5 MB (${formatCount(MAX_OWN_ROWS)} rows).`]);
      return;
    }
    void file.text().then((content) => {
      setText(content);
      setFileName(file.name);
      apply(content, file.name);
    });
  };

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Use your own data</h3>
      <p>
        A table of numbers with a header line, up to {formatCount(MAX_OWN_ROWS)} rows. Every column but the target
        becomes an input; every column is standardised to mean 0 and standard deviation 1 before training.
      </p>
      <label for={`${id}-text`}>CSV text</label>
      <textarea
        id={`${id}-text`}
        rows={6}
        spellcheck={false}
        value={text}
        placeholder={"a,b,target\n1,2,3\n4,5,9"}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="lab-row">
        <button type="button" onClick={() => apply(text, "my-data.csv")}>Use this data</button>
        <label class="lab-file">
          Open a .csv file
          <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={onFile} />
        </label>
        {data.kind === "own" && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              onData(null);
              setStatus("Back to the greenhouse data.");
            }}
          >
            Back to the greenhouse data
          </button>
        )}
      </div>
      {table && data.kind === "own" && (
        <div class="lab-field">
          <label for={`${id}-target`}>Target column</label>
          <select id={`${id}-target`} value={target} onChange={(e) => adoptTable(table, e.currentTarget.value, fileName)}>
            {table.header.map((name) => <option key={name} value={name}>{name}</option>)}
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
