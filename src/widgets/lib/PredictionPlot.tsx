/**
 * Predicted against measured, one dot per row, with the line where the two agree. A perfect model
 * puts every dot on the line; an untrained one puts them in a flat band. The axes are fixed by the
 * measured values (so the dots move, not the axes); a prediction beyond them sits on the edge,
 * drawn hollow. Some rows can be highlighted (the batch of the current update). The numbers are in
 * a table under the plot.
 */
import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import { axisDomain, axisTicks, dataExtent, makeScale } from "./chartScale";
import "./PredictionPlot.css";

export interface PredictionPlotProps {
  title: string;
  measured: ArrayLike<number>;
  predicted: ArrayLike<number>;
  /** 0-based rows to highlight. */
  highlight?: readonly number[];
  /** What is measured, with its unit: "Water use (standardised)". */
  quantity: string;
  format: (value: number) => string;
  /** Sentence under the plot (for example the mean squared error). */
  summary?: string;
  /** What the highlighted dots are, for the legend. */
  highlightLabel?: string;
  /** What one dot is, for the legend; default "one row of the table". */
  rowsLabel?: string;
}

const SIZE = { width: 280, height: 250 };
/** The server renders the table (closed) for readers without JavaScript; the browser only while it is open. */
const IS_SERVER = typeof window === "undefined";
const MARGIN = { top: 10, right: 12, bottom: 42, left: 48 };

export function PredictionPlot(props: PredictionPlotProps): JSX.Element {
  const id = useId();
  const [tableOpen, setTableOpen] = useState(false);
  const n = props.measured.length;
  const measured = Array.from(props.measured);
  const domain = axisDomain(dataExtent([measured.map((v) => ({ x: v, y: v }))], "x", "linear"), "linear");
  const left = MARGIN.left;
  const right = SIZE.width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = SIZE.height - MARGIN.bottom;
  const sx = makeScale("linear", domain, [left, right]);
  const sy = makeScale("linear", domain, [bottom, top]);
  const ticks = axisTicks("linear", domain, 4);
  const highlighted = new Set(props.highlight ?? []);
  const clampTo = (v: number) => (Number.isFinite(v) ? Math.max(domain[0], Math.min(domain[1], v)) : v > 0 ? domain[1] : domain[0]);
  const outside = Array.from(props.predicted).filter((v) => !(v >= domain[0] && v <= domain[1])).length;
  // Highlighted dots last, so they are drawn on top.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Number(highlighted.has(a)) - Number(highlighted.has(b)));

  return (
    <figure class="prediction-plot" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} class="prediction-plot-title">{props.title}</figcaption>
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={props.summary ? `${id}-s` : undefined}>
        {ticks.map((t) => (
          <g key={t.value}>
            <line class="pp-grid" x1={left} x2={right} y1={sy(t.value)} y2={sy(t.value)} />
            <line class="pp-grid" x1={sx(t.value)} x2={sx(t.value)} y1={top} y2={bottom} />
            <text x={left - 5} y={sy(t.value)} text-anchor="end" dominant-baseline="middle">{t.label}</text>
            <text x={sx(t.value)} y={bottom + 15} text-anchor="middle">{t.label}</text>
          </g>
        ))}
        <line class="pp-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
        <line class="pp-axis" x1={left} x2={left} y1={top} y2={bottom} />
        <line class="pp-diagonal" x1={sx(domain[0])} y1={sy(domain[0])} x2={sx(domain[1])} y2={sy(domain[1])} />
        {order.map((i) => {
          const p = props.predicted[i]!;
          const inside = p >= domain[0] && p <= domain[1];
          const hot = highlighted.has(i);
          return (
            <circle
              key={i}
              class={`pp-dot${hot ? " pp-hot" : ""}${inside ? "" : " pp-outside"}`}
              cx={sx(props.measured[i]!).toFixed(1)}
              cy={sy(clampTo(p)).toFixed(1)}
              r={hot ? 4.5 : 3}
            />
          );
        })}
        <text class="pp-label" x={(left + right) / 2} y={SIZE.height - 6} text-anchor="middle">Measured</text>
        <text class="pp-label" transform={`translate(12 ${(top + bottom) / 2}) rotate(-90)`} text-anchor="middle">Predicted</text>
      </svg>
      <ul class="pp-legend" aria-label="Legend: predictions">
        <li><span class="pp-swatch" aria-hidden="true" />{props.rowsLabel ?? "one row of the table"}</li>
        {props.highlightLabel && highlighted.size > 0 && <li><span class="pp-swatch pp-hot" aria-hidden="true" />{props.highlightLabel}</li>}
        <li><span class="pp-swatch pp-line" aria-hidden="true" />predicted = measured</li>
      </ul>
      {props.summary && (
        <p id={`${id}-s`} class="pp-summary">
          {props.summary}
          {outside > 0 && ` ${outside} prediction${outside === 1 ? " lies" : "s lie"} beyond the axes and ${outside === 1 ? "is" : "are"} drawn hollow at the edge.`}
        </p>
      )}
      <details class="pp-table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>Show the numbers</summary>
        {(tableOpen || IS_SERVER) && <div class="pp-table-scroll">
          <table>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Measured: {props.quantity}</th>
                <th scope="col">Predicted</th>
              </tr>
            </thead>
            <tbody>
              {measured.map((m, i) => (
                <tr key={i} class={highlighted.has(i) ? "pp-hot-row" : undefined}>
                  <th scope="row">{i + 1}</th>
                  <td>{props.format(m)}</td>
                  <td>{props.format(props.predicted[i]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>}
      </details>
    </figure>
  );
}
