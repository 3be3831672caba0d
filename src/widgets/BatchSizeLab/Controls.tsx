/** The lab's settings form: every control labelled, numbers through NumberField (which explains bad input). */
import type { JSX, RefObject } from "preact";
import { useId } from "preact/hooks";
import { NumberField } from "../lib/NumberField";
import { LIMITS, OPTIMIZER_LABELS, formatCount, type LabState, type ModelChoice, type OptimizerChoice } from "./labState";
import { MLP_HIDDEN_UNITS } from "../../course/lab";

interface ControlsProps {
  /** The settings fieldset, for moving focus into it (after the notices above it are dismissed). */
  fieldsetRef: RefObject<HTMLFieldSetElement>;
  state: LabState;
  maxBatch: number;
  features: number;
  onChange: (patch: Partial<LabState>) => void;
  onTrain: () => void;
  training: boolean;
}

export function Controls({ fieldsetRef, state, maxBatch, features, onChange, onTrain, training }: ControlsProps): JSX.Element {
  const id = useId();
  return (
    <fieldset class="lab-controls" ref={fieldsetRef}>
      <legend>Settings</legend>
      <div class="lab-batch">
        <NumberField
          label="Batch size"
          min={1}
          max={maxBatch}
          integer
          slider
          value={state.batchSize}
          onValid={(batchSize) => onChange({ batchSize })}
          hint={`1 to ${formatCount(maxBatch)} rows per update`}
        />
      </div>
      <NumberField
        label="Learning rate"
        min={LIMITS.learningRate.min}
        max={LIMITS.learningRate.max}
        step="any"
        value={state.learningRate}
        onValid={(learningRate) => onChange({ learningRate })}
        hint="0.0001 to 10"
      />
      <NumberField
        label="Epochs"
        min={LIMITS.epochs.min}
        max={LIMITS.epochs.max}
        integer
        slider
        value={state.epochs}
        onValid={(epochs) => onChange({ epochs })}
      />
      <div class="lab-field">
        <label for={`${id}-opt`}>Optimizer</label>
        <select id={`${id}-opt`} value={state.optimizer} onChange={(e) => onChange({ optimizer: e.currentTarget.value as OptimizerChoice })}>
          {(Object.keys(OPTIMIZER_LABELS) as OptimizerChoice[]).map((key) => (
            <option key={key} value={key}>{OPTIMIZER_LABELS[key]}</option>
          ))}
        </select>
      </div>
      <div class="lab-field">
        <label for={`${id}-model`}>Model</label>
        <select id={`${id}-model`} value={state.model} onChange={(e) => onChange({ model: e.currentTarget.value as ModelChoice })}>
          <option value="linear">linear</option>
          <option value="mlp">{`MLP ${features}-${MLP_HIDDEN_UNITS}-1 tanh`}</option>
        </select>
      </div>
      <NumberField
        label="Seed"
        min={LIMITS.seed.min}
        max={LIMITS.seed.max}
        integer
        value={state.seed}
        onValid={(seed) => onChange({ seed })}
      />
      <div class="lab-checks">
        <label>
          <input type="checkbox" checked={state.shuffle} onChange={(e) => onChange({ shuffle: e.currentTarget.checked })} />
          Shuffle each epoch
        </label>
        <label>
          <input type="checkbox" checked={state.dropLast} onChange={(e) => onChange({ dropLast: e.currentTarget.checked })} />
          Drop last partial batch
        </label>
      </div>
      <div class="lab-train">
        {/* aria-disabled, not disabled, while training: a disabled button drops the keyboard focus onto the page. */}
        <button type="button" onClick={() => training || onTrain()} aria-disabled={training ? "true" : undefined}>
          Train
        </button>
        <small>{training ? "Training…" : "Runs again on every change; Train repeats the run."}</small>
      </div>
    </fieldset>
  );
}
