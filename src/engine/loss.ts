/**
 * Mean squared error, the course's only loss.
 *
 * For a batch of B samples with O outputs each:
 *   L = (1 / (B·O)) Σ_b Σ_o (ŷ_bo − y_bo)²
 * With one output (the course's case) this is L = (1/B) Σ_b (ŷ_b − y_b)²: the mean of the
 * per-sample losses ℓ_b = (1/O) Σ_o (ŷ_bo − y_bo)². Keras' "mse" is the same quantity.
 * Its derivative: ∂L/∂ŷ_bo = 2 (ŷ_bo − y_bo) / (B·O). Training computes both inside the dense
 * layers' pass (denseLayers.ts), sample by sample; this file gives the per-sample losses a widget shows.
 */

/** ℓ_b for each sample into `out` (length ≥ count). Their mean is L. */
export function perSampleSquaredError(
  predicted: Float64Array,
  target: Float64Array,
  count: number,
  outputs: number,
  out: Float64Array,
): Float64Array {
  for (let b = 0; b < count; b++) {
    let sum = 0;
    for (let o = 0; o < outputs; o++) {
      const d = predicted[b * outputs + o]! - target[b * outputs + o]!;
      sum += d * d;
    }
    out[b] = sum / outputs;
  }
  return out;
}
