/**
 * Gradient noise, measured: how far mini-batch gradients scatter around the full-batch gradient at
 * each batch size, next to the sampling-without-replacement prediction (σ²/B)(N−B)/(N−1).
 * The first render (and the server's static figure) measures at the initial weights synchronously;
 * later measurements run after a short pause, in the worker for large data.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { LineChart } from "../lib/LineChart";
import type { LabData } from "./dataSource";
import { formatLoss, initialWeights, measureNoise, type LabRun, type LabSettings, type NoiseResult, type NoiseWeights } from "../../course/lab";
import { isLargeJob } from "./labRun";
import { IS_SERVER, ShippedBlock } from "./ShippedBlock";
import { shippableNoise, takeShippedNoise } from "./shipped";
import { CancelledError, TrainWorkerClient } from "./workerClient";

interface NoisePanelProps {
  settings: LabSettings;
  data: LabData;
  run: LabRun | null;
}

function formatValue(v: number): string {
  return formatLoss(v);
}

/** What the first measurement depends on: the model, the seed and the data. */
function initialNoiseKey(settings: LabSettings, data: LabData): string {
  return `${settings.model}|${settings.seed}|${data.kind}|${data.n}|${data.features}`;
}

export function NoisePanel({ settings, data, run }: NoisePanelProps): JSX.Element {
  const id = useId();
  const [which, setWhich] = useState<NoiseWeights>("initial");
  const [logLog, setLogLog] = useState(false);
  const initialKey = initialNoiseKey(settings, data);
  // The server measures and ships the result in the page; hydration reads it instead of measuring
  // again (about 60 ms of main-thread work on a phone). Without it, measure here as before.
  const [noise, setNoise] = useState<NoiseResult | null>(() =>
    isLargeJob(data.n, 1, data.features)
      ? null
      : (takeShippedNoise(initialKey) ?? measureNoise(settings.model, data.dataset, initialWeights(settings, data.features), "initial")),
  );
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const workerRef = useRef<TrainWorkerClient | null>(null);
  const first = useRef(true);

  const trainedUsable = run !== null && run.divergence === null && run.finalWeights.every(Number.isFinite);
  const effective: NoiseWeights = which === "trained" && trainedUsable ? "trained" : "initial";
  // What the measurement depends on: for initial weights the model, seed and data; for trained ones the run itself.
  const dependency = effective === "initial" ? `${settings.model}|${settings.seed}` : run;

  useEffect(() => {
    if (first.current && noise !== null && effective === "initial") {
      first.current = false;
      return undefined;
    }
    first.current = false;
    const weights = effective === "trained" && run ? run.finalWeights : initialWeights(settings, data.features);
    setPending(true);
    const large = isLargeJob(data.n, 1, data.features);
    if (large) {
      // The worker is kept: a newer measurement supersedes this one (see workerClient.ts).
      const worker = (workerRef.current ??= new TrainWorkerClient());
      let wanted = true;
      worker
        .noise(settings.model, data.dataset, weights, effective)
        .then((result) => {
          if (!wanted) return;
          setNoise(result);
          setPending(false);
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (wanted && !(error instanceof CancelledError)) {
            setPending(false);
            setProblem(error instanceof Error ? error.message : String(error));
          }
        });
      return () => {
        wanted = false;
      };
    }
    const timer = setTimeout(() => {
      try {
        setNoise(measureNoise(settings.model, data.dataset, weights, effective));
        setProblem(null);
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
      setPending(false);
    }, 150);
    return () => clearTimeout(timer);
  }, [dependency, data, effective]);

  useEffect(() => () => workerRef.current?.cancel(), []);

  const points = noise?.points ?? [];
  const n = noise?.n ?? data.n;
  const series = useMemo(
    () => [
      { id: "measured", label: "Measured", points: points.map((p) => ({ x: p.batchSize, y: p.measuredVariance })), color: "var(--cat-1)", markers: true, width: 1.5 },
      { id: "predicted", label: "Predicted (σ²/B)(N−B)/(N−1)", points: points.map((p) => ({ x: p.batchSize, y: p.predictedVariance })), color: "var(--cat-2)", width: 2.5, dash: "6 4" },
    ],
    [noise],
  );
  const atN = points.find((p) => p.batchSize === n);
  // The axis spans the batch sizes measured, 1 to N, and labels both ends: the curve's last point is B = N.
  const xDomain = useMemo<[number, number]>(() => [1, n], [n]);

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Gradient noise at each batch size</h3>
      <div class="lab-row">
        <fieldset class="lab-radios">
          <legend>Measure at</legend>
          <label>
            <input type="radio" name={`${id}-w`} checked={which === "initial"} onChange={() => setWhich("initial")} />
            the initial weights (before training)
          </label>
          <label>
            <input type="radio" name={`${id}-w`} checked={which === "trained"} onChange={() => setWhich("trained")} />
            the trained weights (after this run)
          </label>
        </fieldset>
        <label class="lab-inline">
          <input type="checkbox" checked={logLog} onChange={(e) => setLogLog(e.currentTarget.checked)} />
          Log–log axes
        </label>
      </div>
      {which === "trained" && !trainedUsable && (
        <p class="lab-warning">This run diverged, so its weights are not finite; the panel measures at the initial weights instead.</p>
      )}
      <p class="lab-note" aria-live="polite">
        {pending
          ? "Measuring…"
          : noise
            ? `Measured at the ${noise.weights === "initial" ? "initial weights (before training)" : "trained weights (after this run)"}: ${noise.samplesPerSize} random batches per batch size; per-sample gradient variance σ² = ${formatValue(noise.sigma2)}.`
            : ""}
      </p>
      {problem && <p class="lab-warning">{problem}</p>}
      <LineChart
        title="Spread of mini-batch gradients around the full-batch gradient"
        description="Measured mean squared distance between a mini-batch gradient and the full-batch gradient, and the formula's prediction, for each batch size."
        xLabel="Batch size B"
        yLabel="Variance ‖ḡ_B − g‖²"
        xScale={logLog ? "log" : "linear"}
        yScale={logLog ? "log" : "linear"}
        xDomain={xDomain}
        xTicksInclude={xDomain}
        series={series}
        formatY={formatValue}
        tableXLabel="Batch size"
        height={260}
      />
      {atN && (
        <p>
          At B = {n} = N the measured variance is <strong>{formatValue(atN.measuredVariance)}</strong> and the prediction{" "}
          <strong>{formatValue(atN.predictedVariance)}</strong>: every batch is the whole data set, so every batch gradient is the full gradient.
          {points.length > 1 && points[1]!.batchSize === 2 && (
            <>
              {" "}From B = 1 to B = 2 the variance falls from {formatValue(points[0]!.measuredVariance)} to {formatValue(points[1]!.measuredVariance)},
              and the standard deviation from {formatValue(points[0]!.measuredStd)} to {formatValue(points[1]!.measuredStd)} (÷√2 ≈ 1.41).
            </>
          )}
        </p>
      )}
      {IS_SERVER && noise && <ShippedBlock kind="noise" data={shippableNoise(initialKey, noise)} />}
    </section>
  );
}
