/**
 * Lesson 6's batch-size lab: one model trained on the same data with any batch size, live. The
 * settings live in the address (useLabUrlState), the arithmetic in the engine (labRun.ts), and the
 * panels below are thin views: loss curves with pinned runs, a sweep over all batch sizes, the
 * gradient-noise measurement, exports, and the reader's own data.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { publishRun } from "../lib/runEvents";
import { useHydrated } from "../lib/useHydrated";
import { Controls } from "./Controls";
import { ExportPanel } from "./ExportPanel";
import { LossPanel } from "./LossPanel";
import { NoisePanel } from "./NoisePanel";
import { OwnDataPanel } from "./OwnDataPanel";
import { SweepPanel } from "./SweepPanel";
import { GREENHOUSE_DATA, warmGreenhouseData, type LabData } from "./dataSource";
import { formatLoss, modelName, runLab, type LabRun } from "../../course/lab";
import { isLargeJob, runSettings } from "./labRun";
import { formatCount } from "./labState";
import { IS_SERVER, ShippedBlock } from "./ShippedBlock";
import { shippableRun, takeShippedRun } from "./shipped";
import { useLabUrlState } from "./useLabUrlState";
import { CancelledError, TrainWorkerClient } from "./workerClient";
import "./BatchSizeLab.css";

/** Wait this long after the last change before announcing the result to screen readers. */
const ANNOUNCE_DELAY_MS = 600;
/** Large data trains in the worker this long after the last change. */
const WORKER_DEBOUNCE_MS = 250;

function safeRun(settings: ReturnType<typeof runSettings>, data: LabData): { run: LabRun | null; error: string | null } {
  try {
    return { run: runLab(settings, data.dataset), error: null };
  } catch (error) {
    return { run: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One polite summary for screen readers, after the reader stops changing things. The run the page
 * opens with is already on screen, so it is not announced; the announcement lives in its own
 * component so that updating it re-renders only this line.
 */
function Announcer({ run }: { run: LabRun | null }): JSX.Element {
  const [announcement, setAnnouncement] = useState("");
  const firstRun = useRef(run);
  useEffect(() => {
    if (!run || run === firstRun.current) return undefined;
    firstRun.current = null;
    const text = run.divergence
      ? `Batch size ${run.settings.batchSize}: the run diverged after ${run.updates} updates.`
      : `Batch size ${run.settings.batchSize}: ${run.iterationsPerEpoch} iterations per epoch, ${run.updates} weight updates, final loss ${formatLoss(run.finalLoss)}.`;
    const timer = setTimeout(() => setAnnouncement(text), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [run]);
  return <p role="status" class="visually-hidden">{announcement}</p>;
}

export default function BatchSizeLab(): JSX.Element {
  const id = useId();
  const hydrated = useHydrated();
  const [data, setData] = useState<LabData>(GREENHOUSE_DATA);
  const { state, update, adoptData, notices, dismissNotices } = useLabUrlState(data);
  const controlsRef = useRef<HTMLFieldSetElement>(null);
  const settings = runSettings(state);
  const settingsKey = JSON.stringify(settings);
  const large = isLargeJob(data.n, settings.epochs, data.features);
  const [trainCount, setTrainCount] = useState(0);

  // Small data: train synchronously while rendering (a run takes about a millisecond). Hydration
  // takes the default run the server trained and shipped in the page instead of training again.
  const runKey = `${settingsKey}|${data.kind}|${data.n}|${data.features}`;
  const live = useMemo(() => {
    if (large) return null;
    const shipped = trainCount === 0 ? takeShippedRun(runKey) : null;
    return shipped ? { run: shipped, error: null } : safeRun(settings, data);
  }, [settingsKey, data, large, trainCount]);

  // Large data: train in a worker; the previous result stays on screen, marked as out of date.
  const [workerRun, setWorkerRun] = useState<{ run: LabRun | null; error: string | null; key: string } | null>(null);
  const [training, setTraining] = useState(false);
  const workerRef = useRef<TrainWorkerClient | null>(null);
  useEffect(() => {
    if (!large) {
      setTraining(false);
      return undefined;
    }
    // One worker for the lab's life: a new run supersedes the one in progress instead of killing the worker.
    const worker = (workerRef.current ??= new TrainWorkerClient());
    setTraining(true);
    const key = `${settingsKey}|${data.n}|${data.features}`;
    const timer = setTimeout(() => {
      worker
        .train(settings, data.dataset)
        .then((run) => {
          setWorkerRun({ run, error: null, key });
          setTraining(false);
        })
        .catch((error: unknown) => {
          if (error instanceof CancelledError) return;
          setWorkerRun({ run: null, error: error instanceof Error ? error.message : String(error), key });
          setTraining(false);
        });
    }, WORKER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [large, settingsKey, data, trainCount]);
  useEffect(() => () => workerRef.current?.cancel(), []);
  useEffect(() => warmGreenhouseData(), []);

  const current = large ? workerRun : live;
  const run = current?.run ?? null;
  const runError = current?.error ?? null;

  // Tell predict-then-run exercises about every finished run.
  useEffect(() => {
    if (!run) return;
    publishRun("batch-size-lab", {
      batchSize: run.settings.batchSize,
      epochs: run.settings.epochs,
      learningRate: run.settings.learningRate,
      shuffle: run.settings.shuffle ? 1 : 0,
      dropLast: run.settings.dropLast ? 1 : 0,
      rows: run.n,
      iterationsPerEpoch: run.iterationsPerEpoch,
      lastBatchSize: run.lastBatchSize,
      updates: run.updates,
      finalLoss: run.finalLoss,
    });
  }, [run]);

  const changeData = (next: LabData | null) => {
    const chosen = next ?? GREENHOUSE_DATA;
    setData(chosen);
    // In the same handler: the settings are fitted to the new rows before anything renders with them.
    adoptData(chosen);
  };

  const dismiss = () => {
    dismissNotices();
    // The button disappears with the notices: the reader goes on where the settings begin, not at the page's top.
    controlsRef.current?.querySelector<HTMLInputElement>("input:not([disabled])")?.focus();
  };

  const outputs: [string, string][] = run
    ? [
        ["Iterations per epoch", String(run.iterationsPerEpoch)],
        ["Last batch size", String(run.lastBatchSize)],
        ["Weight updates", String(run.updates)],
        ["Final loss", formatLoss(run.finalLoss)],
      ]
    : [
        ["Iterations per epoch", "–"],
        ["Last batch size", "–"],
        ["Weight updates", "–"],
        ["Final loss", "–"],
      ];

  return (
    <div class="widget batch-size-lab">
      <p class="lab-data">
        Training a <strong>{modelName(state.model, data.features)}</strong> on {data.description}: {formatCount(data.n)} rows,{" "}
        {data.features} input{data.features === 1 ? "" : "s"} ({data.featureNames.join(", ")}) → {data.targetName}.{" "}
        <strong>Input layer: {data.features} units</strong>, whatever the batch size.
      </p>
      <p class="lab-note no-js-only">
        JavaScript is off: this is the default run, computed when the page was built. The settings and buttons need
        JavaScript to train.
      </p>
      <div role="status">
        {notices.length > 0 && (
          <div class="lab-warning lab-ignored">
            <ul aria-label="Settings adjusted">
              {notices.map((message) => <li key={message}>{message}</li>)}
            </ul>
            <button type="button" class="secondary" onClick={dismiss}>Dismiss</button>
          </div>
        )}
      </div>
      {/* Until the island runs (and without JavaScript) every control is disabled: none of them could do anything. */}
      <fieldset class="lab-shell" disabled={!hydrated}>
        <legend class="visually-hidden">Batch-size lab</legend>
        <Controls
          fieldsetRef={controlsRef}
          state={state}
          maxBatch={data.n}
          features={data.features}
          onChange={update}
          onTrain={() => setTrainCount((c) => c + 1)}
          training={training}
        />
        <dl class="lab-outputs" aria-busy={training ? "true" : undefined}>
          {outputs.map(([label, value], i) => (
            <div key={label}>
              <dt id={`${id}-out-${i}`}>{label}</dt>
              <dd>
                <output aria-labelledby={`${id}-out-${i}`} aria-live="off">{value}</output>
              </dd>
            </div>
          ))}
        </dl>
        <p class="lab-note">
          Final loss is the mean squared error over all {formatCount(data.n)} rows after the last epoch, in standardised units
          (the target scaled to mean 0 and standard deviation 1), so 1 is what always predicting the mean would score.
          {run && ` It started at ${formatLoss(run.initialFullLoss)}.`}
          {training && " Training…"}
        </p>
        {run?.divergence && <p class="lab-warning" role="alert">{run.divergence}</p>}
        {run?.growthWarning && <p class="lab-warning">{run.growthWarning}</p>}
        {runError && <p class="lab-warning" role="alert">{runError}</p>}
        <Announcer run={run} />
        <LossPanel run={run} state={state} dataLabel={data.description} onAxis={(xAxis) => update({ xAxis })} />
        <SweepPanel settings={settings} data={data} />
        <NoisePanel settings={settings} data={data} run={run} />
        <ExportPanel run={run} settings={settings} data={data} />
        <OwnDataPanel data={data} onData={changeData} />
      </fieldset>
      {IS_SERVER && live?.run && <ShippedBlock kind="run" data={shippableRun(runKey, live.run)} />}
    </div>
  );
}
