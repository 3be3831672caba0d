import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useHydrated } from "../lib/useHydrated";
import { denseParameterCount, describeDenseNetwork, type TensorDescription } from "../../engine/architecture";
import { NumberField } from "../lib/NumberField";
import { publishRun } from "../lib/runEvents";
import { drawnNodes, kerasCode, pytorchCode, type ExplorerActivation, type ExplorerNetwork } from "./codegen";
import { PythonCode } from "../lib/PythonCode";
import "./NetworkExplorer.css";

interface Settings {
  features: number;
  hiddenLayers: number;
  units: number;
  outputs: number;
  batchSize: number;
  activation: ExplorerActivation;
}

const GREENHOUSE: Settings = { features: 3, hiddenLayers: 1, units: 8, outputs: 1, batchSize: 5, activation: "tanh" };
/** Keras' old docs example: one Dense(32) layer that also declares 16 inputs; no activation given. */
const KERAS_DOCS: Settings = { features: 16, hiddenLayers: 0, units: 32, outputs: 32, batchSize: 5, activation: "linear" };

const PRESETS: { label: string; settings: Settings; note: string }[] = [
  { label: "Our greenhouse net", settings: GREENHOUSE, note: "3 inputs, one hidden layer of 8 tanh units, 1 output" },
  {
    label: "Keras docs: Dense(32, input_shape=(16,))",
    settings: KERAS_DOCS,
    note: "16 inputs into one Dense layer of 32 units",
  },
];

/** Nodes drawn per layer; bigger layers show their first and last units around an ellipsis. */
const NODE_CAP = 8;

const ROLE_WORDS: Record<TensorDescription["role"], string> = {
  input: "input batch",
  weight: "weights",
  bias: "biases",
  activation: "activations",
  output: "output batch",
};

function tensorName(t: TensorDescription): string {
  return t.name === "Y_hat" ? "Ŷ" : t.name;
}

function tensorRole(t: TensorDescription): string {
  return t.layer === 0 || t.role === "output" ? ROLE_WORDS[t.role] : `${ROLE_WORDS[t.role]}, layer ${t.layer}`;
}

function shapeText(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]!.toLocaleString("en-US")},)` : `(${shape.map((s) => s.toLocaleString("en-US")).join(", ")})`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

function layerWord(index: number, count: number): string {
  return index === count - 1 ? "Output layer" : `Hidden layer ${index + 1}`;
}

export default function NetworkExplorer() {
  const id = useId();
  const ready = useHydrated();
  const [settings, setSettings] = useState<Settings>(GREENHOUSE);

  const net: ExplorerNetwork = {
    features: settings.features,
    hidden: Array.from({ length: settings.hiddenLayers }, () => settings.units),
    outputs: settings.outputs,
    activation: settings.activation,
    batchSize: settings.batchSize,
  };
  const description = useMemo(
    () => describeDenseNetwork({ features: net.features, hidden: net.hidden, outputs: net.outputs, batchSize: net.batchSize }),
    [settings],
  );
  const widths = [...net.hidden, net.outputs];
  const layerCounts = widths.map((units, k) => ({ inputs: k === 0 ? net.features : widths[k - 1]!, units }));
  const total = description.parameterCount;

  useEffect(() => {
    publishRun("network-explorer", {
      features: settings.features,
      hiddenLayers: settings.hiddenLayers,
      units: settings.units,
      outputs: settings.outputs,
      batchSize: settings.batchSize,
      inputUnits: description.inputUnits,
      parameterCount: total,
    });
  }, [description]);

  const set = (key: keyof Omit<Settings, "activation">) => (value: number) => setSettings((s) => ({ ...s, [key]: value }));
  const hiddenText =
    settings.hiddenLayers === 0
      ? "no hidden layer"
      : `${plural(settings.hiddenLayers, "hidden layer")} of ${plural(settings.units, "unit")}`;
  const summary = `${plural(settings.features, "input")}, ${hiddenText}, ${plural(settings.outputs, "output unit")}: ${plural(total, "parameter")}. Batch size ${settings.batchSize.toLocaleString("en-US")} appears only in X, the activations and the output.`;

  return (
    <section class="widget network-explorer" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Network shape explorer</h3>
      <div class="explorer-presets needs-js" role="group" aria-label="Presets">
        <span class="presets-label">Presets:</span>
        {PRESETS.map((preset) => (
          <button type="button" class="secondary" disabled={!ready} onClick={() => setSettings(preset.settings)} title={preset.note}>
            {preset.label}
          </button>
        ))}
      </div>
      <div class="explorer-fields needs-js">
        <NumberField label="Features (input values per sample)" min={1} max={1000} integer value={settings.features} onValid={set("features")} />
        <NumberField label="Hidden layers" min={0} max={4} integer value={settings.hiddenLayers} onValid={set("hiddenLayers")} />
        <NumberField
          label="Units per hidden layer"
          min={1}
          max={1024}
          integer
          value={settings.units}
          onValid={set("units")}
          {...(settings.hiddenLayers === 0 ? { hint: "Unused while there are no hidden layers." } : {})}
        />
        <NumberField label="Output units" min={1} max={100} integer value={settings.outputs} onValid={set("outputs")} />
        <NumberField label="Batch size" min={1} max={10000} integer value={settings.batchSize} onValid={set("batchSize")} />
        <div class="number-field">
          <label for={`${id}-activation`}>Hidden activation</label>
          <select
            id={`${id}-activation`}
            value={settings.activation}
            disabled={!ready}
            onChange={(event) => setSettings((s) => ({ ...s, activation: event.currentTarget.value as ExplorerActivation }))}
          >
            <option value="tanh">tanh</option>
            <option value="relu">ReLU</option>
            <option value="sigmoid">sigmoid</option>
            <option value="linear">none (linear)</option>
          </select>
        </div>
      </div>

      <p class="explorer-headline">
        <span>
          Input layer: <strong>{plural(description.inputUnits, "unit")}</strong> (one per feature)
        </span>
        <span>
          Trainable parameters: <strong>{total.toLocaleString("en-US")}</strong>
        </span>
        <span>
          Batch size: <strong>{settings.batchSize.toLocaleString("en-US")}</strong> (not a layer size)
        </span>
      </p>

      <NetworkDrawing settings={settings} widths={widths} />

      <p id={`${id}-tensors`} class="tensor-caption">
        Every tensor of one training step. A highlighted first dimension is the batch size: only inputs, activations and
          outputs have one.
      </p>
      <section class="table-scroll" tabindex={0} aria-labelledby={`${id}-tensors`}>
        <table class="tensor-table" aria-labelledby={`${id}-tensors`}>
          <thead>
            <tr>
              <th scope="col">Tensor</th>
              <th scope="col">Shape</th>
              <th scope="col">Parameters</th>
              <th scope="col">Depends on batch size?</th>
            </tr>
          </thead>
          <tbody>
            {description.tensors.map((t) => (
              <tr class={t.dependsOnBatch ? "depends" : "fixed"}>
                <th scope="row">
                {tensorName(t)} <span class="tensor-role">({tensorRole(t)})</span>
              </th>
                <td class="shape">
                  {t.dependsOnBatch ? (
                    <>
                      (<mark class="batch-dim">{t.shape[0]!.toLocaleString("en-US")}</mark>, {t.shape.slice(1).map((s) => s.toLocaleString("en-US")).join(", ")})
                    </>
                  ) : (
                    shapeText(t.shape)
                  )}
                </td>
                <td class="num">{t.parameters.toLocaleString("en-US")}</td>
                <td>{t.dependsOnBatch ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td class="num">{total.toLocaleString("en-US")}</td>
              <td>no</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <ul class="parameter-sums">
        {layerCounts.map(({ inputs, units }, k) => (
          <li>
            {layerWord(k, layerCounts.length)}: {inputs.toLocaleString("en-US")} × {units.toLocaleString("en-US")} weights + {units.toLocaleString("en-US")} {units === 1 ? "bias" : "biases"} ={" "}
            {denseParameterCount(inputs, units).toLocaleString("en-US")}
          </li>
        ))}
      </ul>

      <div class="code-panels">
        <figure class="code-panel" aria-label="Keras code">
          <figcaption>Keras 3</figcaption>
          <pre tabindex={0}>
            <PythonCode code={kerasCode(net, total)} />
          </pre>
        </figure>
        <figure class="code-panel" aria-label="PyTorch code">
          <figcaption>PyTorch</figcaption>
          <pre tabindex={0}>
            <PythonCode code={pytorchCode(net, total)} />
          </pre>
        </figure>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {ready ? summary : ""}
      </p>
    </section>
  );
}

const VIEW_W = 640;
const VIEW_H = 300;
const TOP = 46;
const BOTTOM = 250;
const R = 10;

function NetworkDrawing({ settings, widths }: { settings: Settings; widths: number[] }) {
  const columns = [settings.features, ...widths];
  const batchWidth = 92;
  const left = batchWidth + 40;
  const right = VIEW_W - 40;
  const step = columns.length > 1 ? (right - left) / (columns.length - 1) : 0;
  const laid = columns.map((count, c) => {
    const { units, ellipsisAfter } = drawnNodes(count, NODE_CAP);
    const slots = units.length + (ellipsisAfter === null ? 0 : 1);
    const spread = Math.min(slots, NODE_CAP);
    const height = ((BOTTOM - TOP) * (spread - 1)) / (NODE_CAP - 1);
    const offset = (BOTTOM - TOP - height) / 2;
    const y = (slot: number) => (spread === 1 ? (TOP + BOTTOM) / 2 : TOP + offset + (height * slot) / (spread - 1));
    const nodes = units.map((unit, i) => ({ unit, y: y(ellipsisAfter !== null && i > ellipsisAfter ? i + 1 : i) }));
    return { x: left + c * step, count, nodes, ellipsisY: ellipsisAfter === null ? null : y(ellipsisAfter + 1) };
  });
  const kind = (c: number) => (c === 0 ? "input" : c === columns.length - 1 ? "output" : "hidden");
  const caption = (c: number) =>
    c === 0 ? `Input: ${plural(columns[0]!, "value")}` : c === columns.length - 1 ? `Output: ${plural(columns[c]!, "unit")}` : `Hidden ${c}: ${plural(columns[c]!, "unit")}`;
  const batchRows = Math.min(settings.batchSize, 6);
  const description = `${caption(0)}; ${columns
    .slice(1)
    .map((_, k) => caption(k + 1))
    .join("; ")}. A batch of ${plural(settings.batchSize, "sample")} enters as X with shape (${settings.batchSize}, ${settings.features}); each sample passes through the same ${plural(settings.features, "input unit")}.`;

  return (
    <figure class="network-drawing">
      <section class="drawing-scroll" tabindex={0} aria-label="Network drawing">
      <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={description}>
        <g class="batch-stack">
          {Array.from({ length: batchRows }, (_, r) => (
            <rect x={8 + r * 4} y={TOP + 40 + r * 12} width={batchWidth - 30} height={40} rx={3} />
          ))}
          <text x={8} y={TOP + 20} class="label">
            {`X: (${settings.batchSize.toLocaleString("en-US")}, ${settings.features.toLocaleString("en-US")})`}
          </text>
          <text x={8} y={TOP + 140 + batchRows * 4} class="small">
            {`${plural(settings.batchSize, "sample")},`}
          </text>
          <text x={8} y={TOP + 156 + batchRows * 4} class="small">
            each through
          </text>
          <text x={8} y={TOP + 172 + batchRows * 4} class="small">
            the same inputs
          </text>
        </g>
        <line x1={batchWidth - 6} y1={(TOP + BOTTOM) / 2} x2={left - R - 6} y2={(TOP + BOTTOM) / 2} class="feed" markerEnd="url(#explorer-arrow)" />
        <defs>
          <marker id="explorer-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
          </marker>
        </defs>
        {laid.slice(1).map((col, c) => {
          const prev = laid[c]!;
          return (
            <g class="edges">
              {prev.nodes.flatMap((a) => col.nodes.map((b) => <line x1={prev.x + R} y1={a.y} x2={col.x - R} y2={b.y} />))}
              <text x={(prev.x + col.x) / 2} y={TOP - 24} class="small weight-label" text-anchor="middle">
                {`W${c + 1}: ${shapeText([columns[c]!, columns[c + 1]!])}`}
              </text>
            </g>
          );
        })}
        {laid.map((col, c) => (
          <g class={`layer layer-${kind(c)}`}>
            {col.nodes.map((node) => (
              <circle cx={col.x} cy={node.y} r={R} />
            ))}
            {col.ellipsisY !== null && (
              <text x={col.x} y={col.ellipsisY + 5} text-anchor="middle" class="ellipsis">
                ⋮
              </text>
            )}
            <text x={col.x} y={BOTTOM + 30} text-anchor="middle" class="label">
              {c === 0 ? "Input" : c === columns.length - 1 ? "Output" : `Hidden ${c}`}
            </text>
            <text x={col.x} y={BOTTOM + 46} text-anchor="middle" class="small">
              {plural(col.count, c === 0 ? "value" : "unit")}
            </text>
          </g>
        ))}
      </svg>
      </section>
      <figcaption>
        {columns.some((count) => count > NODE_CAP) ? "Layers with more than 8 units are drawn with an ellipsis (⋮); the counts under each layer are the real sizes. " : ""}
        The batch size changes only X on the left, never the number of circles.
      </figcaption>
    </figure>
  );
}
