/**
 * Play, Pause and Step over the computed run, a slider to move the playhead by hand, the speed, and
 * the counters at the playhead: epoch, iteration within it, updates and samples so far. Reduced
 * motion turns Play off; Step and the slider still work. Every step and pause is announced once,
 * politely, in words.
 */
import type { JSX } from "preact";
import { useId } from "preact/hooks";
import { formatCount } from "./labState";
import { SPEED_LABELS, type PlaybackSpeed, type RunProgress } from "./playback";

interface PlaybackBarProps {
  progress: RunProgress;
  playing: boolean;
  /** Updates the run made: the end of the replay (0 when it cannot be replayed). */
  end: number;
  /** Why the run cannot be replayed, or null. */
  unavailable: string | null;
  speed: PlaybackSpeed;
  ready: boolean;
  reducedMotion: boolean;
  announcement: string;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onSeek: (position: number) => void;
  onSpeed: (speed: PlaybackSpeed) => void;
}

export function PlaybackBar(props: PlaybackBarProps): JSX.Element {
  const id = useId();
  const p = props.progress;
  const counters: [string, string][] = [
    ["Epoch", `${p.epoch} of ${p.epochs}`],
    ["Iteration", `${p.iteration} of ${p.iterationsPerEpoch}`],
    ["Updates so far", `${formatCount(p.updates)} of ${formatCount(p.plannedUpdates)}`],
    ["Samples seen", `${formatCount(p.samplesSeen)} of ${formatCount(p.plannedSamples)}`],
  ];
  return (
    <div class="lab-playback">
      <div class="lab-playback-buttons needs-js" role="group" aria-label="Watch it train">
        <button type="button" onClick={props.onPlay} disabled={!props.ready || props.playing || props.reducedMotion || props.end === 0}>
          Play
        </button>
        <button type="button" class="secondary" onClick={props.onPause} disabled={!props.ready || !props.playing}>
          Pause
        </button>
        <button type="button" class="secondary" onClick={props.onStep} disabled={!props.ready || props.end === 0}>
          Step
        </button>
        <label class="lab-scrub">
          <span>Update</span>
          <input
            type="range"
            min={0}
            max={props.end}
            step={1}
            value={Math.min(p.updates, props.end)}
            disabled={!props.ready || props.end === 0}
            aria-valuetext={p.updates === 0 ? "before the first update" : `update ${p.updates} of ${props.end}: epoch ${p.epoch}, iteration ${p.iteration}`}
            onInput={(e) => props.onSeek(Number(e.currentTarget.value))}
          />
        </label>
        <label class="lab-speed">
          <span>Speed</span>
          <select value={props.speed} disabled={!props.ready || props.reducedMotion} onChange={(e) => props.onSpeed(e.currentTarget.value as PlaybackSpeed)}>
            {(Object.keys(SPEED_LABELS) as PlaybackSpeed[]).map((key) => (
              <option key={key} value={key}>{SPEED_LABELS[key]}</option>
            ))}
          </select>
        </label>
      </div>
      <dl class="lab-counters">
        {counters.map(([label, value], i) => (
          <div key={label}>
            <dt id={`${id}-c${i}`}>{label}</dt>
            <dd>
              <output aria-labelledby={`${id}-c${i}`} aria-live="off">{value}</output>
            </dd>
          </div>
        ))}
      </dl>
      {props.reducedMotion && <p class="lab-note needs-js">Reduced motion is on, so Play is off: Step moves one iteration at a time.</p>}
      {props.unavailable && <p class="lab-note needs-js">{props.unavailable}</p>}
      <p role="status" class="visually-hidden">{props.announcement}</p>
    </div>
  );
}
