/**
 * Every Python snippet the site generates must at least be valid Python. Where python3 is on the PATH, each
 * snippet for a representative set of settings goes through compile() (syntax only: keras, torch and pandas
 * need not be installed). Without python3 the test is skipped and says so.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { STATEFUL_KERAS_CODE } from "../../../src/course/stateful";
import { kerasCode as labKeras, pytorchCode as labPytorch, type CodeData } from "../../../src/widgets/BatchSizeLab/codegen";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import { kerasCode as explorerKeras, pytorchCode as explorerPytorch } from "../../../src/widgets/NetworkExplorer/codegen";
import { kerasLstmSnippet, pytorchLstmSnippet } from "../../../src/widgets/WindowExplorer/windowHelpers";

const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const hasPython = python.status === 0;
if (!hasPython) console.warn("generatedPython.test.ts: python3 is not on the PATH, so the generated Python is not compiled.");

/** Compiles each snippet in one python3 process; returns "name: error" for each that fails. */
function compileAll(snippets: Record<string, string>): string[] {
  const script = [
    "import json, sys",
    "failures = []",
    "for name, code in json.load(sys.stdin).items():",
    "    try:",
    "        compile(code, name, 'exec')",
    "    except SyntaxError as error:",
    "        failures.append(f'{name}: line {error.lineno}: {error.msg}')",
    "print(json.dumps(failures))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(snippets), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

const greenhouse: CodeData = { fileName: "greenhouse.csv", featureNames: ["temperature_c", "humidity_pct", "light_klux"], targetName: "water_use_ml", n: 50 };
// A reader's own table: tab-separated, awkward column names (quotes, a backslash, non-ASCII, spaces).
const own: CodeData = { fileName: "my data.tsv", separator: "\t", featureNames: ['say "hi"', "back\\slash", "température (°C)"], targetName: "y it's", n: 20 };

function labSnippets(): Record<string, string> {
  const snippets: Record<string, string> = {};
  const base = runSettings({ ...DEFAULT_STATE });
  for (const model of ["mlp", "linear"] as const)
    for (const optimizer of ["sgd", "momentum", "adam"] as const)
      for (const dropLast of [false, true])
        for (const shuffle of [false, true])
          for (const [dataName, data] of [["greenhouse", greenhouse], ["own", own]] as const) {
            const settings = { ...base, model, optimizer, dropLast, shuffle, learningRate: 0.001, batchSize: 3 };
            const key = `${model}-${optimizer}-${dropLast ? "drop" : "keep"}-${shuffle ? "shuffle" : "ordered"}-${dataName}`;
            snippets[`lab keras ${key}`] = labKeras(settings, data);
            snippets[`lab pytorch ${key}`] = labPytorch(settings, data);
          }
  return snippets;
}

function otherSnippets(): Record<string, string> {
  const snippets: Record<string, string> = { "lesson 9 stateful keras": STATEFUL_KERAS_CODE };
  const nets = [
    { features: 3, hidden: [8], outputs: 1, activation: "tanh" as const, batchSize: 5 },
    { features: 16, hidden: [32], outputs: 1, activation: "linear" as const, batchSize: 1 },
    { features: 3, hidden: [], outputs: 2, activation: "relu" as const, batchSize: 50 },
  ];
  nets.forEach((net, k) => {
    snippets[`explorer keras ${k}`] = explorerKeras(net, 41);
    snippets[`explorer pytorch ${k}`] = explorerPytorch(net, 41);
  });
  for (const settings of [{ features: 3, timesteps: 5, units: 8, batchSize: 8, windows: 46 }, { features: 3, timesteps: 1, units: 1, batchSize: 1, windows: 50 }]) {
    snippets[`window keras T=${settings.timesteps}`] = kerasLstmSnippet(settings);
    snippets[`window pytorch T=${settings.timesteps}`] = pytorchLstmSnippet(settings);
  }
  return snippets;
}

describe("the generated Python", () => {
  // One python3 process for every snippet: starting python3 costs more than compiling a hundred snippets.
  const lab = labSnippets();
  const other = otherSnippets();
  const broken = { broken: 'model.compile(optimizer=opt  # a comment, loss="mse")' };
  const failures = hasPython ? compileAll({ ...lab, ...other, ...broken }) : [];
  const failuresOf = (snippets: Record<string, string>) => failures.filter((failure) => Object.keys(snippets).some((name) => failure.startsWith(`${name}: `)));

  it.skipIf(!hasPython)("compiles for every optimizer, model, drop-last and shuffle setting, on the greenhouse file and an awkward own table", () => {
    expect(Object.keys(lab)).toHaveLength(96);
    expect(failuresOf(lab)).toEqual([]);
  });

  it.skipIf(!hasPython)("compiles for the shape explorer, the window explorer and lesson 9's stateful LSTM", () => {
    expect(Object.keys(other)).toHaveLength(11);
    expect(failuresOf(other)).toEqual([]);
  });

  it.skipIf(!hasPython)("catches a snippet that is not Python (the check itself works)", () => {
    expect(failuresOf(broken)).toEqual(["broken: line 1: '(' was never closed"]);
  });
});

describe("the lab's code reads the file as the lab did", () => {
  it("passes the separator to pandas only when it is not a comma", () => {
    const settings = runSettings({ ...DEFAULT_STATE });
    expect(labKeras(settings, greenhouse)).toContain('df = pd.read_csv("greenhouse.csv")\n');
    expect(labPytorch(settings, own)).toContain('df = pd.read_csv("my data.tsv", sep="\\t")\n');
    expect(labKeras(settings, { ...own, separator: ";" })).toContain('df = pd.read_csv("my data.tsv", sep=";")\n');
    expect(labKeras(settings, own)).toContain('X = df[["say \\"hi\\"", "back\\\\slash", "température (°C)"]].to_numpy("float32")  # shape (20, 3)');
    expect(labKeras(settings, own)).toContain('y = df[["y it\'s"]].to_numpy("float32")  # shape (20, 1)');
  });

  it("divides a constant column by 1, as the lab does, instead of by its zero spread", () => {
    const code = labPytorch(runSettings({ ...DEFAULT_STATE }), greenhouse);
    expect(code).toContain("X_std, y_std = X.std(axis=0), y.std(axis=0)\nX_std[X_std == 0], y_std[y_std == 0] = 1, 1\nX = (X - X.mean(axis=0)) / X_std\ny = (y - y.mean(axis=0)) / y_std");
  });

  it("states the known differences from the engine: Keras' Adam epsilon, PyTorch's second LSTM bias", () => {
    const adam = { ...runSettings({ ...DEFAULT_STATE }), optimizer: "adam" as const };
    expect(labKeras(adam, greenhouse)).toContain("# One known difference from the lab: Keras adds epsilon to sqrt(v) before bias correction");
    expect(labKeras(adam, greenhouse)).toContain('model.compile(optimizer=optimizer, loss="mse")');
    expect(labPytorch(adam, greenhouse)).toContain("eps=1e-7)  # Keras' epsilon, added as the lab does");
    expect(pytorchLstmSnippet({ features: 3, timesteps: 5, units: 8, batchSize: 8, windows: 46 })).toContain(
      "# two bias vectors per gate (bias_ih, bias_hh), one more than Keras and this page:\n# 4(H(F + H) + 2H) parameters",
    );
  });
});
