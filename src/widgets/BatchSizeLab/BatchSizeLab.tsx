/**
 * Lesson 6's batch-size lab: one model trained on the same data with any batch size, live, laid out
 * as a dashboard you watch train (after TensorFlow Playground): settings, the run's numbers, Play,
 * Pause and Step over the computed run with its counters, the batch strip, the network's weights,
 * the loss and the predictions, all on one screen. The settings live in the address
 * (useLabUrlState), the arithmetic in the engine (labRun.ts, runReplay.ts), and the panels are thin
 * views; below the dashboard: the console explained, a sweep over all batch sizes, the
 * gradient-noise measurement, exports, and the reader's own data.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { GREENHOUSE_COLUMNS } from "../../engine/greenhouse";
import { NetworkDiagram } from "../lib/NetworkDiagram";
import { PredictionPlot } from "../lib/PredictionPlot";
import { publishRun } from "../lib/runEvents";
import { useHydrated } from "../lib/useHydrated";
import { usePrefersReducedMotion } from "../lib/usePrefersReducedMotion";
import { batchStrip, describeStrip } from "./batchStrip";
import { BatchStripView } from "./BatchStripView";
import { ConsolePanel } from "./ConsolePanel";
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
import { PlaybackBar } from "./PlaybackBar";
import { playbackReducer, positionAfter, progressAt, updatesPerSecond, type PlaybackAction, type PlaybackSpeed, type PlaybackState } from "./playback";
import { modelParameters, predictRows, replayable, RunReplay } from "./runReplay";
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

/** The playhead, remembered with the run it belongs to: a new run rests at its end without an extra render. */
interface Playhead extends PlaybackState {
  run: LabRun | null;
}

/**
 * Play, Pause and Step over `run`. Play advances whole updates on animation frames at the chosen
 * rate; Step and Pause are announced.
 */
function usePlayback(run: LabRun | null, speed: PlaybackSpeed) {
  const end = run?.updates ?? 0;
  const [stored, setStored] = useState<Playhead>({ run, position: end, playing: false });
  const playhead: Playhead = stored.run === run ? stored : { run, position: end, playing: false };
  const runRef = useRef(run);
  runRef.current = run;
  const positionRef = useRef(playhead.position);
  positionRef.current = playhead.position;

  const dispatch = (action: PlaybackAction) =>
    setStored((previous) => {
      const current = runRef.current;
      const last = current?.updates ?? 0;
      const base = previous.run === current ? previous : { run: current, position: last, playing: false };
      const next = playbackReducer(base, action, last);
      return next.position === previous.position && next.playing === previous.playing && previous.run === current ? previous : { ...next, run: current };
    });

  useEffect(() => {
    if (!playhead.playing || !run) return undefined;
    const rate = updatesPerSecond(speed, end);
    const start = positionRef.current;
    const began = performance.now();
    let frame = requestAnimationFrame(function tick() {
      const to = positionAfter(start, performance.now() - began, rate, end);
      dispatch({ kind: "tick", to });
      if (to < end) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playhead.playing, run, speed]);

  return { position: playhead.position, playing: playhead.playing, end, dispatch };
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
  const ready = useHydrated();
  const reducedMotion = usePrefersReducedMotion();
  const [speed, setSpeed] = useState<PlaybackSpeed>("normal");
  const [playbackNews, setPlaybackNews] = useState("");

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

  // The playhead and what the run looks like there: weights, predictions, counters, the batch strip.
  const { position, playing, end, dispatch } = usePlayback(run, speed);
  const replayRef = useRef<{ run: LabRun; replay: RunReplay } | null>(null);
  const weights = useMemo(() => {
    if (!run) return null;
    if (position >= run.updates) return run.finalWeights;
    if (replayRef.current?.run !== run) replayRef.current = { run, replay: new RunReplay(run.settings, data.dataset, run.updates, run.finalWeights) };
    return replayRef.current.replay.weightsAt(position);
  }, [run, position]);
  const predictions = useMemo(() => (run && weights ? predictRows(run.settings.model, data.dataset, weights) : null), [weights]);
  const strip = useMemo(
    () => (run ? batchStrip(run.n, position, { ...run.settings, iterationsPerEpoch: run.iterationsPerEpoch }) : null),
    [run, position],
  );
  const progress = run ? progressAt({ batchRows: run.batchRows, epochs: run.settings.epochs }, position) : null;
  const atRest = !playing && position >= end;
  const canReplay = run !== null && replayable(run, data.features);

  const step = () => {
    const next = playbackReducer({ position, playing }, { kind: "step" }, end);
    dispatch({ kind: "step" });
    if (run) {
      const after = batchStrip(run.n, next.position, { ...run.settings, iterationsPerEpoch: run.iterationsPerEpoch });
      const reshuffled = run.settings.shuffle && after.epoch > 1 && after.iteration === 1 ? " The rows were reshuffled." : "";
      setPlaybackNews(`Update ${next.position} of ${end}. ${describeStrip(after, run.iterationsPerEpoch)}${reshuffled}`);
    }
  };
  const pause = () => {
    dispatch({ kind: "pause" });
    setPlaybackNews(`Paused at update ${position} of ${end}.`);
  };
  const inputLabels = data.kind === "greenhouse" ? GREENHOUSE_COLUMNS.filter((c) => c.role === "input").map((c) => c.label) : data.featureNames;
  const outputLabel = data.kind === "greenhouse" ? GREENHOUSE_COLUMNS.find((c) => c.role === "target")!.label : data.targetName;
  const fitError = predictions ? predictions.reduce((sum, p, i) => sum + (p - data.dataset.y[i]!) ** 2, 0) / predictions.length : Number.NaN;

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
        <div class="lab-dashboard">
          <Controls
            fieldsetRef={controlsRef}
            state={state}
            maxBatch={data.n}
            features={data.features}
            onChange={update}
            onTrain={() => setTrainCount((c) => c + 1)}
            training={training}
          />
          <div class="lab-results">
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
            {run?.divergence && <p class="lab-warning" role="alert">{run.divergence}</p>}
            {run?.growthWarning && <p class="lab-warning">{run.growthWarning}</p>}
            {runError && <p class="lab-warning" role="alert">{runError}</p>}
          </div>
          {progress && (
            <PlaybackBar
              progress={progress}
              playing={playing}
              end={canReplay ? end : 0}
              unavailable={canReplay ? null : "This run is too long to replay on the page: the counters and figures show where it ended."}
              speed={speed}
              ready={ready}
              reducedMotion={reducedMotion}
              announcement={playbackNews}
              onPlay={() => {
                dispatch({ kind: "play" });
                setPlaybackNews(position >= end ? `Replaying from the start: ${end} updates.` : `Playing from update ${position}.`);
              }}
              onPause={pause}
              onStep={step}
              onSeek={(to) => dispatch({ kind: "seek", to })}
              onSpeed={setSpeed}
            />
          )}
          {run && strip && (
            <BatchStripView strip={strip} batchSize={run.settings.batchSize} iterationsPerEpoch={run.iterationsPerEpoch} shuffle={run.settings.shuffle} />
          )}
          <div class="lab-network">
            {run && weights && (
              <NetworkDiagram
                parameters={modelParameters(run.settings.model, data.features)}
                weights={weights}
                inputLabels={inputLabels}
                outputLabel={outputLabel}
                activation={run.settings.model === "mlp" ? "tanh" : undefined}
                title={atRest ? `Network after training (${formatCount(end)} updates)` : `Network after update ${formatCount(position)}`}
              />
            )}
          </div>
          <LossPanel run={run} state={state} data={data} position={atRest ? null : position} onAxis={(xAxis) => update({ xAxis })} />
          <div class="lab-predictions">
            {run && predictions && (
              <PredictionPlot
                title={`Predicted against measured ${outputLabel.toLowerCase()}`}
                rowsLabel={`one of the ${formatCount(data.n)} rows`}
                measured={data.dataset.y}
                predicted={predictions}
                highlight={atRest || !strip ? [] : strip.rows.map((row) => row - 1)}
                highlightLabel="the current batch"
                quantity={`${outputLabel.toLowerCase()} (standardised)`}
                format={formatLoss}
                summary={`Standardised units. Mean squared error of these predictions: ${formatLoss(fitError)}${atRest ? " (the final loss)" : ""}.`}
              />
            )}
          </div>
        </div>
        <p class="lab-note">
          Final loss is the mean squared error over all {formatCount(data.n)} rows after the last epoch, in standardised units
          (the target scaled to mean 0 and standard deviation 1), so 1 is what always predicting the mean would score.
          {run && ` It started at ${formatLoss(run.initialFullLoss)}.`}
          {training && " Training…"}
        </p>
        <Announcer run={run} />
        {run && <ConsolePanel run={run} position={position} />}
        <SweepPanel settings={settings} data={data} />
        <NoisePanel settings={settings} data={data} run={run} />
        <ExportPanel run={run} settings={settings} data={data} />
        <OwnDataPanel data={data} onData={changeData} />
      </fieldset>
      {IS_SERVER && live?.run && <ShippedBlock kind="run" data={shippableRun(runKey, live.run)} />}
    </div>
  );
}
