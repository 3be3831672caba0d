#!/usr/bin/env node
// `npm run bench`: bundles scripts/bench.ts with esbuild, then runs the bundle. Bundled, not run through tsx, because
// TensorFlow.js's chained tensor methods (`tensor.flatten()`, which its Layers API calls) are registered by an ES
// module of tfjs-core that Node cannot load as published (its imports name folders); a bundler resolves them.
import { build } from "esbuild";

const outfile = new URL("../dist-bench/bench.mjs", import.meta.url);
await build({
  entryPoints: [new URL("bench.ts", import.meta.url).pathname],
  bundle: true,
  platform: "node",
  format: "esm",
  // tfjs-core's ES modules, so that the chained methods land on the one Tensor class the bundle holds.
  mainFields: ["module", "main"],
  outfile: outfile.pathname,
  logLevel: "warning",
  // The bundle's CommonJS parts require() Node's own modules.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
await import(outfile.href);
