/**
 * Keras and PyTorch code that reproduces the lab's current settings. Pure string building: the
 * output is shown in a <pre> (as text, never as markup) and copied to the clipboard.
 *
 * Mapping (the lab follows Keras' arithmetic, see src/engine/train.ts):
 * - model: Dense(8, tanh) → Dense(1), or one Dense(1); kernels Glorot-uniform, biases 0 (Keras'
 *   defaults; the PyTorch code sets them explicitly because nn.Linear starts differently).
 * - optimizer: SGD, SGD(momentum=0.9) or Adam with ε = 1e-7 (Keras' default; PyTorch's is 1e-8).
 * - shuffle each epoch = Keras fit(shuffle=True) = DataLoader(shuffle=True).
 * - drop last: PyTorch DataLoader(drop_last=True); Keras' fit has no such option, so the Keras
 *   code batches a tf.data.Dataset with .batch(B, drop_remainder=True) instead.
 * Column names are written as JSON strings, which are valid Python string literals.
 */
import { iterationsPerEpoch } from "../../engine/batching";
import { MLP_HIDDEN_UNITS, type LabSettings } from "../../course/lab";
import type { CsvDelimiter } from "../../engine/csv";

export interface CodeData {
  /** CSV file name the code reads. */
  fileName: string;
  /** The separator the lab found in the file (comma unless the reader's table used another). */
  separator?: CsvDelimiter;
  featureNames: readonly string[];
  targetName: string;
  n: number;
}

function py(text: string): string {
  return JSON.stringify(text);
}

function pyFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function loadData(data: CodeData): string[] {
  const separator = data.separator ?? ",";
  return [
    `df = pd.read_csv(${py(data.fileName)}${separator === "," ? "" : `, sep=${py(separator)}`})`,
    `X = df[[${data.featureNames.map(py).join(", ")}]].to_numpy("float32")  # shape (${data.n}, ${data.featureNames.length})`,
    `y = df[[${py(data.targetName)}]].to_numpy("float32")  # shape (${data.n}, 1)`,
    "# Standardise every column to mean 0, std 1, as the lab does (its losses are in these units);",
    "# a constant column (std 0) is divided by 1, as in the lab, so it becomes zeros instead of NaN.",
    "X_std, y_std = X.std(axis=0), y.std(axis=0)",
    "X_std[X_std == 0], y_std[y_std == 0] = 1, 1",
    "X = (X - X.mean(axis=0)) / X_std",
    "y = (y - y.mean(axis=0)) / y_std",
  ];
}

function header(s: LabSettings, data: CodeData): string {
  const k = iterationsPerEpoch(data.n, s.batchSize, { dropLast: s.dropLast });
  return `# ${data.n} rows, batch size ${s.batchSize}${s.dropLast ? ", last partial batch dropped" : ""}: ${k} iterations per epoch, ${k * s.epochs} weight updates in ${s.epochs} epochs.`;
}

export function kerasCode(s: LabSettings, data: CodeData): string {
  const f = data.featureNames.length;
  const layers =
    s.model === "mlp"
      ? [`    layers.Dense(${MLP_HIDDEN_UNITS}, activation="tanh"),`, "    layers.Dense(1),"]
      : ["    layers.Dense(1),"];
  // On its own line: a trailing comment inside model.compile(...) would swallow the closing parenthesis.
  const optimizer =
    s.optimizer === "sgd"
      ? [`optimizer = keras.optimizers.SGD(learning_rate=${pyFloat(s.learningRate)})`]
      : s.optimizer === "momentum"
        ? [`optimizer = keras.optimizers.SGD(learning_rate=${pyFloat(s.learningRate)}, momentum=0.9)`]
        : [
            `optimizer = keras.optimizers.Adam(learning_rate=${pyFloat(s.learningRate)})  # epsilon=1e-7 is Keras' default`,
            "# One known difference from the lab: Keras adds epsilon to sqrt(v) before bias correction, the lab (like PyTorch)",
            "# to sqrt(v_hat) after it; the steps differ only while sqrt(v) is about as small as epsilon.",
          ];
  const fit = s.dropLast
    ? [
        "# Keras' fit() has no drop_last: batch a tf.data pipeline with drop_remainder=True instead.",
        "ds = tf.data.Dataset.from_tensor_slices((X, y))",
        ...(s.shuffle ? ["ds = ds.shuffle(len(X), seed=" + s.seed + ", reshuffle_each_iteration=True)  # a new order every epoch"] : []),
        `ds = ds.batch(${s.batchSize}, drop_remainder=True)`,
        `history = model.fit(ds, epochs=${s.epochs})  # batch size and shuffling come from ds`,
      ]
    : [`history = model.fit(X, y, batch_size=${s.batchSize}, epochs=${s.epochs}, shuffle=${s.shuffle ? "True" : "False"})`];
  return [
    header(s, data),
    "import keras",
    "from keras import layers",
    "import pandas as pd",
    ...(s.dropLast ? ["import tensorflow as tf"] : []),
    "",
    `keras.utils.set_random_seed(${s.seed})`,
    ...loadData(data),
    "",
    "model = keras.Sequential([",
    `    keras.Input(shape=(${f},)),  # the input layer: ${f} values per sample, no weights`,
    ...layers,
    "])",
    ...optimizer,
    'model.compile(optimizer=optimizer, loss="mse")',
    ...fit,
    "# history.history[\"loss\"] is the running mean of the batch losses in each epoch;",
    "# the full-dataset loss after training is:",
    "print(model.evaluate(X, y, verbose=0))",
    "",
  ].join("\n");
}

export function pytorchCode(s: LabSettings, data: CodeData): string {
  const f = data.featureNames.length;
  const model =
    s.model === "mlp"
      ? `model = nn.Sequential(nn.Linear(${f}, ${MLP_HIDDEN_UNITS}), nn.Tanh(), nn.Linear(${MLP_HIDDEN_UNITS}, 1))`
      : `model = nn.Sequential(nn.Linear(${f}, 1))`;
  const optimizer =
    s.optimizer === "sgd"
      ? `torch.optim.SGD(model.parameters(), lr=${pyFloat(s.learningRate)})`
      : s.optimizer === "momentum"
        ? `torch.optim.SGD(model.parameters(), lr=${pyFloat(s.learningRate)}, momentum=0.9)`
        : `torch.optim.Adam(model.parameters(), lr=${pyFloat(s.learningRate)}, eps=1e-7)  # Keras' epsilon, added as the lab does`;
  return [
    header(s, data),
    "import pandas as pd",
    "import torch",
    "from torch import nn",
    "from torch.utils.data import DataLoader, TensorDataset",
    "",
    `torch.manual_seed(${s.seed})`,
    ...loadData(data),
    "X, y = torch.from_numpy(X), torch.from_numpy(y)",
    "",
    model,
    "for layer in model:",
    "    if isinstance(layer, nn.Linear):  # start like Keras: Glorot-uniform weights, zero biases",
    "        nn.init.xavier_uniform_(layer.weight)",
    "        nn.init.zeros_(layer.bias)",
    "",
    `loader = DataLoader(TensorDataset(X, y), batch_size=${s.batchSize}, shuffle=${s.shuffle ? "True" : "False"}, drop_last=${s.dropLast ? "True" : "False"})`,
    `optimizer = ${optimizer}`,
    "loss_fn = nn.MSELoss()",
    "",
    ...pytorchLoop(s.epochs),
    "",
  ].join("\n");
}

/**
 * The training loop of the exported PyTorch code; the lab's console shows what it prints
 * (trainingConsole.ts pytorchLines): steps is len(loader), loss the batch-size-weighted mean of the
 * epoch's batch losses (what Keras prints), full the loss of all rows after the epoch.
 */
export function pytorchLoop(epochs: number): string[] {
  return [
    `for epoch in range(${epochs}):`,
    "    steps, seen, running = 0, 0, 0.0",
    "    for xb, yb in loader:  # one iteration: one batch, one weight update",
    "        optimizer.zero_grad()",
    "        loss = loss_fn(model(xb), yb)  # batch loss: the mean over the batch's rows",
    "        loss.backward()",
    "        optimizer.step()",
    "        steps += 1",
    "        seen += len(xb)",
    "        running += loss.item() * len(xb)  # weighted by batch size, as Keras' loss is",
    "    with torch.no_grad():",
    "        full = loss_fn(model(X), y).item()  # full-dataset loss after the epoch",
    `    print(f"epoch {epoch + 1}/${epochs}  steps {steps}  loss {running / seen:.4f}  full {full:.4f}")`,
  ];
}
