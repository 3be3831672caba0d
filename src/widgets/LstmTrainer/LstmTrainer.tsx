/**
 * Lesson 9: a tiny LSTM trained in the page on windows of the greenhouse table, next to the MLP
 * trained on single rows (src/course/lstmComparison.ts has the rules of the comparison). The first render shows
 * the default run computed when the page was built (passed in as `initial`), so the figure is
 * real without JavaScript; "Train LSTM" trains again in a Web Worker with the reader's settings.
 * The island itself ships no training code: the worker has its own bundle, and the main-thread
 * fallback loads ./lstmLocal.ts (the engine's trainer and the data) with import() only when it is needed.
 */
import type { JSX } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { NumberField } from "../lib/NumberField";
import { useHydrated } from "../lib/useHydrated";
import { publishRun } from "../lib/runEvents";
import { LineChart } from "../lib/LineChart";
import { LSTM_BATCH_SIZE, MLP_HIDDEN, type LstmComparison, type LstmSettings } from "../../course/lstm";
import { verdict } from "./verdict";
import "./LstmTrainer.css";

export interface LstmTrainerProps {
  /** The default run, computed at build time (src/course/facts/lesson9.ts): the first render shows it. */
  initial: LstmComparison;
}

type WorkerReply = { id: number; ok: true; result: LstmComparison; ms: number } | { id: number; ok: false; message: string };

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : "diverged";
}

function curveRange(result: LstmComparison): [number, number] {
  const all = [...result.lstm.trainCurve, ...result.lstm.validationCurve, ...result.mlp.trainCurve, ...result.mlp.validationCurve].filter(
    (v) => Number.isFinite(v) && v > 0,
  );
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
}

export default function LstmTrainer({ initial }: LstmTrainerProps): JSX.Element {
  const id = useId();
  const hydrated = useHydrated();
  const [settings, setSettings] = useState<LstmSettings>(initial.settings);
  const [result, setResult] = useState<LstmComparison>(initial);
  const [origin, setOrigin] = useState<string>("Computed when this page was built, with the settings shown.");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const requestId = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const finish = (next: LstmComparison, ms: number, where: string): void => {
    setResult(next);
    setBusy(false);
    setError(null);
    setOrigin(`Trained in your browser in ${Math.round(ms)} ms (${where}).`);
    publishRun("lstm-trainer", {
      timesteps: next.settings.timesteps,
      units: next.settings.units,
      epochs: next.settings.epochs,
      lstmParameters: next.lstm.parameters,
      lstmTrain: next.lstm.finalTrain,
      lstmValidation: next.lstm.finalValidation,
      mlpTrain: next.mlp.finalTrain,
      mlpValidation: next.mlp.finalValidation,
    });
  };

  const runHere = (wanted: LstmSettings): void => {
    // Without a worker: load the trainer, then yield once so "Training…" paints before the main thread is busy.
    const fail = (e: unknown): void => {
      setBusy(false);
      setError(e instanceof Error ? e.message : String(e));
    };
    import("./lstmLocal").then(({ trainOnGreenhouse }) => {
      window.setTimeout(() => {
        const started = performance.now();
        try {
          finish(trainOnGreenhouse(wanted), performance.now() - started, "on the main thread");
        } catch (e) {
          fail(e);
        }
      }, 30);
    }, fail);
  };

  const train = (): void => {
    const wanted = settings;
    setBusy(true);
    setError(null);
    const ask = ++requestId.current;
    if (typeof Worker === "undefined") {
      runHere(wanted);
      return;
    }
    try {
      if (!worker.current) {
        worker.current = new Worker(new URL("./lstmWorker.ts", import.meta.url), { type: "module" });
      }
      const w = worker.current;
      w.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.id !== requestId.current) return;
        if (reply.ok) finish(reply.result, reply.ms, "in a background worker");
        else {
          setBusy(false);
          setError(reply.message);
        }
      };
      w.onerror = (event) => {
        event.preventDefault();
        worker.current?.terminate();
        worker.current = null;
        if (ask === requestId.current) runHere(wanted);
      };
      w.postMessage({ id: ask, settings: wanted });
    } catch {
      runHere(wanted);
    }
  };

  const set = <K extends keyof LstmSettings>(key: K) => (value: LstmSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const [yMin, yMax] = curveRange(result);
  const s = result.settings;
  const summary = busy
    ? "Training the LSTM and the MLP…"
    : `After ${s.epochs} epochs: LSTM training loss ${fmt(result.lstm.finalTrain)}, validation loss ${fmt(result.lstm.finalValidation)}; ` +
      `MLP training loss ${fmt(result.mlp.finalTrain)}, validation loss ${fmt(result.mlp.finalValidation)}. ${verdict(result)}`;

  return (
    <figure class="widget lstm-trainer" aria-labelledby={`${id}-title`} aria-busy={busy ? "true" : undefined}>
      <figcaption id={`${id}-title`}>
        <strong>A tiny LSTM against the MLP</strong>: both predict the same hours' water use; hours {result.validationRows[0]}–{result.validationRows[1]} (rows of day and night) are held out.
      </figcaption>
      <fieldset class="lt-controls needs-js" disabled={!hydrated}>
        <legend>Settings</legend>
        <NumberField label="Window length T" min={1} max={30} integer value={settings.timesteps} onValid={set("timesteps")} />
        <NumberField label="LSTM units" min={1} max={32} integer value={settings.units} onValid={set("units")} />
        <NumberField label="Epochs" min={1} max={300} integer value={settings.epochs} onValid={set("epochs")} />
        <NumberField label="Learning rate (Adam)" min={0.0001} max={0.5} value={settings.learningRate} onValid={set("learningRate")} />
        <NumberField label="Seed" min={0} max={1_000_000} integer value={settings.seed} onValid={set("seed")} />
        <button type="button" onClick={train} disabled={busy}>
          {busy ? "Training…" : "Train LSTM"}
        </button>
      </fieldset>
      <p class="lt-origin">
        {origin} Batch size {LSTM_BATCH_SIZE}, Adam, shuffled every epoch, seed {s.seed}.
      </p>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <section class="lt-scroll" aria-label="Final losses" tabindex={0}><table class="lt-table">
        <caption>
          Window length {s.timesteps}: {result.windows} windows, {result.validationSamples} held out (their targets are rows {result.validationRows[0]}–
          {result.validationRows[1]}), {result.purgedWindows} left out because they share rows with those, and {result.trainSamples} for training; the MLP
          learns from the same {result.trainSamples} target hours, one row each. All columns are standardised with the training rows' mean and spread.
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">One sample</th>
            <th scope="col">Parameters</th>
            <th scope="col">Updates</th>
            <th scope="col">Training loss</th>
            <th scope="col">Validation loss</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">LSTM({s.units}) → Dense(1)</th>
            <td>
              ({s.timesteps}, 3) window
            </td>
            <td>{result.lstm.parameters}</td>
            <td>{result.lstm.updates}</td>
            <td>{fmt(result.lstm.finalTrain)}</td>
            <td>{fmt(result.lstm.finalValidation)}</td>
          </tr>
          <tr>
            <th scope="row">MLP 3 → {MLP_HIDDEN} → 1</th>
            <td>(3,) row</td>
            <td>{result.mlp.parameters}</td>
            <td>{result.mlp.updates}</td>
            <td>{fmt(result.mlp.finalTrain)}</td>
            <td>{fmt(result.mlp.finalValidation)}</td>
          </tr>
        </tbody>
      </table></section>
      <div class="lt-charts">
        {[
          { key: "lstm", title: `LSTM(${s.units}) on windows of ${s.timesteps} rows`, run: result.lstm },
          { key: "mlp", title: `MLP 3 → ${MLP_HIDDEN} → 1 on single rows`, run: result.mlp },
        ].map(({ key, title, run }) => (
          <LineChart
            key={key}
            title={title}
            description={`Training loss falls from ${fmt(run.trainCurve[0]!)} to ${fmt(run.finalTrain)}; validation loss ends at ${fmt(run.finalValidation)}.`}
            xLabel="Epoch"
            yLabel="Loss (MSE)"
            yScale="log"
            yDomain={[yMin, yMax]}
            height={240}
            maxTableRows={30}
            series={[
              { id: "train", label: "Training loss", points: run.trainCurve.map((y, x) => ({ x, y })), color: "var(--batch-1)", width: 2 },
              { id: "validation", label: "Validation loss (held-out hours)", points: run.validationCurve.map((y, x) => ({ x, y })), color: "var(--batch-2)", width: 2, dash: "6 3" },
            ]}
          />
        ))}
      </div>
      <p class="lt-key">Mean squared error in standardised units (1 is the spread of the target itself), log scale.</p>
      <p class="lt-summary" role="status">
        {summary}
      </p>
    </figure>
  );
}
