/**
 * Lesson 9's window explorer, the parts that are not drawing: which rows a window covers (counted
 * from 1, as the page does), how many windows and batches there are, and the LSTM's parameter
 * counts in both frameworks. The arithmetic comes from the engine (windows.ts, batching.ts,
 * architecture.ts).
 */
// Narrow imports (not the engine's index): an island that imports the index shares one chunk with every engine module
// reached through it, which would put the trainer's code on lesson 9.
import { describeLstmNetwork, type Framework, lstmParameterCount } from "../../engine/architecture";
import { iterationsPerEpoch, lastBatchSize } from "../../engine/batching";
import type { ModelSpec } from "../../engine/modelSpec";
import { windowCount, windowRows } from "../../engine/windows";

export interface WindowCover {
  /** First and last row of the window, counted from 1. */
  first: number;
  last: number;
  /** The row whose target the window predicts: its last row. */
  targetRow: number;
}

/** Window `window` (counted from 1) of length T. */
export function windowCover(window: number, timesteps: number): WindowCover {
  const rows = windowRows(window - 1, timesteps);
  const first = rows[0]! + 1;
  const last = rows[rows.length - 1]! + 1;
  return { first, last, targetRow: last };
}

/** "50 − 5 + 1 = 46 windows" (a true minus sign). */
export function windowFormula(rows: number, timesteps: number): string {
  const count = windowCount(rows, timesteps);
  return `${rows} − ${timesteps} + 1 = ${count} ${count === 1 ? "window" : "windows"}`;
}

export function formatShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? "None" : String(d)));
  return `(${parts.join(", ")}${parts.length === 1 ? "," : ""})`;
}

export interface BatchPlan {
  batches: number;
  lastBatch: number;
}

/** Batches of windows per epoch, keeping the short last batch (Keras, PyTorch drop_last=False). */
export function windowBatches(windows: number, batchSize: number): BatchPlan {
  return { batches: iterationsPerEpoch(windows, batchSize), lastBatch: lastBatchSize(windows, batchSize) };
}

export interface LstmCounts {
  framework: Framework;
  lstm: number;
  head: number;
  total: number;
  /** The weight tensors with shapes, in the framework's names and layout. */
  tensors: { name: string; shape: number[]; parameters: number }[];
}

/** LSTM(H) on F features per step, then a dense layer to one output, in one framework. */
export function lstmCounts(features: number, units: number, timesteps: number, batchSize: number, framework: Framework): LstmCounts {
  const spec: ModelSpec = { inputSize: features, timesteps, layers: [{ kind: "lstm", units }, { kind: "dense", units: 1, activation: "linear" }] };
  const description = describeLstmNetwork(spec, batchSize, framework);
  const lstm = lstmParameterCount(features, units, framework);
  return {
    framework,
    lstm,
    head: description.parameterCount - lstm,
    total: description.parameterCount,
    tensors: description.tensors.filter((t) => t.parameters > 0).map((t) => ({ name: t.name, shape: t.shape, parameters: t.parameters })),
  };
}

export interface LstmSnippetSettings {
  features: number;
  timesteps: number;
  units: number;
  batchSize: number;
  windows: number;
}

/** Keras 3: the input spec names (timesteps, features); the batch size appears only in fit. */
export function kerasLstmSnippet({ features: F, timesteps: T, units: H, batchSize: B, windows }: LstmSnippetSettings): string {
  return `inputs = keras.Input(shape=(${T}, ${F}))  # (timesteps, features)
x = keras.layers.LSTM(${H})(inputs)       # (None, ${H}); 4(H(F + H) + H) parameters
outputs = keras.layers.Dense(1)(x)     # (None, 1)
model = keras.Model(inputs, outputs)
model.input_shape                      # (None, ${T}, ${F})
model.fit(X, y, batch_size=${B})          # X: (${windows}, ${T}, ${F})`;
}

/** PyTorch: batch_first=True reads (batch, timesteps, features); nn.LSTM keeps two bias vectors per gate. */
export function pytorchLstmSnippet({ features: F, timesteps: T, units: H, batchSize: B }: LstmSnippetSettings): string {
  return `lstm = nn.LSTM(input_size=${F}, hidden_size=${H}, batch_first=True)
# two bias vectors per gate (bias_ih, bias_hh), one more than Keras and this page:
# 4(H(F + H) + 2H) parameters
head = nn.Linear(${H}, 1)
x = torch.randn(${B}, ${T}, ${F})        # one batch
out, (h_n, c_n) = lstm(x)  # out: (${B}, ${T}, ${H}); h_n: (1, ${B}, ${H})
y_hat = head(out[:, -1])   # (${B}, 1)`;
}
