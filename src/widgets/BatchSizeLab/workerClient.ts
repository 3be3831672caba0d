/**
 * A promise-based handle on trainWorker.ts: one worker per client, kept for the client's life and given one job
 * at a time. A training run (or noise measurement) for new settings supersedes the one of its kind before it
 * instead of killing the worker: one still waiting is dropped, and one already in the worker finishes there with
 * its result thrown away (its promise rejects at once with CancelledError). Only `cancel()` terminates the worker, the one way to stop a job
 * mid-run (Cancel sweep, leaving the page), and a run superseded after STALE_RUN_LIMIT_MS in the worker: waiting
 * longer for a result nobody wants than a new worker takes to start would make the page feel stuck.
 */
import type { Dataset } from "../../engine";
import type { LabRun, LabSettings, NoiseResult, NoiseWeights, SweepRow } from "../../course/lab";
import type { WorkerJob, WorkerReply } from "./trainWorker";

/** Omit applied to each member of a union, so each job keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Job = DistributiveOmit<WorkerJob, "id">;

interface Entry {
  id: number;
  job: Job;
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  /** A run superseded by a newer one: its reply is dropped. */
  dropped: boolean;
}

/** The part of a Worker the client uses, so tests can count and drive workers. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerJob): void;
  terminate(): void;
}

/** A superseded run still in the worker after this long is stopped by starting a new worker. */
export const STALE_RUN_LIMIT_MS = 1500;

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

function createTrainWorker(): WorkerLike {
  return new Worker(new URL("./trainWorker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

export class TrainWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** The job in the worker, and when it was sent. */
  private running: { entry: Entry; since: number } | null = null;
  private queue: Entry[] = [];

  constructor(
    private readonly createWorker: () => WorkerLike = createTrainWorker,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => {
      const running = this.running;
      if (!running || running.entry.id !== event.data.id) return;
      this.running = null;
      const { entry } = running;
      if (!entry.dropped) {
        if (event.data.kind === "error") entry.reject(new Error(event.data.message));
        else entry.resolve(event.data);
      }
      this.pump();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const failed = [this.running?.entry, ...this.queue].filter((e): e is Entry => e !== undefined);
      this.running = null;
      this.queue = [];
      this.worker?.terminate();
      this.worker = null;
      for (const entry of failed) if (!entry.dropped) entry.reject(new Error(event.message || "The training worker failed."));
    };
    this.worker = worker;
    return worker;
  }

  /** Sends the next waiting job when the worker is free. */
  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const entry = this.queue.shift()!;
    this.running = { entry, since: this.now() };
    this.ensure().postMessage({ ...entry.job, id: entry.id } as WorkerJob);
  }

  private post(job: Job): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject, dropped: false });
      this.pump();
    });
  }

  /** Drops the jobs of `kind` a new one replaces (see the top of this file). */
  private supersede(kind: Job["kind"]): void {
    for (const entry of this.queue) {
      if (entry.job.kind === kind) this.drop(entry);
    }
    this.queue = this.queue.filter((entry) => !entry.dropped);
    if (this.running?.entry.job.kind === kind) {
      this.drop(this.running.entry);
      if (this.now() - this.running.since > STALE_RUN_LIMIT_MS) this.restart();
    }
  }

  /** Trains `settings` on `data`; a newer call supersedes this one (which then rejects with CancelledError). */
  async train(settings: LabSettings, data: Dataset): Promise<LabRun> {
    this.supersede("train");
    const reply = await this.post({ kind: "train", settings, data });
    if (reply.kind !== "train") throw new Error("unexpected reply");
    return reply.run;
  }

  async sweepRow(settings: LabSettings, data: Dataset, batchSize: number): Promise<SweepRow> {
    const reply = await this.post({ kind: "sweep-row", settings, data, batchSize });
    if (reply.kind !== "sweep-row") throw new Error("unexpected reply");
    return reply.row;
  }

  /** Measures gradient noise; a newer call supersedes this one, as for train. */
  async noise(model: LabSettings["model"], data: Dataset, weights: Float64Array, which: NoiseWeights): Promise<NoiseResult> {
    this.supersede("noise");
    const reply = await this.post({ kind: "noise", model, data, weights, which });
    if (reply.kind !== "noise") throw new Error("unexpected reply");
    return reply.noise;
  }

  private drop(entry: Entry): void {
    entry.dropped = true;
    entry.reject(new CancelledError());
  }

  /** A new worker in place of one busy with a dropped run; waiting jobs go to the new one. */
  private restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = null;
    this.pump();
  }

  /** Stops whatever is running or waiting: the worker is terminated, and every pending promise rejects with CancelledError. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    const stopped = [this.running?.entry, ...this.queue].filter((e): e is Entry => e !== undefined);
    this.running = null;
    this.queue = [];
    for (const entry of stopped) if (!entry.dropped) this.drop(entry);
  }

  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }
}
