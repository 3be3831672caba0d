/** Numbers quoted in lesson 3: row 1 through the untrained greenhouse network (src/course/forwardPass.ts). */
import { forwardWalk } from "../forwardPass";
import { INSPECTOR_DEFAULTS, inspectBatch } from "../inspector";
import type { FactValue } from "./types";

const walk = forwardWalk(0);
// Row 1's miss next to the misses of rows 2–5 with the same untrained weights (lesson 4's batch).
const misses = inspectBatch([0, 1, 2, 3, 4], INSPECTOR_DEFAULTS.weightA, INSPECTOR_DEFAULTS.weightB, INSPECTOR_DEFAULTS.learningRate).rows.map((r) =>
  Math.abs(r.prediction - r.target),
);
const largestMiss = Math.max(...misses);

export const lesson3Facts = {
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
  "lesson3.largestMiss": largestMiss,
  "lesson3.largestMissRow": misses.indexOf(largestMiss) + 1,
} satisfies Record<`lesson3.${string}`, FactValue>;
