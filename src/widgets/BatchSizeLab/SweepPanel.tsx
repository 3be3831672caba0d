/**
 * The sweep: the current settings trained at every batch size (1..N, or 50 sizes spread over 1..N on
 * large data) with several seeds each, the mean final loss with the lowest-to-highest band of the
 * seeds, and total updates, plotted against batch size. Small data trains on the main thread in
 * slices of about 12 ms between timers; large data trains in the worker, one run per message.
 * Either way the page keeps responding and the sweep can be cancelled.
 */
import type { JSX, RefObject } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { LineChart } from "../lib/LineChart";
import { publishRun } from "../lib/runEvents";
import type { LabData } from "./dataSource";
import { describeSettings } from "./labState";
import { formatLoss, sweepBatchSizes, sweepRow, type LabSettings, type SweepRow } from "../../course/lab";
import { isLargeJob } from "./labRun";
import { summariseSeeds, sweepSeeds, SWEEP_SEEDS, type SweepPoint } from "./sweepSeeds";
import { CancelledError, TrainWorkerClient } from "./workerClient";

/** Main-thread time per slice before yielding to the page. */
const SLICE_MS = 12;

interface SweepPanelProps {
  settings: LabSettings;
  data: LabData;
}

interface SweepResult {
  rows: SweepPoint[];
  settingsText: string;
  settingsKey: string;
  complete: boolean;
}

function keyOf(settings: LabSettings, data: LabData): string {
  const { batchSize: _b, ...rest } = settings;
  return `${JSON.stringify(rest)}|${data.kind}|${data.n}|${data.features}`;
}

export function SweepPanel({ settings, data }: SweepPanelProps): JSX.Element {
  const id = useId();
  const [result, setResult] = useState<SweepResult | null>(null);
  const [progress, setProgress] = useState("");
  const [running, setRunning] = useState(false);
  const cancelRef = useRef<(() => void) | null>(null);
  const workerRef = useRef<TrainWorkerClient | null>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /**
   * Focus follows the one button that can act: onto Cancel when a sweep starts from Run, back onto Run when it ends
   * with focus on Cancel. The buttons are aria-disabled, never disabled: a disabled button drops focus onto the page.
   */
  const handOver = (from: RefObject<HTMLButtonElement>, to: RefObject<HTMLButtonElement>) => {
    if (document.activeElement === from.current) to.current?.focus();
  };

  useEffect(() => () => {
    cancelRef.current?.();
    workerRef.current?.cancel();
  }, []);

  const start = () => {
    if (running) return;
    cancelRef.current?.();
    const sizes = sweepBatchSizes(data.n);
    const runSettings = { ...settings };
    const seeds = sweepSeeds(runSettings.seed);
    const settingsKey = keyOf(runSettings, data);
    const { batchSize: _b, seed: _s, ...rest } = runSettings;
    const settingsText = describeSettings({ ...rest, seed: 0, batchSize: 0, xAxis: "epoch" })
      .replace(/^B=0, /, "")
      .replace("seed 0", `seeds ${seeds[0]}–${seeds[seeds.length - 1]}`);
    // One run per (batch size, seed); a batch size is summarised once its last seed is in.
    const jobs = sizes.flatMap((batchSize) => seeds.map((seed) => ({ batchSize, seed })));
    const runs: SweepRow[] = [];
    const rows: SweepPoint[] = [];
    const take = (row: SweepRow) => {
      runs.push(row);
      if (runs.length % seeds.length === 0) rows.push(summariseSeeds(runs.slice(-seeds.length)));
    };
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRunning(true);
    setProgress(`Sweep: 0 of ${sizes.length} batch sizes`);
    handOver(runButton, cancelButton);

    const finish = () => {
      setRunning(false);
      handOver(cancelButton, runButton);
      setResult({ rows: rows.slice(), settingsText, settingsKey, complete: true });
      setProgress(`Sweep finished: ${sizes.length} batch sizes trained. Each with ${seeds.length} seeds: ${jobs.length} runs.`);
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      const best = rows.reduce((a, b) => (Number.isFinite(b.mean) && !(b.mean >= a.mean) ? b : a), first);
      publishRun("batch-size-sweep", {
        epochs: runSettings.epochs,
        learningRate: runSettings.learningRate,
        seeds: seeds.length,
        lossAtSmallest: first.mean,
        lossAtLargest: last.mean,
        lossRatio: last.mean / first.mean,
        bestBatchSize: best.batchSize,
      });
    };
    // Only the progress line changes while the sweep runs; charts and table render once, at the end.
    const report = () => setProgress(`Sweep: ${rows.length} of ${sizes.length} batch sizes`);

    if (isLargeJob(data.n, runSettings.epochs, data.features)) {
      const worker = (workerRef.current ??= new TrainWorkerClient());
      cancelRef.current = () => {
        cancelled = true;
        worker.cancel();
      };
      (async () => {
        try {
          for (const job of jobs) {
            take(await worker.sweepRow({ ...runSettings, seed: job.seed }, data.dataset, job.batchSize));
            if (cancelled) return;
            report();
          }
          finish();
        } catch (error) {
          if (!(error instanceof CancelledError)) {
            setRunning(false);
            handOver(cancelButton, runButton);
            setProgress(`The sweep stopped: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      })();
      return;
    }

    cancelRef.current = () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
    const slice = () => {
      if (cancelled) return;
      const began = performance.now();
      while (runs.length < jobs.length && performance.now() - began < SLICE_MS) {
        const job = jobs[runs.length]!;
        take(sweepRow({ ...runSettings, seed: job.seed }, data.dataset, job.batchSize));
      }
      if (runs.length === jobs.length) finish();
      else {
        report();
        timer = setTimeout(slice, 0);
      }
    };
    timer = setTimeout(slice, 0);
  };

  const cancel = () => {
    if (!running) return;
    cancelRef.current?.();
    cancelRef.current = null;
    setRunning(false);
    handOver(cancelButton, runButton);
    setProgress((text) => `Sweep cancelled (${text.replace(/^Sweep: /, "")} done).`);
  };

  const rows = result?.rows ?? [];
  const stale = result !== null && !running && result.settingsKey !== keyOf(settings, data);
  const lossSeries = useMemo(
    () => [{ id: "loss", label: `Mean final loss over ${SWEEP_SEEDS} seeds`, points: rows.map((r) => ({ x: r.batchSize, y: r.mean })), color: "var(--cat-1)", markers: true }],
    [result],
  );
  const lossBand = useMemo(
    () => [{ id: "spread", label: `Lowest to highest of the ${SWEEP_SEEDS} seeds`, points: rows.map((r) => ({ x: r.batchSize, lo: r.min, hi: r.max })), color: "var(--cat-1)" }],
    [result],
  );
  const updateSeries = useMemo(
    () => [{ id: "updates", label: "Total weight updates", points: rows.map((r) => ({ x: r.batchSize, y: r.updates })), color: "var(--cat-2)", markers: true }],
    [result],
  );
  const sizesEnd = useMemo<[number, number]>(() => [1, data.n], [data.n]);
  const diverged = rows.reduce((sum, r) => sum + r.diverged, 0);

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Sweep over batch sizes</h3>
      <p>
        Train the current settings for every batch size{data.n > 50 ? " (50 sizes spread from 1 to N)" : ` from 1 to ${data.n}`}, each with{" "}
        {SWEEP_SEEDS} seeds (the seed sets the starting weights and the shuffles), then compare where they end.
      </p>
      <div class="lab-row">
        <button type="button" ref={runButton} onClick={start} aria-disabled={running ? "true" : undefined}>Run sweep</button>
        <button type="button" ref={cancelButton} class="secondary" onClick={cancel} aria-disabled={running ? undefined : "true"}>
          Cancel sweep
        </button>
        <p role="status" class="lab-note">{progress}</p>
      </div>
      {result !== null && (
        <>
          <p class="lab-note">
            Settings of this sweep: {result.settingsText}.
            {stale && " The settings have changed since: run the sweep again to compare."}
            {diverged > 0 && ` ${diverged} run${diverged === 1 ? "" : "s"} diverged (loss not finite); they are left out of the means and bands.`}
          </p>
          <p class="lab-note">
            The dots are the mean final loss over the {SWEEP_SEEDS} seeds; the band runs from the lowest to the highest of them (the full range,
            not ±1 standard deviation). Where two neighbouring batch sizes differ by less than the band is wide, the difference is the seed's doing,
            not the batch size's.
          </p>
          <div class="lab-charts-2">
            <LineChart
              title={`Final full-dataset loss against batch size (mean and range of ${SWEEP_SEEDS} seeds)`}
              xLabel="Batch size"
              yLabel="Final loss (MSE)"
              yScale="log"
              xDomain={sizesEnd}
              xTicksInclude={sizesEnd}
              series={lossSeries}
              bands={lossBand}
              formatY={formatLoss}
              height={240}
            />
            <LineChart
              title="Total updates against batch size"
              xLabel="Batch size"
              yLabel="Weight updates"
              xDomain={sizesEnd}
              xTicksInclude={sizesEnd}
              series={updateSeries}
              height={240}
            />
          </div>
          <div class="lab-table-scroll">
            <table>
              <caption>Sweep results</caption>
              <thead>
                <tr>
                  <th scope="col">Batch size</th>
                  <th scope="col">Iterations per epoch</th>
                  <th scope="col">Weight updates</th>
                  <th scope="col">Mean final loss ({SWEEP_SEEDS} seeds)</th>
                  <th scope="col">Lowest</th>
                  <th scope="col">Highest</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.batchSize}>
                    <th scope="row">{r.batchSize}</th>
                    <td>{r.iterationsPerEpoch}</td>
                    <td>{r.updates}</td>
                    <td>{r.diverged === SWEEP_SEEDS ? "diverged" : `${formatLoss(r.mean)}${r.diverged > 0 ? ` (${r.diverged} diverged)` : ""}`}</td>
                    <td>{r.diverged === SWEEP_SEEDS ? "" : formatLoss(r.min)}</td>
                    <td>{r.diverged === SWEEP_SEEDS ? "" : formatLoss(r.max)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
