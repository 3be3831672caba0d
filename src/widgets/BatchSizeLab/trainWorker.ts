/**
 * Off-main-thread training for large data sets (a pasted CSV of thousands of rows): the page stays
 * responsive while the engine trains. Each message is one job; the reply carries the same id.
 */
import type { Dataset } from "../../engine";
import { measureNoise, runLab, sweepRow, type LabRun, type LabSettings, type NoiseResult, type NoiseWeights, type SweepRow } from "../../course/lab";

export type WorkerJob =
  | { id: number; kind: "train"; settings: LabSettings; data: Dataset }
  | { id: number; kind: "sweep-row"; settings: LabSettings; data: Dataset; batchSize: number }
  | { id: number; kind: "noise"; model: LabSettings["model"]; data: Dataset; weights: Float64Array; which: NoiseWeights };

export type WorkerReply =
  | { id: number; kind: "train"; run: LabRun }
  | { id: number; kind: "sweep-row"; row: SweepRow }
  | { id: number; kind: "noise"; noise: NoiseResult }
  | { id: number; kind: "error"; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerJob>) => void) | null;
  postMessage: (message: WorkerReply) => void;
};

scope.onmessage = (event) => {
  const job = event.data;
  try {
    if (job.kind === "train") scope.postMessage({ id: job.id, kind: "train", run: runLab(job.settings, job.data) });
    else if (job.kind === "sweep-row") {
      scope.postMessage({ id: job.id, kind: "sweep-row", row: sweepRow(job.settings, job.data, job.batchSize) });
    } else {
      scope.postMessage({ id: job.id, kind: "noise", noise: measureNoise(job.model, job.data, job.weights, job.which) });
    }
  } catch (error) {
    scope.postMessage({ id: job.id, kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
