import { afterEach, describe, expect, it } from "vitest";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { DEFAULT_STATE, formatCount } from "../../../src/widgets/BatchSizeLab/labState";
import { initialWeights, measureNoise, runLab } from "../../../src/course/lab";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import {
  SHIPPED_ATTR, resetShippedForTests, shippableNoise, shippableRun, shippedJson, takeShippedNoise, takeShippedRun,
} from "../../../src/widgets/BatchSizeLab/shipped";

const settings = runSettings({ ...DEFAULT_STATE });
const data = GREENHOUSE_DATA.dataset;

/** A stand-in document holding the given data blocks, as the server writes them. */
function pageWith(blocks: Partial<Record<"run" | "noise", string>>): void {
  (globalThis as { document?: unknown }).document = {
    querySelector(selector: string) {
      const kind = /="(run|noise)"\]$/.exec(selector)?.[1] as "run" | "noise" | undefined;
      expect(selector.startsWith(`script[${SHIPPED_ATTR}=`)).toBe(true);
      const text = kind ? blocks[kind] : undefined;
      return text === undefined ? null : { textContent: text };
    },
  };
}

afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
  resetShippedForTests();
});

describe("formatCount", () => {
  it("writes whole numbers the way toLocaleString('en-US') does", () => {
    for (const n of [0, 7, 50, 999, 1000, 6000, 12_345, 999_999, 1_000_000, 1_234_567_890, -4321]) {
      expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
    }
  });
});

describe("the shipped default run", () => {
  const run = runLab(settings, data);
  const key = `${JSON.stringify(settings)}|greenhouse|50|3`;

  it("comes back exactly as trained, typed arrays included", () => {
    pageWith({ run: shippedJson(shippableRun(key, run)!) });
    const back = takeShippedRun(key);
    expect(back).not.toBeNull();
    expect(back!.batchLoss).toBeInstanceOf(Float64Array);
    expect(back!.finalWeights).toBeInstanceOf(Float64Array);
    expect(back).toEqual(run);
    expect(Array.from(back!.batchLoss)).toEqual(Array.from(run.batchLoss));
    expect(back!.finalLoss).toBe(run.finalLoss);
  });

  it("is used once, and only for the settings it was trained with", () => {
    pageWith({ run: shippedJson(shippableRun(key, run)!) });
    expect(takeShippedRun("other settings")).toBeNull();
    expect(takeShippedRun(key)).toBeNull(); // already taken: later runs are trained
    resetShippedForTests();
    expect(takeShippedRun(key)).not.toBeNull();
    expect(takeShippedRun(key)).toBeNull();
  });

  it("is ignored when missing, malformed or inconsistent", () => {
    pageWith({});
    expect(takeShippedRun(key)).toBeNull();
    resetShippedForTests();
    pageWith({ run: "{not json" });
    expect(takeShippedRun(key)).toBeNull();
    resetShippedForTests();
    const shipped = shippableRun(key, run)!;
    pageWith({ run: shippedJson({ ...shipped, run: { ...shipped.run, batchLoss: shipped.run.batchLoss.slice(1) } }) });
    expect(takeShippedRun(key)).toBeNull();
    resetShippedForTests();
    pageWith({ run: shippedJson({ ...shipped, run: { ...shipped.run, updates: "140" as unknown as number } }) });
    expect(takeShippedRun(key)).toBeNull();
  });

  it("is not shipped when a number would not survive JSON (a diverged run)", () => {
    const diverged = runLab({ ...settings, batchSize: 1, learningRate: 10 }, data);
    expect(diverged.divergence).not.toBeNull();
    expect(shippableRun(key, diverged)).toBeUndefined();
  });

  it("cannot close its script element early", () => {
    const text = shippedJson({ ...shippableRun(key, run)!, key: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("<");
    expect((JSON.parse(text) as { key: string }).key).toBe("</script><script>alert(1)</script>");
  });
});

describe("the shipped noise measurement", () => {
  const noise = measureNoise(settings.model, data, initialWeights(settings, 3), "initial");
  const key = "mlp|1|greenhouse|50|3";

  it("comes back exactly as measured, standard deviations included", () => {
    pageWith({ noise: shippedJson(shippableNoise(key, noise)!) });
    expect(takeShippedNoise(key)).toEqual(noise);
  });

  it("is ignored for other settings, and trained-weight measurements are not shipped", () => {
    pageWith({ noise: shippedJson(shippableNoise(key, noise)!) });
    expect(takeShippedNoise("linear|1|greenhouse|50|3")).toBeNull();
    expect(shippableNoise(key, { ...noise, weights: "trained" })).toBeUndefined();
  });

  it("is ignored when the arrays do not line up", () => {
    const shipped = shippableNoise(key, noise)!;
    pageWith({ noise: shippedJson({ ...shipped, measured: shipped.measured.slice(0, 10) }) });
    expect(takeShippedNoise(key)).toBeNull();
  });
});

describe("the lab's greenhouse data", () => {
  it("has the shape and the standardised numbers of the course's greenhouse table", async () => {
    const greenhouse = (await import("../../../src/course/data")).greenhouseTable();
    const { standardise } = await import("../../../src/engine/dataset");
    expect(GREENHOUSE_DATA.n).toBe(greenhouse.n);
    expect(GREENHOUSE_DATA.features).toBe(greenhouse.features);
    expect(GREENHOUSE_DATA.featureNames).toEqual(greenhouse.featureNames);
    expect(GREENHOUSE_DATA.targetName).toBe(greenhouse.targetName);
    expect(GREENHOUSE_DATA.dataset).toEqual(standardise(greenhouse).dataset);
    expect(GREENHOUSE_DATA.dataset).toBe(GREENHOUSE_DATA.dataset); // parsed once
  });
});
