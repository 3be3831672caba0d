/**
 * TensorFlow.js as the bench (scripts/bench.ts) and the oracle test (test/unit/engine/oracle.test.ts) use it: the core
 * ops, the Layers API and the CPU backend. The umbrella package `@tensorflow/tfjs` adds browser bundles, the WebGL
 * backend, the converter and tf.data, which neither needs: 190 MB less to install, about 7 s of `npm ci`.
 */
import "@tensorflow/tfjs-backend-cpu";
// The chained forms (`tensor.flatten()`), which the Layers API calls; the umbrella package registers them too.
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";

export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-layers";
