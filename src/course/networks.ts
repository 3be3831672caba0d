/**
 * The course's networks, defined once. Lessons 2–5 follow one small network through every step,
 * the lab trains it (or a linear model) on any table, and lesson 9 compares it with an LSTM:
 *
 *   the greenhouse network   3 inputs → Dense(8, tanh) → Dense(1, linear), 41 parameters,
 *                            Glorot-uniform weights and zero biases from seed 1, untrained.
 */
import type { ModelSpec } from "../engine/model";
import { GREENHOUSE_FEATURES } from "./columns";

/** Units of the greenhouse network's one hidden layer. */
export const GREENHOUSE_HIDDEN_UNITS = 8;

/** A one-hidden-layer tanh network with a linear output, for `features` inputs. */
export function mlpSpec(features: number, hiddenUnits: number = GREENHOUSE_HIDDEN_UNITS): ModelSpec {
  return {
    inputSize: features,
    layers: [
      { kind: "dense", units: hiddenUnits, activation: "tanh" },
      { kind: "dense", units: 1, activation: "linear" },
    ],
  };
}

/** One linear unit: ŷ = x·w + b. */
export function linearSpec(features: number): ModelSpec {
  return { inputSize: features, layers: [{ kind: "dense", units: 1, activation: "linear" }] };
}

/** An LSTM reading windows of `timesteps` rows, then one dense unit for the prediction. */
export function lstmSpec(features: number, timesteps: number, units: number): ModelSpec {
  return { inputSize: features, timesteps, layers: [{ kind: "lstm", units }, { kind: "dense", units: 1, activation: "linear" }] };
}

/** The greenhouse network of lessons 2–5: 3 → 8 tanh → 1. */
export const GREENHOUSE_NET: ModelSpec = mlpSpec(GREENHOUSE_FEATURES);

/** Seed of its initial weights; fixed so that the pages, the prose and the tests show the same numbers. */
export const GREENHOUSE_NET_SEED = 1;

/** Its layer widths, input first: [3, 8, 1]. */
export const GREENHOUSE_NET_WIDTHS: readonly number[] = [GREENHOUSE_NET.inputSize, ...GREENHOUSE_NET.layers.map((layer) => layer.units)];

/** The batch size of the reader's question (COURSE.md): 50 rows, 3 inputs, batches of 5. */
export const QUESTION_BATCH_SIZE = 5;

/**
 * The example from Keras' old documentation the reader met: Dense(32, input_shape=(16,)), 16 inputs into 32 units
 * (the first hidden layer), then `model.add(Dense(32))`, which needs no input size (`nextUnits`).
 */
export const KERAS_DOCS_DENSE = { inputs: 16, units: 32, nextUnits: 32 } as const;
