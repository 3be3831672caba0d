/**
 * The sweep: the current settings trained at every batch size (1..N, or 50 sizes spread over 1..N on
 * large data), final loss and total updates plotted against batch size. Small data trains on the
 * main thread in slices of about 12 ms between timers; large data trains in the worker, one size
 * per message. Either way the page keeps responding and the sweep can be cancelled.
 */
import type { JSX, RefObject } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { LineChart } from "../lib/LineChart";
import { publishRun } from "../lib/runEvents";
import type { LabData } from "./dataSource";
import { describeSettings } from "./labState";
import { formatLoss, sweepBatchSizes, sweepRow, type LabSettings, type SweepRow } from "../../course/lab";
import { isLargeJob } from "./labRun";
import { CancelledError, TrainWorkerClient } from "./workerClient";

/** Main-thread time per slice before yielding to the page. */
const SLICE_MS = 12;

interface SweepPanelProps {
  settings: LabSettings;
  data: LabData;
}

interface SweepResult {
  rows: SweepRow[];
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
    const settingsKey = keyOf(runSettings, data);
    const { batchSize: _b, ...rest } = runSettings;
    const settingsText = describeSettings({ ...rest, batchSize: 0, xAxis: "epoch" }).replace(/^B=0, /, "");
    const rows: SweepRow[] = [];
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRunning(true);
    setProgress(`Sweep: 0 of ${sizes.length}`);
    handOver(runButton, cancelButton);

    const finish = () => {
      setRunning(false);
      handOver(cancelButton, runButton);
      setResult({ rows: rows.slice(), settingsText, settingsKey, complete: true });
      setProgress(`Sweep finished: ${sizes.length} batch sizes trained.`);
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      const best = rows.reduce((a, b) => (Number.isFinite(b.finalLoss) && !(b.finalLoss >= a.finalLoss) ? b : a), first);
      publishRun("batch-size-sweep", {
        epochs: runSettings.epochs,
        learningRate: runSettings.learningRate,
        lossAtSmallest: first.finalLoss,
        lossAtLargest: last.finalLoss,
        lossRatio: last.finalLoss / first.finalLoss,
        bestBatchSize: best.batchSize,
      });
    };
    // Only the progress line changes while the sweep runs; charts and table render once, at the end.
    const report = () => setProgress(`Sweep: ${rows.length} of ${sizes.length}`);

    if (isLargeJob(data.n, runSettings.epochs, data.features)) {
      const worker = (workerRef.current ??= new TrainWorkerClient());
      cancelRef.current = () => {
        cancelled = true;
        worker.cancel();
      };
      (async () => {
        try {
          for (const b of sizes) {
            rows.push(await worker.sweepRow(runSettings, data.dataset, b));
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
      while (rows.length < sizes.length && performance.now() - began < SLICE_MS) {
        rows.push(sweepRow(runSettings, data.dataset, sizes[rows.length]!));
      }
      if (rows.length === sizes.length) finish();
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
    setProgress((text) => `Sweep cancelled (${text.replace(/^Sweep: /, "").replace(" of ", " of ")} batch sizes done).`);
  };

  const rows = result?.rows ?? [];
  const stale = result !== null && !running && result.settingsKey !== keyOf(settings, data);
  const lossSeries = useMemo(
    () => [{ id: "loss", label: "Final loss after the last epoch", points: rows.map((r) => ({ x: r.batchSize, y: r.finalLoss })), color: "var(--batch-1)", markers: true }],
    [result],
  );
  const updateSeries = useMemo(
    () => [{ id: "updates", label: "Total weight updates", points: rows.map((r) => ({ x: r.batchSize, y: r.updates })), color: "var(--batch-2)", markers: true }],
    [result],
  );
  const diverged = rows.filter((r) => r.diverged).length;

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Sweep over batch sizes</h3>
      <p>
        Train the current settings once for every batch size{data.n > 50 ? " (50 sizes spread from 1 to N)" : ` from 1 to ${data.n}`},
        then compare where each ends.
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
            {diverged > 0 && ` ${diverged} batch size${diverged === 1 ? "" : "s"} diverged (loss not finite); they are left out of the loss chart.`}
          </p>
          <div class="lab-charts-2">
            <LineChart
              title="Final full-dataset loss against batch size"
              xLabel="Batch size"
              yLabel="Final loss (MSE)"
              yScale="log"
              series={lossSeries}
              formatY={formatLoss}
              height={240}
            />
            <LineChart
              title="Total updates against batch size"
              xLabel="Batch size"
              yLabel="Weight updates"
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
                  <th scope="col">Final loss</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.batchSize}>
                    <th scope="row">{r.batchSize}</th>
                    <td>{r.iterationsPerEpoch}</td>
                    <td>{r.updates}</td>
                    <td>{r.diverged ? "diverged" : formatLoss(r.finalLoss)}</td>
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
