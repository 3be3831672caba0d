import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/unit/**/*.test.tsx"],
    testTimeout: 60_000,
    // One worker per core for the whole run, not a fresh one per file: on the 2-core CI machine the per-file worker
    // start-up was over a third of the run. The tests share no state through modules (storage is injected; the files
    // that stub `window` restore it, and unstubGlobals makes sure); they also pass in shuffled order
    // (`npx vitest run --sequence.shuffle`).
    isolate: false,
    unstubGlobals: true,
  },
});
