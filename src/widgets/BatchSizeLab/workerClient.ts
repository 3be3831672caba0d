/**
 * A promise-based handle on trainWorker.ts. One worker per lab; `cancel()` terminates it (the only
 * way to stop a job mid-run) and the next job starts a fresh one. Created only in the browser.
 */
import type { Dataset } from "../../engine";
import type { LabRun, LabSettings, NoiseResult, NoiseWeights, SweepRow } from "../../course/lab";
import type { WorkerJob, WorkerReply } from "./trainWorker";

/** Omit applied to each member of a union, so each job keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

export class TrainWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./trainWorker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      this.pending.delete(event.data.id);
      if (event.data.kind === "error") entry.reject(new Error(event.data.message));
      else entry.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const entry of this.pending.values()) entry.reject(new Error(event.message || "The training worker failed."));
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  private post(job: DistributiveOmit<WorkerJob, "id">): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ ...job, id } as WorkerJob);
    });
  }

  async train(settings: LabSettings, data: Dataset): Promise<LabRun> {
    const reply = await this.post({ kind: "train", settings, data });
    if (reply.kind !== "train") throw new Error("unexpected reply");
    return reply.run;
  }

  async sweepRow(settings: LabSettings, data: Dataset, batchSize: number): Promise<SweepRow> {
    const reply = await this.post({ kind: "sweep-row", settings, data, batchSize });
    if (reply.kind !== "sweep-row") throw new Error("unexpected reply");
    return reply.row;
  }

  async noise(model: LabSettings["model"], data: Dataset, weights: Float64Array, which: NoiseWeights): Promise<NoiseResult> {
    const reply = await this.post({ kind: "noise", model, data, weights, which });
    if (reply.kind !== "noise") throw new Error("unexpected reply");
    return reply.noise;
  }

  /** Stop whatever is running; pending promises reject with CancelledError. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const entry of this.pending.values()) entry.reject(new CancelledError());
    this.pending.clear();
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}
