#!/usr/bin/env node
// `npm test`: every check the README lists, two at a time where they do not depend on each other, each stage's output
// printed whole when it ends, then a table of the stages' times.
//
// Why two at a time: CI has 2 cores. The chain that builds the site (the build, then the sub-path build) keeps about
// one busy; the unit tests run beside it. Each build rewrites the generated `.astro/` folder, and the type check writes
// and reads it too, so the type check waits for both builds; it then runs beside check:dist. (One `astro check` over
// the whole project costs less than separate checks of the .astro and .ts files: 22 s of CPU against 30.) The browser
// tests come last, alone: they use both cores.
//
// Usage: node scripts/run-checks.mjs [--serial]
//   --serial  one stage at a time, to time each stage alone (the table is the same).
import { spawn } from "node:child_process";

/** npm scripts and the stages each must wait for. */
const stages = [
  { name: "test:unit", after: [] },
  { name: "build", after: [] },
  { name: "build:subpath", after: ["build"] },
  // Without its own `astro sync`: the build just before it wrote the same content types to `.astro/` (3 s less).
  { name: "typecheck", args: ["--noSync"], after: ["build:subpath"] },
  { name: "check:dist", after: ["build", "build:subpath"] },
  // Last and alone, so its progress is shown as it happens.
  { name: "test:e2e", after: ["typecheck", "test:unit", "build", "build:subpath", "check:dist"], live: true },
];
const serial = process.argv.includes("--serial");
const slots = serial ? 1 : 2;

/** @type {Map<string, { ok: boolean, seconds: number }>} */
const finished = new Map();
const running = new Set();
const startedAt = performance.now();

function run({ name, args = [], live }) {
  return new Promise((resolve) => {
    const began = performance.now();
    const output = [];
    const child = spawn("npm", ["run", "--silent", name, ...(args.length > 0 ? ["--", ...args] : [])], { stdio: ["ignore", live ? "inherit" : "pipe", live ? "inherit" : "pipe"] });
    child.stdout?.on("data", (chunk) => output.push(chunk));
    child.stderr?.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => {
      const seconds = (performance.now() - began) / 1000;
      process.stdout.write(`\n── ${name}: ${code === 0 ? "passed" : `FAILED (exit code ${code})`} in ${seconds.toFixed(1)} s ──\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ ok: code === 0, seconds });
    });
  });
}

await new Promise((done) => {
  const next = () => {
    const failed = [...finished.values()].some((stage) => !stage.ok);
    const ready = stages.filter(
      (stage) => !finished.has(stage.name) && !running.has(stage.name) && stage.after.every((name) => finished.get(name)?.ok),
    );
    if (running.size === 0 && (failed || ready.length === 0)) return done();
    // After a failure nothing new starts; what is running finishes.
    for (const stage of failed ? [] : ready.slice(0, slots - running.size)) {
      running.add(stage.name);
      process.stdout.write(`▶ ${stage.name}\n`);
      run(stage).then((result) => {
        running.delete(stage.name);
        finished.set(stage.name, result);
        next();
      });
    }
  };
  next();
});

const total = (performance.now() - startedAt) / 1000;
console.log(`\n${"stage".padEnd(16)}${"seconds".padStart(9)}  result`);
for (const { name } of stages) {
  const stage = finished.get(name);
  console.log(`${name.padEnd(16)}${(stage ? stage.seconds.toFixed(1) : "-").padStart(9)}  ${stage ? (stage.ok ? "passed" : "FAILED") : "not run"}`);
}
console.log(`${"total".padEnd(16)}${total.toFixed(1).padStart(9)}  (${serial ? "one stage at a time" : "two stages at a time"})`);
process.exit(stages.every(({ name }) => finished.get(name)?.ok) ? 0 : 1);
