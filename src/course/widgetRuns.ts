/**
 * What each widget publishes after a run, for predict-then-run exercises: `publishRun(widget, values)`
 * (src/widgets/lib/runEvents.ts) must send exactly these keys, and a PredictExercise may only read
 * (`valueKey`) or require (`runWith`) keys its widget sends. Both are checked by the type checker:
 * a widget that publishes a key missing here, or an exercise that reads a key its widget never
 * publishes, does not compile. Every value is a number (booleans as 0/1).
 */
export const WIDGET_RUN_KEYS = {
  "network-explorer": ["features", "hiddenLayers", "units", "outputs", "batchSize", "inputUnits", "parameterCount"],
  "forward-stepper": ["row", "prediction", "predictionMl", "squaredError"],
  "batch-inspector": ["batchSize", "batchLoss", "batchLossAfter", "maxAbsDifference", "meanGradA", "meanGradB", "learningRate"],
  "epoch-timeline": [
    "batchSize",
    "epochs",
    "shuffle",
    "dropLast",
    "iterationsPerEpoch",
    "lastBatchSize",
    "unusedRows",
    "totalUpdates",
    "updates",
    "samplesSeen",
  ],
  "batch-size-lab": [
    "batchSize",
    "epochs",
    "learningRate",
    "shuffle",
    "dropLast",
    "rows",
    "iterationsPerEpoch",
    "lastBatchSize",
    "updates",
    "finalLoss",
  ],
  "batch-size-sweep": ["epochs", "learningRate", "seeds", "lossAtSmallest", "lossAtLargest", "lossRatio", "bestBatchSize"],
  "loss-landscape": ["epochs", "learningRate", "startW1", "startW2", "updatesB1", "lossB1", "updatesB5", "lossB5", "updatesB50", "lossB50"],
  "memory-calculator": ["features", "batchSize", "budgetBytes", "parameters", "weights", "activations", "total", "largestBatch"],
  "window-explorer": ["timesteps", "windows", "window", "targetRow", "batchSize", "units", "kerasParameters", "pytorchParameters"],
  "lstm-trainer": ["timesteps", "units", "epochs", "lstmParameters", "lstmTrain", "lstmValidation", "mlpTrain", "mlpValidation"],
} as const;

export type WidgetName = keyof typeof WIDGET_RUN_KEYS;

/** The names of the values widget W publishes. */
export type WidgetRunKey<W extends WidgetName> = (typeof WIDGET_RUN_KEYS)[W][number];

/** One run of widget W: every registered value, and nothing else. */
export type WidgetRunValues<W extends WidgetName> = Record<WidgetRunKey<W>, number>;

export function isWidgetName(name: string): name is WidgetName {
  return Object.hasOwn(WIDGET_RUN_KEYS, name);
}
