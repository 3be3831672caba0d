/**
 * Lesson 9's stateful LSTM: the one place where Keras puts the batch size into the input spec
 * (`keras.Input(batch_shape=(B, T, F))` with `LSTM(H, stateful=True)`). The state left by sample i
 * of one batch is the starting state of sample i of the next, so the table is laid out as B
 * parallel streams of consecutive hours: stream i holds rows i·L + 1 … (i + 1)·L (L = N / B), and
 * batch k takes the k-th chunk of T hours from every stream.
 */
import { GREENHOUSE_FEATURE_COLUMNS, GREENHOUSE_FEATURES, GREENHOUSE_FILE_NAME, GREENHOUSE_ROWS, GREENHOUSE_TARGET_COLUMN } from "./columns";

export const STATEFUL_BATCH_SIZE = 5;
export const STATEFUL_TIMESTEPS = 2;
export const STATEFUL_UNITS = 8;

export interface StatefulLayout {
  batchSize: number;
  timesteps: number;
  /** Consecutive hours in each stream (N / B). */
  streamLength: number;
  /** Batches per epoch: one chunk of T hours from every stream (L / T). */
  batchesPerEpoch: number;
  /** Shape of every batch, the one Keras' batch_shape fixes. */
  batchShape: [number, number, number];
}

export function statefulLayout(n: number = GREENHOUSE_ROWS, batchSize: number = STATEFUL_BATCH_SIZE, timesteps: number = STATEFUL_TIMESTEPS): StatefulLayout {
  if (n % batchSize !== 0) throw new RangeError(`${n} rows do not split into ${batchSize} streams of equal length.`);
  const streamLength = n / batchSize;
  if (streamLength % timesteps !== 0) throw new RangeError(`Streams of ${streamLength} hours do not split into chunks of ${timesteps}.`);
  return { batchSize, timesteps, streamLength, batchesPerEpoch: streamLength / timesteps, batchShape: [batchSize, timesteps, GREENHOUSE_FEATURES] };
}

/** Rows (1-based, first and last) of sample i (1-based) in batch k (1-based). */
export function statefulSampleRows(layout: StatefulLayout, batch: number, sample: number): [number, number] {
  const first = (sample - 1) * layout.streamLength + (batch - 1) * layout.timesteps + 1;
  return [first, first + layout.timesteps - 1];
}

/** Keras 3 code that trains a stateful LSTM on the greenhouse file laid out as the streams above. */
export function statefulKerasCode(layout: StatefulLayout = statefulLayout(), units: number = STATEFUL_UNITS): string {
  const [B, T, F] = layout.batchShape;
  const chunks = layout.batchesPerEpoch;
  const columns = (names: readonly string[]): string => names.map((name) => JSON.stringify(name)).join(", ");
  return [
    "import keras",
    "import pandas as pd",
    "from keras import layers",
    "",
    `df = pd.read_csv(${JSON.stringify(GREENHOUSE_FILE_NAME)})`,
    `X = df[[${columns(GREENHOUSE_FEATURE_COLUMNS)}]].to_numpy("float32")`,
    `y = df[${JSON.stringify(GREENHOUSE_TARGET_COLUMN)}].to_numpy("float32")`,
    "X = (X - X.mean(axis=0)) / X.std(axis=0)",
    "y = (y - y.mean()) / y.std()",
    "",
    `# ${B} streams of ${layout.streamLength} consecutive hours; batch k (from 0) takes hours ${T}k+1 … ${T}k+${T} of every stream,`,
    "# so sample i of batch k + 1 continues sample i of batch k.",
    `X_batches = X.reshape(${B}, ${chunks}, ${T}, ${F}).transpose(1, 0, 2, 3).reshape(-1, ${T}, ${F})`,
    `y_batches = y.reshape(${B}, ${chunks}, ${T})[:, :, -1].T.reshape(-1, 1)  # each chunk's last hour`,
    "",
    `inputs = keras.Input(batch_shape=(${B}, ${T}, ${F}))  # the batch size is part of the input spec`,
    `lstm = layers.LSTM(${units}, stateful=True)  # keeps a (${B}, ${units}) state between batches`,
    "outputs = layers.Dense(1)(lstm(inputs))",
    "model = keras.Model(inputs, outputs)",
    'model.compile(optimizer="adam", loss="mse")',
    "",
    "for epoch in range(20):",
    "    lstm.reset_state()  # every stream starts again from a zero state",
    `    model.fit(X_batches, y_batches, batch_size=${B}, epochs=1, shuffle=False)  # the order carries the state`,
    "",
  ].join("\n");
}

/** The code lesson 9 shows, for the default layout. */
export const STATEFUL_KERAS_CODE: string = statefulKerasCode();
