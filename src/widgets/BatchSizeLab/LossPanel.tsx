/**
 * Loss during training against epochs, iterations or samples seen: the current run's batch losses
 * (thin, noisy) and full-dataset loss (thick), plus up to five pinned runs' full-dataset losses.
 */
import type { JSX } from "preact";
import { useId, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { LineChart, type ChartSeries } from "../lib/LineChart";
import { X_AXIS_LABELS, describeSettings, type LabState, type XAxis } from "./labState";
import { formatLoss, type LabRun } from "../../course/lab";
import { batchLossSeries, fullLossSeries } from "./labRun";

export const MAX_PINS = 5;
const PIN_COLORS = ["var(--batch-2)", "var(--batch-3)", "var(--batch-4)", "var(--batch-6)", "var(--batch-7)"];
const PIN_DASHES = ["7 4", "2 3", "10 3 2 3", "4 4", "1 2"];

export interface PinnedRun {
  key: number;
  label: string;
  run: LabRun;
}

interface LossPanelProps {
  run: LabRun | null;
  state: LabState;
  dataLabel: string;
  onAxis: (axis: XAxis) => void;
}

const AXIS_TITLES: Record<XAxis, string> = {
  epoch: "Epoch",
  iteration: "Iteration (weight update)",
  samples: "Samples seen",
};

export function LossPanel({ run, state, dataLabel, onAxis }: LossPanelProps): JSX.Element {
  const id = useId();
  const [pins, setPins] = useState<PinnedRun[]>([]);
  const [pinMessage, setPinMessage] = useState("");
  const [nextKey, setNextKey] = useState(1);
  const [logY, setLogY] = useState(true);
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

  const pin = () => {
    if (!run) return;
    if (pins.length >= MAX_PINS) {
      setPinMessage(`${MAX_PINS} runs are pinned, the most the chart can show clearly. Remove one to pin this run.`);
      return;
    }
    const label = `Pin ${nextKey}: ${describeSettings({ ...run.settings, xAxis: axis })}${dataLabel === "the greenhouse table" ? "" : ", your data"}`;
    setPins([...pins, { key: nextKey, label, run }]);
    setNextKey(nextKey + 1);
    setPinMessage(`Pinned run ${nextKey}. ${pins.length + 1} of ${MAX_PINS} pins used.`);
  };

  // Memoised so that a re-render for anything else (a status line) does not redraw the chart.
  const series = useMemo(() => {
    const list: ChartSeries[] = [];
    if (run) {
      list.push({ id: "batch", label: "Batch loss (this run, before each update)", points: batchLossSeries(run, axis), color: "var(--batch-1)", width: 1, opacity: 0.55 });
      list.push({ id: "full", label: "Full-dataset loss (this run, after each epoch)", points: fullLossSeries(run, axis), color: "var(--batch-1)", width: 3.5 });
    }
    pins.forEach((p, i) => {
      list.push({
        id: `pin-${p.key}`,
        label: `${p.label} (full-dataset loss)`,
        points: fullLossSeries(p.run, axis),
        color: PIN_COLORS[i % PIN_COLORS.length]!,
        width: 2.5,
        dash: PIN_DASHES[i % PIN_DASHES.length]!,
      });
    });
    return list;
  }, [run, axis, pins]);

  return (
    <section class="lab-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Loss during training</h3>
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
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.currentTarget.checked)} />
          Log scale for the loss
        </label>
      </div>
      <LineChart
        title={`Loss (MSE, standardised units) against ${AXIS_TITLES[axis].toLowerCase()}`}
        description="The thin line is the loss of each batch before its update; the thick line is the loss of the whole data set after each epoch. Dashed lines are pinned runs."
        xLabel={AXIS_TITLES[axis]}
        yLabel="Loss (MSE)"
        yScale={logY ? "log" : "linear"}
        series={series}
        formatY={formatLoss}
        height={300}
      />
      <div class="lab-row">
        <button type="button" class="secondary" ref={pinButton} onClick={pin} disabled={!run}>Pin this run</button>
        <p role="status" class="lab-note">{pinMessage}</p>
      </div>
      {pins.length > 0 && (
        <ul class="lab-pins" aria-label="Pinned runs" ref={list}>
          {pins.map((p, i) => (
            <li key={p.key}>
              <svg width="28" height="12" aria-hidden="true" style={{ color: PIN_COLORS[i % PIN_COLORS.length] }}>
                <line x1="2" x2="26" y1="6" y2="6" stroke="currentColor" stroke-width="2.5" stroke-dasharray={PIN_DASHES[i % PIN_DASHES.length]} />
              </svg>
              <span>
                {p.label}: {p.run.updates} updates, final loss {formatLoss(p.run.finalLoss)}
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
