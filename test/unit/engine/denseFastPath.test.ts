import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "../../../src/engine/activations";
import {
  createLayeredPath,
  createOneHiddenLayerPath,
  type DenseLayerPlan,
} from "../../../src/engine/denseFastPath";
import { createModel } from "../../../src/engine/model";
import { createOptimizer } from "../../../src/engine/optimizers";
import { createRng } from "../../../src/engine/random";
import { greenhouse, randomDataset } from "./fixtures";

/** The plans of an F-H-1 network, laid out as model.ts does: W [F, H], b [H], v [H, 1], c [1]. */
function plans(F: number, H: number, hidden: DenseLayerPlan["activation"], output: DenseLayerPlan["activation"]): DenseLayerPlan[] {
  return [
    { inSize: F, units: H, activation: hidden, kernel: 0, bias: F * H },
    { inSize: H, units: 1, activation: output, kernel: F * H + H, bias: F * H + 2 * H },
  ];
}

function randomWeights(count: number, seed: number, scale: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count }, () => (2 * rng() - 1) * scale);
}

describe("the one-hidden-layer fast path", () => {
  // F = 3 runs the written-out three-input loop, F = 4 the general one.
  for (const F of [3, 4]) for (const hidden of ACTIVATIONS) {
    for (const output of ACTIVATIONS) {
      it(`gives bit-identical losses, gradients and outputs to the layered path (${F} inputs, ${hidden} hidden, ${output} output)`, () => {
        const data = randomDataset(23, F, 1, 11);
        const layers = plans(F, 6, hidden, output);
        const count = F * 6 + 6 + 6 + 1;
        // Large enough weights that tanh and σ run through both of their branches.
        const w = randomWeights(count, 5, 1.5);
        const a = createOneHiddenLayerPath(layers[0]!, layers[1]!, w);
        const b = createLayeredPath(layers, w);
        const order = Int32Array.from({ length: data.n }, (_, i) => (i * 7) % data.n);
        const ga = new Float64Array(count);
        const gb = new Float64Array(count);
        for (const [first, size] of [[0, 1], [3, 5], [0, 23]] as const) {
          a.gradient(data.x, data.y, order, first, size, ga);
          b.gradient(data.x, data.y, order, first, size, gb);
          expect(a.loss[0]).toBe(b.loss[0]);
          expect(Array.from(ga)).toEqual(Array.from(gb));
          expect(a.squaredError(data.x, data.y, order, first, size)).toBe(b.squaredError(data.x, data.y, order, first, size));
        }
        expect(a.squaredError(data.x, data.y, null, 0, data.n)).toBe(b.squaredError(data.x, data.y, null, 0, data.n));
        for (let r = 0; r < data.n; r++) expect(a.forwardSample(data.x, r * F)[0]).toBe(b.forwardSample(data.x, r * F)[0]);
      });
    }
  }

  it("trains the 3-8-1 network to the same bits as the layered path, update after update", () => {
    const data = greenhouse();
    const layers = plans(3, 8, "tanh", "linear");
    const wa = createModel({ inputSize: 3, layers: [{ kind: "dense", units: 8, activation: "tanh" }, { kind: "dense", units: 1, activation: "linear" }] }, 4).getWeights();
    const wb = wa.slice();
    const a = createOneHiddenLayerPath(layers[0]!, layers[1]!, wa);
    const b = createLayeredPath(layers, wb);
    const sgdA = createOptimizer({ kind: "sgd", learningRate: 0.1 }, 41);
    const sgdB = createOptimizer({ kind: "sgd", learningRate: 0.1 }, 41);
    const ga = new Float64Array(41);
    const gb = new Float64Array(41);
    for (let step = 0; step < 200; step++) {
      const first = (step * 5) % 50;
      a.gradient(data.x, data.y, null, first, 5, ga);
      b.gradient(data.x, data.y, null, first, 5, gb);
      sgdA.step(wa, ga);
      sgdB.step(wb, gb);
    }
    expect(Array.from(wa)).toEqual(Array.from(wb));
    expect(a.squaredError(data.x, data.y, null, 0, 50)).toBe(b.squaredError(data.x, data.y, null, 0, 50));
  });
});
