/**
 * exp, tanh and the logistic sigmoid in plain arithmetic.
 *
 * Why not Math.exp / Math.tanh: ECMAScript leaves their last bits to the engine, so a run could
 * differ between Node and a browser; these use only +, −, ×, ÷, which IEEE 754 fixes exactly,
 * so the same seed gives the same bits everywhere. They are also faster in V8 on the hot path
 * (no call into a C library), which matters because tanh dominates a small MLP's work.
 * Accuracy is within a few ulp of the true value (checked against Math.* in the tests).
 */

// ln 2 split so that k·LN2_HI is exact for |k| < 2^11 (fdlibm's constants).
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
// fdlibm's minimax coefficients for R(r²) with e^r = 1 + 2r/(R − r), |r| ≤ ln2/2.
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** 2^k for k in [−1074, 1023], exact (built by doubling and halving, which is exact). */
const POW2 = new Float64Array(2098);
{
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) POW2[k + 1074] = p;
  p = 1;
  for (let k = 0; k >= -1074; k--, p /= 2) POW2[k + 1074] = p;
}

/**
 * e^x by range reduction: x = k·ln2 + r with |r| ≤ ln2/2, e^r from fdlibm's rational
 * approximation, then e^x = 2^k · e^r.
 */
export function exp(x: number): number {
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x !== x) return x;
  const k = Math.floor(x * INV_LN2 + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023) return y * 2 * POW2[1023 + 1074]!;
  if (k < -1021) return y * POW2[k + 1 + 1074]! * 0.5;
  return y * POW2[k + 1074]!;
}

// Cephes' rational approximation of tanh on |x| < 0.625: tanh x = x + x·s·P(s)/Q(s), s = x².
const TP0 = -9.64399179425052238628e-1;
const TP1 = -9.92877231001918586564e1;
const TP2 = -1.61468768441708447952e3;
const TQ0 = 1.12811678491632931402e2;
const TQ1 = 2.23548839060100448583e3;
const TQ2 = 4.84406305325125486048e3;

/**
 * tanh x: Cephes' rational form near 0; else 1 − 2/(e^(2|x|) + 1) with the sign restored, where
 * e^(2|x|) comes from the same steps as `exp` but is kept as a fraction so that one division
 * serves both: with 2|x| = k·ln2 + r and c as in `exp`,
 *   e^r = 1 + r + r·c/(2 − c) = (D + 2r)/D,  D = 2 − c,
 *   tanh|x| = 1 − 2/(2^k·(D + 2r)/D + 1) = 1 − 2D/(2^k·(D + 2r) + D).
 * (Two divisions cost about as much as the rest of the function; accuracy is unchanged.)
 */
export function tanh(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax < 0.625) {
    if (x === 0) return x; // keeps the sign of −0
    const s = x * x;
    return x + (x * s * ((TP0 * s + TP1) * s + TP2)) / (((s + TQ0) * s + TQ1) * s + TQ2);
  }
  // tanh(22) = 1 − 1.6e-19, which rounds to 1. NaN fails both tests and comes back as NaN.
  if (!(ax <= 22)) return x > 0 ? 1 : x < 0 ? -1 : x;
  // 2|x| ∈ [1.25, 44], so k ∈ [2, 64]: no overflow, and 2^k is exact.
  const x2 = 2 * ax;
  const k = Math.floor(x2 * INV_LN2 + 0.5);
  const hi = x2 - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const d = 2 - c;
  const q = 1 - (2 * d) / (POW2[k + 1074]! * (d + 2 * r) + d);
  return x < 0 ? -q : q;
}

/** σ(z) = 1 / (1 + e^(−z)). */
export function sigmoid(z: number): number {
  return 1 / (1 + exp(-z));
}
