/**
 * Lesson 8: how much memory one training step needs for a network the reader describes, split into
 * weights, gradients, optimizer state and activations (engine: memory.ts), the largest batch that
 * fits a budget, total memory against batch size, and how little the feature count moves it.
 */
import type { JSX } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { largestBatchForBudget, trainingMemory, type BytesPerValue, type TrainingMemorySpec } from "../../engine/memory";
import type { OptimizerKind } from "../../engine/optimizers";
import { NumberField } from "../lib/NumberField";
import { useHydrated } from "../lib/useHydrated";
import { publishRun } from "../lib/runEvents";
import { describedNetworkSpec, featureComparison, MEMORY_DEFAULTS, MEMORY_EXAMPLE, percentChange, type DescribedNetwork } from "../../course/memory";
import { batchSamples, budgetBytes, formatBytes, formatCount, HIDDEN_LAYERS_MAX_LENGTH, memoryAt, parseHiddenLayers, TERM_LABELS, TERMS, type BudgetUnit } from "./memoryHelpers";
import "./MemoryCalculator.css";

export interface MemoryCalculatorProps {
  features?: number;
  hidden?: string;
  batchSize?: number;
  budget?: number;
  budgetUnit?: BudgetUnit;
}

const DTYPES: { value: BytesPerValue; label: string }[] = [
  { value: 2, label: "float16 (2 bytes)" },
  { value: 4, label: "float32 (4 bytes)" },
  { value: 8, label: "float64 (8 bytes)" },
];
const OPTIMIZERS: { value: OptimizerKind; label: string }[] = [
  { value: "sgd", label: "SGD (no state)" },
  { value: "momentum", label: "SGD with momentum (1 value per weight)" },
  { value: "adam", label: "Adam (2 values per weight)" },
];

const BINDING_TEXT = {
  activations: "activations: one more sample's activations would not fit",
  parameters: "parameters: weights, gradients and optimizer state leave no room for even one sample, so no batch size helps",
} as const;

export default function MemoryCalculator(props: MemoryCalculatorProps): JSX.Element {
  const id = useId();
  const hydrated = useHydrated();
  const initialHidden = props.hidden ?? MEMORY_EXAMPLE.hidden.join(", ");
  const [features, setFeatures] = useState(props.features ?? MEMORY_EXAMPLE.features);
  const [hiddenText, setHiddenText] = useState(initialHidden);
  const [hidden, setHidden] = useState<number[]>(() => {
    const parsed = parseHiddenLayers(initialHidden);
    return parsed.ok ? parsed.value : [...MEMORY_EXAMPLE.hidden];
  });
  const [hiddenError, setHiddenError] = useState<string | null>(null);
  const [outputs, setOutputs] = useState(MEMORY_EXAMPLE.outputs);
  const [timesteps, setTimesteps] = useState(1);
  const [useLstm, setUseLstm] = useState(false);
  const [lstmUnits, setLstmUnits] = useState<number>(MEMORY_DEFAULTS.lstmUnits);
  const [bytesPerValue, setBytesPerValue] = useState<BytesPerValue>(MEMORY_EXAMPLE.bytesPerValue);
  const [optimizer, setOptimizer] = useState<OptimizerKind>(MEMORY_EXAMPLE.optimizer);
  const [batchSize, setBatchSize] = useState<number>(props.batchSize ?? MEMORY_DEFAULTS.batchSize);
  const [budgetAmount, setBudgetAmount] = useState<number>(props.budget ?? MEMORY_DEFAULTS.budget);
  const [budgetUnit, setBudgetUnit] = useState<BudgetUnit>(props.budgetUnit ?? MEMORY_DEFAULTS.budgetUnit);

  const net: DescribedNetwork = useMemo(
    () => ({ features, hidden, outputs, timesteps, lstmUnits: useLstm ? lstmUnits : null }),
    [features, hidden, outputs, useLstm, lstmUnits, timesteps],
  );
  const spec: TrainingMemorySpec = useMemo(() => ({ network: describedNetworkSpec(net), bytesPerValue, optimizer }), [net, bytesPerValue, optimizer]);
  const budget = budgetBytes(budgetAmount, budgetUnit);
  const memory = useMemo(() => trainingMemory(spec, batchSize), [spec, batchSize]);
  const fit = useMemo(() => largestBatchForBudget(spec, budget), [spec, budget]);
  const comparison = useMemo(() => featureComparison(net, spec, budget, MEMORY_DEFAULTS.compareFeatures), [net, spec, budget]);
  const samples = useMemo(() => memoryAt(spec, batchSamples(fit.batchSize)), [spec, fit.batchSize]);
  const budgetText = `${budgetAmount.toLocaleString("en-US")} ${budgetUnit}`;

  const onHidden = (text: string): void => {
    setHiddenText(text);
    const parsed = parseHiddenLayers(text);
    if (parsed.ok) {
      setHiddenError(null);
      setHidden(parsed.value);
    } else {
      setHiddenError(parsed.message);
    }
  };

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    publishRun("memory-calculator", {
      features,
      batchSize,
      budgetBytes: budget,
      parameters: memory.parameters,
      weights: memory.weights,
      activations: memory.activations,
      total: memory.total,
      largestBatch: fit.batchSize,
    });
  }, [memory, fit]);

  const summary =
    `At batch size ${formatCount(batchSize)} one training step needs ${formatBytes(memory.total)}, ` +
    `of which activations ${formatBytes(memory.activations)}. Largest batch for ${budgetText}: ${formatCount(fit.batchSize)}.`;

  // Stacked bar: each term's share of the total at the chosen batch size.
  const BAR_W = 600;
  let offset = 0;
  const segments = TERMS.map((term, index) => {
    const value = memory[term];
    const width = memory.total > 0 ? (value / memory.total) * BAR_W : 0;
    const segment = { term, value, x: offset, width, index };
    offset += width;
    return segment;
  });

  // Total memory against batch size: a straight line, fixed part at B = 0, slope = one sample's activations.
  const xMax = Math.max(64, Math.ceil(Math.max(fit.batchSize, batchSize) * 1.25));
  const atMax = trainingMemory(spec, xMax).total;
  const yMax = Math.max(atMax, budget) * 1.05;
  const CW = 600;
  const CH = 220;
  const CL = 96;
  const CB = 30;
  const cx = (b: number): number => CL + (b / xMax) * (CW - CL - 10);
  const cy = (bytes: number): number => 10 + (1 - bytes / yMax) * (CH - CB - 10);
  const fixed = memory.weights + memory.gradients + memory.optimizerState;

  return (
    <figure class="widget memory-calculator" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>Training memory calculator</strong>: describe a network, a batch size and a memory budget.
      </figcaption>

      <fieldset class="mc-controls needs-js" disabled={!hydrated}>
        <legend>The network</legend>
        <NumberField label="Features (inputs per sample or per time step)" min={1} max={1_000_000} integer value={features} onValid={setFeatures} />
        <div class="mc-field">
          <label for={`${id}-hidden`}>Hidden layers (units, comma-separated)</label>
          <input
            id={`${id}-hidden`}
            type="text"
            value={hiddenText}
            maxLength={HIDDEN_LAYERS_MAX_LENGTH}
            size={14}
            aria-invalid={hiddenError ? "true" : undefined}
            aria-describedby={hiddenError ? `${id}-hidden-error` : `${id}-hidden-hint`}
            onInput={(event) => onHidden(event.currentTarget.value)}
          />
          <small id={`${id}-hidden-hint`} class="mc-hint">e.g. {MEMORY_EXAMPLE.hidden.join(", ")}; empty for none</small>
          {hiddenError && (
            <p id={`${id}-hidden-error`} class="field-error" role="alert">
              {hiddenError}
            </p>
          )}
        </div>
        <NumberField label="Outputs" min={1} max={100_000} integer value={outputs} onValid={setOutputs} />
        <NumberField label="Sequence length (time steps)" min={1} max={10_000} integer value={timesteps} onValid={setTimesteps} />
        <div class="mc-field mc-lstm">
          <label>
            <input type="checkbox" checked={useLstm} onChange={(event) => setUseLstm(event.currentTarget.checked)} /> Start with an LSTM layer
          </label>
          {useLstm && <NumberField label="LSTM units" min={1} max={100_000} integer value={lstmUnits} onValid={setLstmUnits} />}
        </div>
        <div class="mc-field">
          <label for={`${id}-dtype`}>Number type</label>
          <select id={`${id}-dtype`} value={bytesPerValue} onChange={(event) => setBytesPerValue(Number(event.currentTarget.value) as BytesPerValue)}>
            {DTYPES.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div class="mc-field">
          <label for={`${id}-opt`}>Optimizer</label>
          <select id={`${id}-opt`} value={optimizer} onChange={(event) => setOptimizer(event.currentTarget.value as OptimizerKind)}>
            {OPTIMIZERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset class="mc-controls needs-js" disabled={!hydrated}>
        <legend>Batch and budget</legend>
        <NumberField label="Batch size" min={1} max={100_000_000} integer value={batchSize} onValid={setBatchSize} />
        <NumberField label="Memory budget" min={0.001} max={1_000_000} value={budgetAmount} onValid={setBudgetAmount} />
        <div class="mc-field">
          <label for={`${id}-unit`}>Budget unit</label>
          <select id={`${id}-unit`} value={budgetUnit} onChange={(event) => setBudgetUnit(event.currentTarget.value as BudgetUnit)}>
            <option value="MB">MB (10⁶ bytes)</option>
            <option value="GB">GB (10⁹ bytes)</option>
          </select>
        </div>
      </fieldset>

      <p class="mc-model">
        The network: {useLstm ? `windows of ${timesteps} × ${features} values → LSTM(${lstmUnits})` : timesteps > 1 ? `${timesteps} × ${features} = ${formatCount(timesteps * features)} inputs (a flattened window)` : `${formatCount(features)} inputs`}
        {hidden.map((u) => ` → ${formatCount(u)}`).join("")} → {formatCount(outputs)} {outputs === 1 ? "output" : "outputs"};{" "}
        <strong>{formatCount(memory.parameters)} parameters</strong>, stored as {bytesPerValue}-byte numbers.
      </p>

      <h3 class="mc-heading">Memory of one training step at batch size {formatCount(batchSize)}</h3>
      <svg class="mc-bar" viewBox={`0 0 ${BAR_W} 34`} role="img" aria-label={`Stacked bar: ${TERMS.map((t) => `${TERM_LABELS[t]} ${formatBytes(memory[t])}`).join(", ")}; total ${formatBytes(memory.total)}.`}>
        {segments.map((s) =>
          s.width > 0 ? <rect key={s.term} class={`mc-seg mc-seg-${s.index}`} x={s.x} y={2} width={s.width} height={30} /> : null,
        )}
      </svg>
      <section class="mc-scroll" aria-label="Memory terms" tabindex={0}>
      <table class="mc-table">
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Memory</th>
            <th scope="col">Bytes</th>
            <th scope="col">Share</th>
            <th scope="col">Grows with the batch size?</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.term}>
              <th scope="row">
                <span class={`mc-key mc-seg-${s.index}`} aria-hidden="true" /> {TERM_LABELS[s.term]}
              </th>
              <td>{formatBytes(s.value)}</td>
              <td>{formatCount(s.value)}</td>
              <td>{memory.total > 0 ? `${((s.value / memory.total) * 100).toFixed(1)} %` : "—"}</td>
              <td>{s.term === "activations" ? `yes: ${formatBytes(memory.perSampleActivations)} per sample` : "no"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{formatBytes(memory.total)}</td>
            <td>{formatCount(memory.total)}</td>
            <td>{budget > 0 ? `${((memory.total / budget) * 100).toPrecision(3)} % of ${budgetText}` : ""}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      </section>

      <p class="mc-largest">
        Largest batch that fits in {budgetText}: <strong>{formatCount(fit.batchSize)}</strong>. Binding term:{" "}
        {BINDING_TEXT[fit.binding]}.
      </p>

      <h3 class="mc-heading">Total memory against batch size</h3>
      <svg class="mc-chart" viewBox={`0 0 ${CW} ${CH}`} role="img" aria-label={`Total memory grows in a straight line from ${formatBytes(fixed)} at batch size 0 by ${formatBytes(memory.perSampleActivations)} per sample; the budget of ${budgetText} is reached at batch size ${formatCount(fit.batchSize)}.`}>
        <line class="mc-axis" x1={CL} x2={CW - 10} y1={cy(0)} y2={cy(0)} />
        <line class="mc-axis" x1={CL} x2={CL} y1={10} y2={cy(0)} />
        <line class="mc-budget" x1={CL} x2={CW - 10} y1={cy(budget)} y2={cy(budget)} />
        <text class="mc-label" x={CW - 12} y={cy(budget) - 5} text-anchor="end">budget {budgetText}</text>
        <line class="mc-total" x1={cx(0)} y1={cy(fixed)} x2={cx(xMax)} y2={cy(atMax)} />
        {fit.batchSize > 0 && <line class="mc-fit" x1={cx(fit.batchSize)} x2={cx(fit.batchSize)} y1={cy(0)} y2={cy(budget)} />}
        <circle class="mc-now" cx={cx(batchSize)} cy={cy(memory.total)} r={5} />
        <text class="mc-label" x={CL - 6} y={cy(0) + 4} text-anchor="end">0</text>
        <text class="mc-label" x={CL - 6} y={cy(yMax / 1.05) + 4} text-anchor="end">{formatBytes(yMax / 1.05)}</text>
        <text class="mc-label" x={cx(0)} y={CH - 8} text-anchor="middle">0</text>
        <text class="mc-label" x={cx(xMax)} y={CH - 8} text-anchor="end">B = {formatCount(xMax)}</text>
        <text class="mc-label" x={(CL + CW) / 2} y={CH - 8} text-anchor="middle">batch size</text>
      </svg>
      <table class="mc-table mc-curve">
        <caption>Total memory at some batch sizes (the last row is the largest that fits)</caption>
        <thead>
          <tr>
            <th scope="col">Batch size</th>
            <th scope="col">Activations</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((row) => (
            <tr key={row.batchSize}>
              <td>{formatCount(row.batchSize)}</td>
              <td>{formatBytes(row.activations)}</td>
              <td>{formatBytes(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 class="mc-heading">Does the feature count limit the batch?</h3>
      <section class="mc-scroll" aria-label="Largest batch by feature count" tabindex={0}>
      <table class="mc-table mc-compare">
        <caption>Largest batch in {budgetText} for the same network with 3, 30 or 300 features</caption>
        <thead>
          <tr>
            <th scope="col">Features</th>
            <th scope="col">Parameters</th>
            <th scope="col">Largest batch</th>
            <th scope="col">Change from 3 features</th>
          </tr>
        </thead>
        <tbody>
          {comparison.map((row) => (
            <tr key={row.features}>
              <td>{row.features}</td>
              <td>{formatCount(row.budget.memory.parameters)}</td>
              <td>{formatCount(row.budget.batchSize)}</td>
              <td>{row.features === 3 ? "—" : `${percentChange(comparison[0]!.budget.batchSize, row.budget.batchSize).toFixed(1)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </section>
      <p class="mc-summary" role="status">
        {summary}
      </p>
    </figure>
  );
}
