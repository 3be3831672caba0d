/**
 * Loss during training against epochs, iterations or samples seen (linear or log x): the current
 * run's batch losses (thin, noisy) and full-dataset loss after each epoch (thick), plus up to five
 * pinned runs, each with the full-dataset loss after every one of its updates, so runs with very
 * different update counts compare at full resolution. While the run plays, its lines stop at the
 * playhead and a marker shows where it is.
 */
import type { JSX } from "preact";
import { useId, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { axisDomain, dataExtent } from "../lib/chartScale";
import { LineChart, type ChartSeries } from "../lib/LineChart";
import type { LabData } from "./dataSource";
import { X_AXIS_LABELS, describeSettings, type LabState, type XAxis } from "./labState";
import { formatLoss, type LabRun } from "../../course/lab";
import { batchLossSeries, fullLossSeries, perUpdateSeries, type Point } from "./labRun";
import { lossAfterEachUpdate } from "./updateLoss";

export const MAX_PINS = 5;
/** Each pin keeps the colour and dash it was given, whatever is removed later, so legend and line always agree. */
const PIN_STYLES = [
  { color: "var(--cat-2)", dash: "7 4" },
  { color: "var(--cat-5)", dash: "2 3" },
  { color: "var(--cat-4)", dash: "10 3 2 3" },
  { color: "var(--cat-6)", dash: "4 4" },
  { color: "var(--cat-3)", dash: "1 2" },
];

export interface PinnedRun {
  key: number;
  label: string;
  run: LabRun;
  /** Full-dataset loss after every update (after every stride-th on very large data). */
  losses: Float64Array;
  stride: number;
  style: (typeof PIN_STYLES)[number];
  /** The run's settings and data, to tell whether the current run is the same one. */
  identity: string;
}

interface LossPanelProps {
  run: LabRun | null;
  state: LabState;
  data: LabData;
  /** The playhead (updates applied), or null at rest. */
  position: number | null;
  onAxis: (axis: XAxis) => void;
}

const AXIS_TITLES: Record<XAxis, string> = {
  epoch: "Epoch",
  iteration: "Iteration (weight update)",
  samples: "Samples seen",
};
/** The chart's caption names the axis briefly, so it fits one line beside the network and the predictions. */
const AXIS_IN_CAPTION: Record<XAxis, string> = { epoch: "epoch", iteration: "iteration", samples: "samples seen" };

function runIdentity(run: LabRun, data: LabData): string {
  return `${JSON.stringify(run.settings)}|${data.kind}|${data.n}|${data.features}`;
}

/** A run's series up to the playhead at `position` on `axis`: the points at or before its x. */
function upTo(points: readonly Point[], x: number | null): readonly Point[] {
  return x === null ? points : points.filter((p) => p.x <= x);
}

export function LossPanel({ run, state, data, position, onAxis }: LossPanelProps): JSX.Element {
  const id = useId();
  const [pins, setPins] = useState<PinnedRun[]>([]);
  const [pinMessage, setPinMessage] = useState("");
  const [nextKey, setNextKey] = useState(1);
  const [logY, setLogY] = useState(true);
  const [logX, setLogX] = useState(false);
  const axis = state.xAxis;
  const pinButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** After a Remove, the list position whose Remove button takes the focus (the button itself is gone). */
  const [focusAfterRemove, setFocusAfterRemove] = useState<number | null>(null);
  // In the same task as the removal, so focus never rests on the page body: the next pin's Remove, else the
  // previous one's, else "Pin this run".
  useLayoutEffect(() => {
    if (focusAfterRemove === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [];
    (buttons[Math.min(focusAfterRemove, buttons.length - 1)] ?? pinButton.current)?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove]);
  const current = run ? runIdentity(run, data) : null;

  const pin = () => {
    if (!run) return;
    if (pins.length >= MAX_PINS) {
      setPinMessage(`${MAX_PINS} runs are pinned, the most the chart can show clearly. Remove one to pin this run.`);
      return;
    }
    const { losses, stride } = lossAfterEachUpdate(run.settings, data.dataset);
    const style = PIN_STYLES.find((s) => !pins.some((p) => p.style === s))!;
    const label = `Pin ${nextKey}: ${describeSettings({ ...run.settings, xAxis: axis })}${data.kind === "greenhouse" ? "" : ", your data"}`;
    setPins([...pins, { key: nextKey, label, run, losses, stride, style, identity: runIdentity(run, data) }]);
    setNextKey(nextKey + 1);
    setPinMessage(`Pinned run ${nextKey}. ${pins.length + 1} of ${MAX_PINS} pins used.`);
  };

  // Where the playhead is on this axis, or null at rest.
  const markerX = useMemo(() => {
    if (!run || position === null) return null;
    if (position === 0) return 0;
    return perUpdateSeries(run, [0], axis, position)[0]!.x;
  }, [run, axis, position]);

  // Memoised so that a re-render for anything else (a status line) does not redraw the chart.
  const wholeRun = useMemo(() => {
    const list: ChartSeries[] = [];
    if (run) {
      list.push({ id: "batch", label: "Batch loss (this run, before each update)", points: batchLossSeries(run, axis), color: "var(--cat-1)", width: 1, opacity: 0.55 });
      list.push({ id: "full", label: "Full-dataset loss (this run, after each epoch)", points: fullLossSeries(run, axis), color: "var(--cat-1)", width: 3.5 });
    }
    // Pins are drawn over the current run, dashed, so a pin of the same run stays visible on top of it.
    for (const p of pins) {
      list.push({
        id: `pin-${p.key}`,
        label: `${p.label} (full-dataset loss after ${p.stride === 1 ? "every update" : `every ${p.stride}th update`})`,
        points: perUpdateSeries(p.run, p.losses, axis, p.stride),
        color: p.style.color,
        width: 2.5,
        dash: p.style.dash,
      });
    }
    return list;
  }, [run, axis, pins]);

  // While the run plays, its lines stop at the playhead inside the axes of the whole run, so the frame stays still.
  const xKind = logX ? "log" : "linear";
  const yKind = logY ? "log" : "linear";
  const frame = useMemo(() => {
    const points = wholeRun.map((s) => s.points);
    return {
      x: axisDomain(dataExtent(points, "x", xKind), xKind),
      y: axisDomain(dataExtent(points, "y", yKind), yKind, true),
    };
  }, [wholeRun, xKind, yKind]);
  const series = useMemo(
    () => (markerX === null ? wholeRun : wholeRun.map((s) => (s.id === "batch" || s.id === "full" ? { ...s, points: upTo(s.points, markerX) } : s))),
    [wholeRun, markerX],
  );

  const marker = useMemo(
    () => (markerX === null || position === null ? null : { x: markerX, label: `update ${position}` }),
    [markerX, position],
  );

  return (
    <section class="lab-panel lab-loss" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} class="visually-hidden">Loss during training</h3>
      <div class="lab-row">
        <fieldset class="lab-radios">
          <legend>X axis</legend>
          {(Object.keys(X_AXIS_LABELS) as XAxis[]).map((key) => (
            <label key={key}>
              <input type="radio" name={`${id}-axis`} value={key} checked={axis === key} onChange={() => onAxis(key)} />
              {X_AXIS_LABELS[key]}
            </label>
          ))}
        </fieldset>
        <label class="lab-inline">
          <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.currentTarget.checked)} />
          Log scale for the x axis
        </label>
        <label class="lab-inline">
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.currentTarget.checked)} />
          Log scale for the loss
        </label>
      </div>
      <LineChart
        title={`Loss (MSE, standardised units) against ${AXIS_IN_CAPTION[axis]}`}
        description="The thin line is the loss of each batch before its update; the thick line is the loss of the whole data set after each epoch. Dashed lines are pinned runs: the loss of the whole data set after every update."
        xLabel={AXIS_TITLES[axis]}
        yLabel="Loss (MSE)"
        xScale={xKind}
        yScale={yKind}
        {...(markerX === null ? {} : { xDomain: frame.x, yDomain: frame.y })}
        series={series}
        marker={marker}
        formatY={formatLoss}
        height={240}
      />
      <div class="lab-row">
        <button type="button" class="secondary" ref={pinButton} onClick={pin} disabled={!run}>Pin this run</button>
        <p role="status" class="lab-note">{pinMessage}</p>
      </div>
      {pins.length > 0 && (
        <ul class="lab-pins" aria-label="Pinned runs" ref={list}>
          {pins.map((p, i) => (
            <li key={p.key}>
              <svg width="28" height="12" aria-hidden="true" style={{ color: p.style.color }}>
                <line x1="2" x2="26" y1="6" y2="6" stroke="currentColor" stroke-width="2.5" stroke-dasharray={p.style.dash} />
              </svg>
              <span>
                {p.label}: {p.run.updates} updates, final loss {formatLoss(p.run.finalLoss)}
                {p.identity === current ? " (the same run as the one on screen)" : ""}
              </span>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove pin ${p.key}`}
                onClick={() => {
                  setPins(pins.filter((q) => q.key !== p.key));
                  setPinMessage(`Removed pin ${p.key}.`);
                  setFocusAfterRemove(i);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
