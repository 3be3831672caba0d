/**
 * A dense network drawn as TensorFlow Playground draws it: inputs on the left, one column per layer,
 * one link per weight whose colour is the weight's sign and whose width is its size (networkLayout.ts).
 * The weights themselves are in a table under the drawing, one matrix per layer with its biases.
 *
 *   <NetworkDiagram parameters={model.parameters()} weights={w} inputLabels={["Temperature", …]}
 *     outputLabel="Water use" title="The network after update 16" />
 */
import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import type { ParameterInfo } from "../../engine/model";
import { linkWidth, networkLayout, type NetworkLayout } from "./networkLayout";
import "./NetworkDiagram.css";

export interface NetworkDiagramProps {
  parameters: readonly ParameterInfo[];
  weights: ArrayLike<number>;
  inputLabels: readonly string[];
  outputLabel: string;
  /** The figure's caption and accessible name. */
  title: string;
  /** Name of the hidden layers' activation, for the description ("tanh"). */
  activation?: string | undefined;
}

/** The server renders the weights (closed) for readers without JavaScript; the browser only while they are open. */
const IS_SERVER = typeof window === "undefined";
const WIDTH = 300;
const HEIGHT = 230;
const BOX = { width: WIDTH, height: HEIGHT, left: 92, right: 74, pad: 16, maxGap: 44 };
/** Labels need this much room between nodes; closer columns go unlabelled (the table names every weight). */
const MIN_LABEL_GAP = 13;

/** A weight for the table and the description: three significant digits. */
export function formatWeight(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(3))).replace("-", "−");
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (n: number) => `⁽${[...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join("")}⁾`;

function clip(label: string): string {
  return label.length > 13 ? `${label.slice(0, 12)}…` : label;
}

function describe(layout: NetworkLayout, activation: string | undefined): string {
  const [inputs, ...units] = layout.columns;
  const hidden = units.slice(0, -1).map((u) => `${u}${activation ? ` ${activation}` : ""} units`);
  const positive = layout.links.filter((l) => l.weight > 0).length;
  const top = layout.links.reduce((a, b) => (Math.abs(b.weight) > Math.abs(a.weight) ? b : a), layout.links[0]!);
  return (
    `${inputs} inputs → ${[...hidden, `${units[units.length - 1]} output${units[units.length - 1] === 1 ? "" : "s"}`].join(" → ")}; ` +
    `${layout.links.length} weights, ${positive} positive and ${layout.links.length - positive} negative or zero; the largest in size is ` +
    `W${superscript(top.layer)}[${top.from.index + 1},${top.to.index + 1}] = ${formatWeight(top.weight)}.`
  );
}

const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
const subscript = (n: number) => [...String(n)].map((d) => SUBSCRIPT_DIGITS[Number(d)]).join("");

/**
 * One layer's weights as a matrix narrow enough for a side column: one row per unit of the longer
 * side. A kernel with more units than inputs (3 × 8) is shown a unit per row, its bias as the last
 * column; one with more inputs than units (8 × 1) an input per row, its bias as the last row.
 */
function WeightTable({ kernel, layer, parameters, weights, inputLabels }: NetworkDiagramProps & { kernel: ParameterInfo; layer: number }): JSX.Element {
  const [inputs, units] = kernel.shape as [number, number];
  const bias = parameters.find((p) => p.name === kernel.name.replace(/\/kernel$/, "/bias"));
  const w = (i: number, j: number) => formatWeight(weights[kernel.offset + i * units + j]!);
  const b = (j: number) => (bias ? formatWeight(weights[bias.offset + j]!) : "");
  // Inputs of the first layer are x₁, x₂, …; of a later layer, the previous layer's units h₁, h₂, ….
  const source = (i: number) => `${layer === 1 ? "x" : "h"}${subscript(i + 1)}`;
  const key = layer === 1 ? `, where ${inputLabels.map((label, i) => `${source(i)} is ${label.toLowerCase()}`).join(", ")}` : "";
  const byUnit = units > inputs;
  return (
    <div class="nd-table-scroll">
      <table>
        <caption>
          W{superscript(layer)} ({inputs} × {units}){bias ? ` and b${superscript(layer)}` : ""}: {byUnit ? "a row per unit, its weights from" : "a row per input from"}{" "}
          {Array.from({ length: inputs }, (_, i) => source(i)).join(", ")}{key}
        </caption>
        {byUnit ? (
          <>
            <thead>
              <tr>
                <th scope="col">unit</th>
                {Array.from({ length: inputs }, (_, i) => <th key={i} scope="col">{source(i)}</th>)}
                {bias && <th scope="col">bias</th>}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: units }, (_, j) => (
                <tr key={j}>
                  <th scope="row">{j + 1}</th>
                  {Array.from({ length: inputs }, (_, i) => <td key={i}>{w(i, j)}</td>)}
                  {bias && <td>{b(j)}</td>}
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">from</th>
                {Array.from({ length: units }, (_, j) => <th key={j} scope="col">{units === 1 ? "to the output" : `to unit ${j + 1}`}</th>)}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: inputs }, (_, i) => (
                <tr key={i}>
                  <th scope="row">{source(i)}</th>
                  {Array.from({ length: units }, (_, j) => <td key={j}>{w(i, j)}</td>)}
                </tr>
              ))}
              {bias && (
                <tr>
                  <th scope="row">bias</th>
                  {Array.from({ length: units }, (_, j) => <td key={j}>{b(j)}</td>)}
                </tr>
              )}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}

export function NetworkDiagram(props: NetworkDiagramProps): JSX.Element {
  const id = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const layout = networkLayout(props.parameters, props.weights, BOX);
  const inputs = layout.nodes.filter((n) => n.column === 0);
  const outputs = layout.nodes.filter((n) => n.column === layout.columns.length - 1);
  const labelInputs = inputs.length < 2 || inputs[1]!.y - inputs[0]!.y >= MIN_LABEL_GAP;
  const kernels = props.parameters.filter((p) => p.name.endsWith("/kernel"));

  return (
    <figure class="network-diagram" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} class="network-diagram-title">{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        {layout.links.map((l) => (
          <line
            key={l.key}
            class={l.weight >= 0 ? "nd-link nd-positive" : "nd-link nd-negative"}
            x1={l.from.x}
            y1={l.from.y}
            x2={l.to.x}
            y2={l.to.y}
            stroke-width={linkWidth(l.weight).toFixed(2)}
          />
        ))}
        {layout.nodes.map((n) => (
          <circle key={n.key} class={n.column === 0 ? "nd-node nd-input" : "nd-node"} cx={n.x} cy={n.y} r={7} />
        ))}
        {labelInputs &&
          inputs.map((n, i) => (
            <text key={n.key} class="nd-label" x={n.x - 12} y={n.y} text-anchor="end" dominant-baseline="middle">
              {clip(props.inputLabels[i] ?? `input ${i + 1}`)}
            </text>
          ))}
        {outputs.map((n) => (
          <text key={n.key} class="nd-label" x={n.x + 12} y={n.y} dominant-baseline="middle">
            {clip(props.outputLabel)}
          </text>
        ))}
      </svg>
      <p id={`${id}-d`} class="visually-hidden">{describe(layout, props.activation)}</p>
      <ul class="nd-legend" aria-label="Legend: network">
        <li><span class="nd-swatch nd-positive" aria-hidden="true" />positive weight</li>
        <li><span class="nd-swatch nd-negative" aria-hidden="true" />negative weight</li>
        <li>width: size |w|</li>
      </ul>
      <details class="nd-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>Show the weights</summary>
        {(tableOpen || IS_SERVER) && kernels.map((kernel, l) => <WeightTable key={kernel.name} kernel={kernel} layer={l + 1} {...props} />)}
      </details>
    </figure>
  );
}
