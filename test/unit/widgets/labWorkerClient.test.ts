import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/engine";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import type { LabRun } from "../../../src/course/lab";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import type { WorkerJob, WorkerReply } from "../../../src/widgets/BatchSizeLab/trainWorker";
import { CancelledError, STALE_RUN_LIMIT_MS, TrainWorkerClient, type WorkerLike } from "../../../src/widgets/BatchSizeLab/workerClient";

/** A worker that records the jobs it is sent and answers when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: WorkerJob[] = [];
  terminated = false;
  postMessage(message: WorkerJob): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Finishes the job it holds, as the real worker would: the run's batch size stands in for the result. */
  finish(): void {
    const job = this.received[this.received.length - 1]!;
    if (job.kind !== "train") throw new Error("not a train job");
    this.onmessage?.({ data: { id: job.id, kind: "train", run: { updates: job.settings.batchSize } as unknown as LabRun } } as MessageEvent<WorkerReply>);
  }
}

const data = { n: 6000, features: 2, x: new Float64Array(12000), y: new Float64Array(6000) } as Dataset;
const settings = (batchSize: number) => runSettings({ ...DEFAULT_STATE, batchSize });

function setup() {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const client = new TrainWorkerClient(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    () => clock,
  );
  return { client, workers, advance: (ms: number) => (clock += ms) };
}

describe("the lab's worker client", () => {
  it("ten settings changes during a large-data run use one worker, and only the newest run's result arrives", async () => {
    const { client, workers } = setup();
    const runs = Array.from({ length: 10 }, (_, i) => client.train(settings(i + 1), data).then((run) => run.updates, (error: unknown) => error));
    // The first run is in the worker; the other nine were each superseded while waiting, except the last.
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((job) => job.kind === "train" && job.settings.batchSize)).toEqual([1]);
    workers[0]!.finish(); // the first run's result, nobody wants it any more
    expect(workers[0]!.received.map((job) => job.kind === "train" && job.settings.batchSize)).toEqual([1, 10]);
    workers[0]!.finish();
    const results = await Promise.all(runs);
    expect(results.slice(0, 9).every((r) => r instanceof CancelledError)).toBe(true);
    expect(results[9]).toBe(10);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it("a superseded run that has been in the worker longer than the limit is stopped with a new worker", async () => {
    const { client, workers, advance } = setup();
    const first = client.train(settings(1), data).catch((error: unknown) => error);
    advance(STALE_RUN_LIMIT_MS + 1);
    const second = client.train(settings(2), data);
    expect(await first).toBeInstanceOf(CancelledError);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.received.map((job) => job.kind === "train" && job.settings.batchSize)).toEqual([2]);
    workers[1]!.finish();
    expect((await second).updates).toBe(2);
  });

  it("cancel() stops the worker and every pending promise", async () => {
    const { client, workers } = setup();
    const run = client.train(settings(1), data).catch((error: unknown) => error);
    client.cancel();
    expect(await run).toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
    expect(client.busy).toBe(false);
  });
});
