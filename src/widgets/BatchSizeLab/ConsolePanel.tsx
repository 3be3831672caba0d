/**
 * "Your console, explained": what Keras' fit(verbose=1) and a typical PyTorch loop print for the run
 * on screen (up to the playhead), each number tied to the concept it shows. The lines come from
 * trainingConsole.ts; the time fields, which only the reader's machine knows, are greyed and said
 * to be typical values.
 */
import type { JSX } from "preact";
import { useId } from "preact/hooks";
import { PythonCode } from "../lib/PythonCode";
import { pytorchLoop } from "./codegen";
import { formatCount } from "./labState";
import type { LabRun } from "../../course/lab";
import { kerasLines, kerasMetric, pythonFixed4, pytorchLines, TYPICAL_SECONDS, TYPICAL_STEP_TIME, type ConsoleLine } from "./trainingConsole";

interface ConsolePanelProps {
  run: LabRun;
  /** The playhead: updates applied. */
  position: number;
}

/** A terminal's view: it opens scrolled to its latest line and stays there as lines arrive (CSS column-reverse). */
function Terminal({ lines, label }: { lines: ConsoleLine[]; label: string }): JSX.Element {
  return (
    <pre class="lab-terminal" tabIndex={0} aria-label={label}>
      <code>
        {lines.map((line, i) => (
          <span key={i} class="lab-terminal-line">
            {line.map((segment, j) => (segment.role === "text" ? segment.text : <span key={j} class={`lab-t-${segment.role}`}>{segment.text}</span>))}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}

export function ConsolePanel({ run, position }: ConsolePanelProps): JSX.Element {
  const id = useId();
  const s = run.settings;
  const k = run.iterationsPerEpoch;
  const keras = kerasLines(run, position);
  const torch = pytorchLines(run, position);
  const firstLoss = run.epochRunningLoss.length > 0 ? run.epochRunningLoss[0]! : null;
  const firstFull = run.epochFullLoss.length > 0 ? run.epochFullLoss[0]! : null;
  const partial = run.lastBatchSize !== s.batchSize;
  const rowsUsed = run.batchRows.reduce((sum, rows) => sum + rows, 0);

  return (
    <section class="lab-panel lab-console" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Your console, explained</h3>
      <p class="lab-note">
        What your terminal would print for this run{position < run.updates ? `, up to update ${formatCount(position)}` : ""}. The numbers are the
        lab's; with the same settings Keras and PyTorch print the same kind of numbers, not these exact ones (their
        random starting weights and shuffles differ).
      </p>
      <div class="lab-console-grid">
        <div>
          <h4>Keras: <code>model.fit(X, y, batch_size={s.batchSize}, epochs={s.epochs})</code></h4>
          <Terminal lines={keras} label="Keras output for this run" />
          <dl class="lab-console-key">
            {s.epochs > 1 && (
              <div>
                <dt><code>Epoch 1/{s.epochs}</code></dt>
                <dd>The epoch starting, of the {s.epochs} you asked for: one pass over all {formatCount(run.n)} rows.</dd>
              </div>
            )}
            <div>
              <dt><code class="lab-t-steps">{k}/{k}</code></dt>
              <dd>
                Steps (iterations) done in this epoch, out of the iterations per epoch: ⌈{formatCount(run.n)}/{s.batchSize}⌉ = {k}
                {s.dropLast ? ` (⌊${formatCount(run.n)}/${s.batchSize}⌋ = ${k} here, the last partial batch dropped)` : ""}. Each step is one batch and one weight update.
              </dd>
            </div>
            <div>
              <dt><code><span class="lab-t-bar-done">━━━━━━</span><span class="lab-t-bar-todo">━━━━</span></code></dt>
              <dd>The same count as a bar of 20: the share of this epoch's batches done.</dd>
            </div>
            <div>
              <dt><code class="lab-t-time">{TYPICAL_SECONDS} {TYPICAL_STEP_TIME}</code></dt>
              <dd>Time so far (mid-epoch: time left) and time per step. Only your machine knows these, so the lab shows a typical value for this small model, in grey.</dd>
            </div>
            <div>
              <dt><code>loss: <span class="lab-t-loss">{firstLoss === null ? "…" : kerasMetric(firstLoss)}</span></code></dt>
              <dd>
                The epoch's running loss: the mean of its {k} batch losses, each measured before its update while the weights were still moving,
                weighted by batch size{partial ? ` (the last batch of ${run.lastBatchSize} counts ${run.lastBatchSize}/${s.batchSize} of a full one)` : ""}.
                Mid-epoch, Keras' bar averages once more: it shows the mean of the running means so far.
              </dd>
            </div>
          </dl>
        </div>
        <div>
          <h4>PyTorch: a loop over <code>DataLoader(…, batch_size={s.batchSize}{s.shuffle ? ", shuffle=True" : ""}{s.dropLast ? ", drop_last=True" : ""})</code></h4>
          <Terminal lines={torch} label="PyTorch output for this run" />
          <dl class="lab-console-key">
            <div>
              <dt><code>steps <span class="lab-t-steps">{k}</span></code></dt>
              <dd><code>len(loader)</code>: batches per epoch, the same {k} iterations as Keras' {k}/{k}.</dd>
            </div>
            <div>
              <dt><code>loss <span class="lab-t-loss">{firstLoss === null ? "…" : pythonFixed4(firstLoss)}</span></code></dt>
              <dd>
                <code>running / seen</code>: the batch losses weighted by batch size over the {formatCount(rowsUsed)} rows the epoch used: the same number Keras prints
                as loss.
              </dd>
            </div>
            <div>
              <dt><code>full <span class="lab-t-full">{firstFull === null ? "…" : pythonFixed4(firstFull)}</span></code></dt>
              <dd>
                The loss of all {formatCount(run.n)} rows with the weights at the end of the epoch: the thick line in the loss chart. It is usually lower
                than the running loss, which includes the epoch's early batches, measured before the weights had improved.
              </dd>
            </div>
          </dl>
          <details class="lab-console-code">
            <summary>The loop that prints this</summary>
            <pre tabIndex={0} aria-label="PyTorch training loop"><PythonCode code={pytorchLoop(s.epochs).join("\n")} /></pre>
          </details>
        </div>
      </div>
    </section>
  );
}
