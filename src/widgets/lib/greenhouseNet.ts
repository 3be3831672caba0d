import type { ModelSpec } from "../../engine/model";

/**
 * The course's small network, shared by the forward stepper, the batch inspector and the prose:
 * 3 inputs → Dense(8, tanh) → Dense(1, linear), 41 parameters.
 */
export const GREENHOUSE_NET_SPEC: ModelSpec = {
  inputSize: 3,
  layers: [
    { kind: "dense", units: 8, activation: "tanh" },
    { kind: "dense", units: 1, activation: "linear" },
  ],
};

/** Seed of its initial weights; fixed so the pages, the prose and the tests show the same numbers. */
export const GREENHOUSE_NET_SEED = 1;
