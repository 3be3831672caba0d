/// <reference lib="webworker" />
// Trains the LSTM and the MLP off the main thread: a default run takes 100–250 ms, too long to block the page.
import type { LstmSettings } from "../../course/lstm";
import { lstmComparison } from "../../course/lstmComparison";

self.onmessage = (event: MessageEvent<{ id: number; settings: LstmSettings }>) => {
  const { id, settings } = event.data;
  const started = performance.now();
  try {
    const result = lstmComparison(settings);
    self.postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
