import type { ComponentChildren } from "preact";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useHydrated } from "../lib/useHydrated";
import { GREENHOUSE_ROWS, INPUT_COLUMNS, TARGET_COLUMN } from "../../course/columns";
import { forwardWalk, type ForwardWalk } from "../../course/forwardPass";
import { formatFixed } from "../lib/formatFixed";
import { NumberField } from "../lib/NumberField";
import { publishRun } from "../lib/runEvents";
import { readSelectedRows } from "../lib/selectedRows";
import "./ForwardStepper.css";

const inputs = INPUT_COLUMNS;
const target = TARGET_COLUMN;
const fmt = (value: number, digits = 3): string => formatFixed(value, digits);

const STEP_TITLES = [
  "Take one row",
  "Standardise the inputs",
  "Hidden layer: z⁽¹⁾ = x̃W⁽¹⁾ + b⁽¹⁾",
  "Activation: a⁽¹⁾ = tanh(z⁽¹⁾)",
  "Output layer: ŷ = a⁽¹⁾W⁽²⁾ + b⁽²⁾",
  "Prediction against target",
  "Squared error",
] as const;
const LAST = STEP_TITLES.length - 1;

/** A number in a product, wrapped in brackets when negative so "(−0.734)(0.205)" reads unambiguously. */
function factor(value: number): string {
  const text = fmt(value);
  return text.startsWith("\u2212") ? `(${text})` : text;
}

function Sub({ base, index }: { base: string; index: string | number }) {
  return (
    <>
      <var>{base}</var>
      <sub>{index}</sub>
    </>
  );
}

/** A layer's tensor in the course's notation: W⁽ˡ⁾ with optional subscripts, e.g. W⁽¹⁾₁,₃. */
function Sym({ base, layer, index }: { base: string; layer: number; index?: ComponentChildren }) {
  return (
    <>
      <var>{base}</var>
      <sup>({layer})</sup>
      {index !== undefined && <sub>{index}</sub>}
    </>
  );
}

interface ForwardStepperProps {
  /** 1-based row shown before any selection is read; the reader's first selected row wins. */
  row?: number;
}

export default function ForwardStepper({ row: initialRow = 1 }: ForwardStepperProps) {
  const id = useId();
  const ready = useHydrated();
  const [row, setRow] = useState(initialRow);
  const [step, setStep] = useState(0);
  const [unit, setUnit] = useState(0);
  const [fromSelection, setFromSelection] = useState(false);

  useEffect(() => {
    const selected = readSelectedRows();
    if (selected.length > 0) {
      setRow(selected[0]! + 1);
      setFromSelection(true);
    }
  }, []);

  const walk = useMemo(() => forwardWalk(row - 1), [row]);

  useEffect(() => {
    if (step === LAST) {
      publishRun("forward-stepper", { row, prediction: walk.yHat, predictionMl: walk.yHatRaw, squaredError: walk.squaredError });
    }
  }, [step, walk]);

  const go = (next: number) => setStep(Math.max(0, Math.min(LAST, next)));
  const statusText = `Step ${step + 1} of ${STEP_TITLES.length}: ${STEP_TITLES[step]}, row ${row}.`;

  const panels: ComponentChildren[] = [
    <TakeRow walk={walk} />,
    <Standardise walk={walk} />,
    <HiddenLayer walk={walk} unit={unit} onUnit={setUnit} ready={ready} selectId={`${id}-unit`} />,
    <Activation walk={walk} />,
    <OutputLayer walk={walk} />,
    <Prediction walk={walk} />,
    <SquaredError walk={walk} />,
  ];

  return (
    <section class="widget forward-stepper" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Forward pass, one operation at a time</h3>
      <p class="stepper-intro">
        The untrained 3-8-1 network (tanh hidden layer, {walk.parameterCount} parameters, weights from a fixed seed, biases 0).
        Numbers are rounded to 3 decimals; the engine keeps full precision.
      </p>
      <div class="stepper-controls needs-js">
        <NumberField label={`Row (1 to ${GREENHOUSE_ROWS})`} min={1} max={GREENHOUSE_ROWS} integer value={row} onValid={(value) => { setRow(value); setFromSelection(false); }} />
        {fromSelection && <p class="from-selection">Row {row} is the first row you selected in the data table.</p>}
      </div>
      <div class="stepper-layout">
        <ol class="step-list needs-js" aria-label="Steps">
          {STEP_TITLES.map((title, k) => (
            <li>
              <button
                type="button"
                class="step-link"
                aria-current={k === step ? "step" : undefined}
                disabled={!ready}
                onClick={() => go(k)}
              >
                {title}
              </button>
            </li>
          ))}
        </ol>
        <div class="step-panels">
          {panels.map((panel, k) => (
            <section class={`step-panel${k === step ? "" : " step-inactive"}`} aria-labelledby={`${id}-step-${k}`}>
              <h4 id={`${id}-step-${k}`}>
                Step {k + 1} of {STEP_TITLES.length}: {STEP_TITLES[k]}
              </h4>
              {panel}
            </section>
          ))}
          <div class="step-buttons needs-js">
            <button type="button" class="secondary" disabled={!ready || step === 0} onClick={() => go(step - 1)}>
              Previous
            </button>
            <button type="button" disabled={!ready || step === LAST} onClick={() => go(step + 1)}>
              Next
            </button>
          </div>
        </div>
      </div>
      <p class="stepper-status needs-js" role="status" aria-live="polite">
        {ready ? statusText : ""}
      </p>
    </section>
  );
}

function TakeRow({ walk }: { walk: ForwardWalk }) {
  return (
    <>
      <p>
        Row {walk.row + 1} of the table is one sample: three input values (the features) and the target the network should
        predict.
      </p>
      <table class="step-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((c, j) => (
            <tr class="is-input">
              <th scope="row">
                <Sub base="x" index={j + 1} /> {c.label}
              </th>
              <td class="num">
                {fmt(walk.raw[j]!, 1)} {c.unit}
              </td>
              <td>input</td>
            </tr>
          ))}
          <tr class="is-target">
            <th scope="row">
              <var>y</var> {target.label}
            </th>
            <td class="num">
              {fmt(walk.rawTarget, 1)} {target.unit}
            </td>
            <td>target</td>
          </tr>
        </tbody>
      </table>
      <p class="formula">
        <var>x</var> = ({walk.raw.map((v) => fmt(v, 1)).join(", ")}) has shape (1, {walk.raw.length}): one sample,{" "}
        {walk.raw.length} features.
      </p>
    </>
  );
}

function Standardise({ walk }: { walk: ForwardWalk }) {
  return (
    <>
      <p>
        Each input is rescaled with its column's mean μ and standard deviation σ over all {GREENHOUSE_ROWS} rows, so the{" "}
        {walk.x.length} features arrive on comparable scales.
      </p>
      <table class="step-table">
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Formula</th>
            <th scope="col">Standardised</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((c, j) => (
            <tr>
              <th scope="row">{c.label}</th>
              <td class="formula">
                <Sub base="x̃" index={j + 1} /> = ({fmt(walk.raw[j]!, 1)} − {fmt(walk.means[j]!)}) / {fmt(walk.stds[j]!)}
              </td>
              <td class="num result">{fmt(walk.x[j]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="formula">
        <var>x̃</var> = ({walk.x.map((v) => fmt(v)).join(", ")})
      </p>
    </>
  );
}

function HiddenLayer({ walk, unit, onUnit, ready, selectId }: { walk: ForwardWalk; unit: number; onUnit: (u: number) => void; ready: boolean; selectId: string }) {
  const k = unit;
  const column = walk.w1.map((rowOfW) => rowOfW[k]!);
  const products = column.map((w, j) => walk.x[j]! * w);
  const inputs = walk.x.length;
  const units = walk.z1.length;
  return (
    <>
      <p>
        Each of the {units} hidden units multiplies the {inputs} standardised inputs by its own column of the weight matrix{" "}
        <Sym base="W" layer={1} /> (shape ({inputs}, {units})), adds them up and adds its bias.
      </p>
      <section class="matrix-scroll" tabindex={0} aria-label="Weight matrix W(1)">
        <table class="step-table matrix">
          <caption>
            <Sym base="W" layer={1} />, shape ({inputs}, {units}): row <var>j</var> is input <var>j</var>, column <var>k</var> is hidden
            unit <var>k</var>
          </caption>
          <thead>
            <tr>
              <td />
              {walk.z1.map((_, u) => (
                <th scope="col" class={u === k ? "is-chosen" : undefined}>
                  unit {u + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {walk.w1.map((rowOfW, j) => (
              <tr>
                <th scope="row">
                  <Sub base="x̃" index={j + 1} /> = {fmt(walk.x[j]!)}
                </th>
                {rowOfW.map((w, u) => (
                  <td class={`num${u === k ? " is-chosen" : ""}`}>{fmt(w)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">
                bias <Sym base="b" layer={1} />
              </th>
              {walk.b1.map((b, u) => (
                <td class={`num${u === k ? " is-chosen" : ""}`}>{fmt(b)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <div class="unit-picker needs-js">
        <label for={selectId}>Unit shown in full</label>
        <select id={selectId} value={String(k)} disabled={!ready} onChange={(event) => onUnit(Number(event.currentTarget.value))}>
          {walk.z1.map((_, u) => (
            <option value={String(u)}>unit {u + 1}</option>
          ))}
        </select>
      </div>
      <p class="formula full-sum">
        <span class="sum-label">Unit {k + 1} in full:</span>
        <br />
        <Sym base="z" layer={1} index={k + 1} /> ={" "}
        {column.map((_, j) => (
          <>
            <Sub base="x̃" index={j + 1} />
            <Sym base="W" layer={1} index={`${j + 1},${k + 1}`} /> +{" "}
          </>
        ))}
        <Sym base="b" layer={1} index={k + 1} />
        <br />= {column.map((w, j) => `${factor(walk.x[j]!)} × ${factor(w)}`).join(" + ")} + {factor(walk.b1[k]!)}
        <br />= {products.map((p) => factor(p)).join(" + ")} + {factor(walk.b1[k]!)}
        <br />= <strong>{fmt(walk.z1[k]!)}</strong>
      </p>
      <section class="matrix-scroll" tabindex={0} aria-label={`All ${units} pre-activations`}>
      <table class="step-table">
          <caption>
            All {units} pre-activations, <Sym base="z" layer={1} /> = <var>x̃</var>
            <Sym base="W" layer={1} /> + <Sym base="b" layer={1} />, shape (1, {units})
          </caption>
          <thead>
            <tr>
              {walk.z1.map((_, u) => (
                <th scope="col">
                  <Sym base="z" layer={1} index={u + 1} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {walk.z1.map((z, u) => (
                <td class={`num${u === k ? " is-chosen" : ""}`}>{fmt(z)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}

function Activation({ walk }: { walk: ForwardWalk }) {
  return (
    <>
      <p>
        tanh squeezes each pre-activation into the range −1 to 1. Small values pass almost unchanged; large ones flatten out.
      </p>
      <table class="step-table">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Formula</th>
            <th scope="col">Activation</th>
          </tr>
        </thead>
        <tbody>
          {walk.z1.map((z, u) => (
            <tr>
              <th scope="row">{u + 1}</th>
              <td class="formula">
                <Sym base="a" layer={1} index={u + 1} /> = tanh({fmt(z)})
              </td>
              <td class="num result">{fmt(walk.a1[u]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OutputLayer({ walk }: { walk: ForwardWalk }) {
  const products = walk.a1.map((a, u) => a * walk.w2[u]!);
  return (
    <>
      <p>
        The output unit takes the {walk.a1.length} activations, multiplies each by its weight in <Sym base="W" layer={2} /> (shape (
        {walk.a1.length}, 1)), adds them and its bias <Sym base="b" layer={2} />. It has no activation: the network predicts a number on an open scale.
      </p>
      <table class="step-table">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">
              <Sym base="a" layer={1} index={<var>k</var>} />
            </th>
            <th scope="col">
              <Sym base="W" layer={2} index={<><var>k</var>,1</>} />
            </th>
            <th scope="col">Product</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p, u) => (
            <tr>
              <th scope="row">{u + 1}</th>
              <td class="num">{fmt(walk.a1[u]!)}</td>
              <td class="num">{fmt(walk.w2[u]!)}</td>
              <td class="num">{fmt(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="formula">
        <var>ŷ</var> = Σ<sub><var>k</var></sub> <Sym base="a" layer={1} index={<var>k</var>} />
        <Sym base="W" layer={2} index={<><var>k</var>,1</>} /> + <Sym base="b" layer={2} /> = {products.map((p) => factor(p)).join(" + ")} +{" "}
        {factor(walk.b2)} = <strong>{fmt(walk.yHat)}</strong>
      </p>
    </>
  );
}

function Prediction({ walk }: { walk: ForwardWalk }) {
  return (
    <>
      <p>
        The network was built to predict the standardised target, so compare like with like: standardise the row's target, or
        turn the prediction back into millilitres.
      </p>
      <table class="step-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Formula</th>
            <th scope="col">Standardised</th>
            <th scope="col">In {target.unit}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Prediction</th>
            <td class="formula">
              <var>ŷ</var> · {fmt(walk.targetStd)} + {fmt(walk.targetMean)}
            </td>
            <td class="num result">{fmt(walk.yHat)}</td>
            <td class="num">{fmt(walk.yHatRaw, 1)}</td>
          </tr>
          <tr class="is-target">
            <th scope="row">Target</th>
            <td class="formula">
              <var>ỹ</var> = ({fmt(walk.rawTarget, 1)} − {fmt(walk.targetMean)}) / {fmt(walk.targetStd)}
            </td>
            <td class="num result">{fmt(walk.y)}</td>
            <td class="num">{fmt(walk.rawTarget, 1)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        The untrained network is off by {fmt(Math.abs(walk.yHatRaw - walk.rawTarget), 1)} {target.unit}: its weights are still
        random. Training will move them.
      </p>
    </>
  );
}

function SquaredError({ walk }: { walk: ForwardWalk }) {
  const diff = walk.yHat - walk.y;
  return (
    <>
      <p>The loss of this one sample is the squared difference between prediction and target, in standardised units.</p>
      <p class="formula big">
        ℓ = (<var>ŷ</var> − <var>ỹ</var>)² = ({fmt(walk.yHat)} − {factor(walk.y)})² = ({fmt(diff)})² = <strong>{fmt(walk.squaredError)}</strong>
      </p>
      <p>
        This is one number per sample. With a batch of several rows, the loss is the mean of these numbers (lesson 4).
      </p>
    </>
  );
}
