/**
 * Numbers quoted in the prose of lessons 1-3, computed at build time from the shipped table and
 * the engine, never typed by hand. `<Fact name="lesson3.yHat" digits={3} />` prints one.
 */
import { columnStats, countParameters, denseParameterCount, describeDenseNetwork, GREENHOUSE_COLUMNS } from "../../engine";
import { greenhouse } from "../../widgets/lib/greenhouse";
import { forwardWalk, GREENHOUSE_NET_SPEC } from "../../widgets/ForwardStepper/forwardWalk";

const stats = columnStats(greenhouse);
const walk = forwardWalk(greenhouse, 0);
const inputs = GREENHOUSE_COLUMNS.filter((c) => c.role === "input").map((c) => c.label.toLowerCase()).join(", ");
const target = GREENHOUSE_COLUMNS.find((c) => c.role === "target")!.label.toLowerCase();
const lightColumn = 2;
let darkRows = 0;
for (let i = 0; i < greenhouse.n; i++) if (greenhouse.x[i * greenhouse.features + lightColumn] === 0) darkRows++;

const batch5 = describeDenseNetwork(GREENHOUSE_NET_SPEC, 5);

export const facts: Record<string, number | string> = {
  // Lesson 1: the table.
  "lesson1.rows": greenhouse.n,
  "lesson1.features": greenhouse.features,
  "lesson1.columns": greenhouse.features + 1,
  "lesson1.values": greenhouse.n * (greenhouse.features + 1),
  "lesson1.xValues": greenhouse.n * greenhouse.features,
  "lesson1.darkRows": darkRows,
  "lesson1.row1.temperature": greenhouse.x[0]!,
  "lesson1.row1.humidity": greenhouse.x[1]!,
  "lesson1.row1.light": greenhouse.x[2]!,
  "lesson1.row1.water": greenhouse.y[0]!,
  "lesson1.temperature.mean": stats.features[0]!.mean,
  "lesson1.temperature.std": stats.features[0]!.std,
  "lesson1.temperature.min": stats.features[0]!.min,
  "lesson1.temperature.max": stats.features[0]!.max,
  "lesson1.humidity.mean": stats.features[1]!.mean,
  "lesson1.humidity.std": stats.features[1]!.std,
  "lesson1.light.mean": stats.features[2]!.mean,
  "lesson1.light.std": stats.features[2]!.std,
  "lesson1.light.max": stats.features[2]!.max,
  "lesson1.water.mean": stats.target.mean,
  "lesson1.water.std": stats.target.std,
  "lesson1.water.min": stats.target.min,
  "lesson1.water.max": stats.target.max,
  "lesson1.inputNames": inputs,
  "lesson1.targetName": target,

  // Lesson 2: layer sizes and parameter counts.
  "lesson2.hiddenParams": denseParameterCount(3, 8),
  "lesson2.outputParams": denseParameterCount(8, 1),
  "lesson2.ourNetParams": countParameters(GREENHOUSE_NET_SPEC),
  "lesson2.ourNetParamsAtBatch5": batch5.parameterCount,
  "lesson2.inputUnitsAtBatch5": batch5.inputUnits,
  "lesson2.kerasDocsWeights": 16 * 32,
  "lesson2.kerasDocsParams": denseParameterCount(16, 32),
  "lesson2.batch5Values": 5 * 3,

  // Lesson 3: row 1 through the untrained 3-8-1 net (seeded).
  "lesson3.x1": walk.x[0]!,
  "lesson3.x2": walk.x[1]!,
  "lesson3.x3": walk.x[2]!,
  "lesson3.w11": walk.w1[0]![0]!,
  "lesson3.w21": walk.w1[1]![0]!,
  "lesson3.w31": walk.w1[2]![0]!,
  "lesson3.p1": walk.x[0]! * walk.w1[0]![0]!,
  "lesson3.p2": walk.x[1]! * walk.w1[1]![0]!,
  "lesson3.p3": walk.x[2]! * walk.w1[2]![0]!,
  "lesson3.z1": walk.z1[0]!,
  "lesson3.a1": walk.a1[0]!,
  "lesson3.yHat": walk.yHat,
  "lesson3.yHatMl": walk.yHatRaw,
  "lesson3.y": walk.y,
  "lesson3.error": walk.yHat - walk.y,
  "lesson3.squaredError": walk.squaredError,
  "lesson3.missMl": Math.abs(walk.yHatRaw - walk.rawTarget),
  "lesson3.params": walk.parameterCount,
};
