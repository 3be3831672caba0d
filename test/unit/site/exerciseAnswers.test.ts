/**
 * The numbers the lessons' exercises state — answers, Predict expectations and the results their
 * explanations quote — recomputed from the engine, so a wrong number in a lesson fails here.
 *
 * Each exercise element (<NumericExercise … />, <ShapeExercise … />, …) is read from the .mdx
 * source with a small prop scanner; its answer is parsed as a literal or as a reference into the
 * facts module the lesson imports. ENGINE_CHECKS then says, per exercise id, what the engine
 * computes for it. An exercise with a numeric answer but no entry fails, so a new exercise cannot
 * slip in unchecked.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  batchRows,
  columnStats,
  countParameters,
  createModel,
  denseParameterCount,
  describeDenseNetwork,
  describeLstmNetwork,
  epochBatches,
  GREENHOUSE_COLUMNS,
  iterationsPerEpoch,
  largestBatchForBudget,
  lastBatchSize,
  lstmParameterCount,
  meanSquaredError,
  predictedGradientVariance,
  samplesSeen,
  standardise,
  totalUpdates,
  trainingMemory,
  unusedRowsPerEpoch,
  windowCount,
  type NetworkDescription,
  type TrainingMemorySpec,
} from "../../../src/engine";
import { bandFor, type PredictionBand } from "../../../src/exercises/check";
import { greenhouseTable } from "../../../src/course/data";
import { FACTS } from "../../../src/course/facts";
import { inspectBatch } from "../../../src/course/inspector";
import { sweepRow } from "../../../src/course/lab";
import { DEFAULT_LANDSCAPE_SETTINGS as LANDSCAPE_DEFAULTS, landscapePaths as pathsOf, pathStateAt } from "../../../src/course/landscape";
import { GREENHOUSE_NET as GREENHOUSE_NET_SPEC } from "../../../src/course/networks";
import { GREENHOUSE_DATA } from "../../../src/widgets/BatchSizeLab/dataSource";
import { runSettings } from "../../../src/widgets/BatchSizeLab/labRun";
import { DEFAULT_STATE } from "../../../src/widgets/BatchSizeLab/labState";

const greenhouse = greenhouseTable();
const lessons4to5Facts: Record<string, number | string> = FACTS;
const lessons7to10Facts: Record<string, number | string> = FACTS;
const landscapeDataset = (_table: unknown): null => null;
const landscapePaths = (_data: null, settings: typeof LANDSCAPE_DEFAULTS) => pathsOf(settings);
import { windowCover } from "../../../src/widgets/WindowExplorer/windowHelpers";

const LESSONS_DIR = fileURLToPath(new URL("../../../content/lessons/", import.meta.url));

// ---------------------------------------------------------------------------------------------
// Reading the lessons
// ---------------------------------------------------------------------------------------------

const EXERCISE_KINDS = ["NumericExercise", "ShapeExercise", "RangeExercise", "PredictExercise", "ChoiceExercise", "TextAnswerExercise"] as const;
type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** A value as a prop writes it: the subset of JavaScript the lessons use in exercise props. */
type PropValue = number | string | boolean | null | PropValue[] | { [key: string]: PropValue };

/** A prop's raw source: a JSX string ("…"), an expression ({…}) or a bare flag (client:visible). */
type RawProp = { form: "string"; text: string } | { form: "expression"; text: string } | { form: "flag" };

interface ParsedExercise {
  kind: ExerciseKind;
  id: string;
  file: string;
  /** Line of the opening tag, for messages. */
  line: number;
  props: Record<string, RawProp>;
  /** Numeric, Shape, Range: `answer`; Predict: `expected`; Choice: the correct option's text when it is a number. */
  stated: PropValue | undefined;
  runWith: Record<string, number> | undefined;
  bands: PredictionBand[] | undefined;
  /** The explanation as the reader sees it (template literals filled in from the facts). */
  explanation: string;
}

/** What a lesson's `import { facts as f } from "…/lessons7to10.ts"` can refer to. */
const FACTS_MODULES: Record<string, Record<string, number | string>> = {
  lessons4to5: lessons4to5Facts,
  lessons7to10: lessons7to10Facts,
  index: FACTS,
};

/** The facts objects a lesson imports, by the local name it gives them (`facts`, `f`). */
export function factsInScope(source: string): Record<string, Record<string, number | string>> {
  const scope: Record<string, Record<string, number | string>> = {};
  for (const m of source.matchAll(/^import\s*\{\s*(?:FACTS|facts)(?:\s+as\s+(\w+))?\s*\}\s*from\s*"([^"]+)"/gm)) {
    const moduleName = basename(m[2]!).replace(/\.ts$/, "");
    const module = FACTS_MODULES[moduleName];
    if (module === undefined) throw new Error(`A lesson imports facts from ${m[2]}, which this test does not know: add it to FACTS_MODULES.`);
    scope[m[1] ?? "facts"] = module;
  }
  return scope;
}

/** Index just past the quote that closes the string or template literal starting at `start`. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (quote === "`" && text.startsWith("${", i)) i = skipBraces(text, i + 1) - 1;
    else if (text[i] === quote) return i + 1;
  }
  throw new SyntaxError(`Unterminated ${quote} string`);
}

/** Index just past the brace that closes the one at `start`, skipping braces inside strings. */
function skipBraces(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") i = skipQuoted(text, i) - 1;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  throw new SyntaxError("Unbalanced braces");
}

/** The props of the element whose tag name ends at `start`, and the index after its `/>`. */
function scanProps(source: string, start: number): { props: Record<string, RawProp>; end: number } {
  const props: Record<string, RawProp> = {};
  let i = start;
  for (;;) {
    while (/\s/.test(source[i] ?? "")) i++;
    if (source.startsWith("/>", i)) return { props, end: i + 2 };
    const name = /^[A-Za-z_][\w:-]*/.exec(source.slice(i, i + 100))?.[0];
    if (name === undefined) throw new SyntaxError(`Unexpected ${JSON.stringify(source.slice(i, i + 20))} in an exercise element`);
    i += name.length;
    if (source[i] !== "=") {
      props[name] = { form: "flag" };
      continue;
    }
    i++;
    if (source[i] === '"') {
      // JSX attribute strings have no escapes: the text runs to the next double quote.
      const close = source.indexOf('"', i + 1);
      props[name] = { form: "string", text: source.slice(i + 1, close) };
      i = close + 1;
    } else if (source[i] === "{") {
      const close = skipBraces(source, i);
      props[name] = { form: "expression", text: source.slice(i + 1, close - 1).trim() };
      i = close;
    } else {
      throw new SyntaxError(`Prop ${name} has a value that is neither "…" nor {…}`);
    }
  }
}

/**
 * Parses the literal expressions the lessons write in props — numbers, strings, null, booleans,
 * arrays, objects with bare or quoted keys — and references into an imported facts object,
 * `facts["lesson5.b8.iterations"]`. Anything else throws, so an unexpected form is noticed.
 */
export function parsePropExpression(text: string, scope: Record<string, Record<string, number | string>>): PropValue {
  let i = 0;
  const skipSpace = (): void => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${JSON.stringify(text.slice(i, i + 30))} in {${text.slice(0, 60)}}`);
  };
  const stringLiteral = (): string => {
    const end = skipQuoted(text, i);
    const body = text.slice(i + 1, end - 1);
    if (text[i] === "`" && body.includes("${")) fail("A template with substitutions");
    i = end;
    return body.replace(/\\(.)/g, "$1");
  };
  const value = (): PropValue => {
    skipSpace();
    const c = text[i];
    if (c === "[") {
      i++;
      const items: PropValue[] = [];
      for (;;) {
        skipSpace();
        if (text[i] === "]") {
          i++;
          return items;
        }
        items.push(value());
        skipSpace();
        if (text[i] === ",") i++;
        else if (text[i] !== "]") fail("Expected , or ]");
      }
    }
    if (c === "{") {
      i++;
      const object: { [key: string]: PropValue } = {};
      for (;;) {
        skipSpace();
        if (text[i] === "}") {
          i++;
          return object;
        }
        let key: string;
        if (text[i] === '"' || text[i] === "'") key = stringLiteral();
        else {
          key = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0] ?? fail("Expected a key");
          i += key.length;
        }
        skipSpace();
        if (text[i] !== ":") fail("Expected :");
        i++;
        object[key] = value();
        skipSpace();
        if (text[i] === ",") i++;
        else if (text[i] !== "}") fail("Expected , or }");
      }
    }
    if (c === '"' || c === "'" || c === "`") return stringLiteral();
    const number = /^-?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?/.exec(text.slice(i))?.[0];
    if (number !== undefined) {
      i += number.length;
      return Number(number.replace(/_/g, ""));
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0];
    if (word === "true" || word === "false" || word === "null") {
      i += word.length;
      return word === "true" ? true : word === "false" ? false : null;
    }
    if (word !== undefined && scope[word] !== undefined) {
      // facts["key"]: the value the page shows, computed by the facts module at build time.
      i += word.length;
      const key = /^\[\s*"([^"]+)"\s*\]/.exec(text.slice(i));
      if (key === null) return fail(`Expected ${word}["key"]`);
      i += key[0].length;
      const fact = scope[word]![key[1]!];
      if (fact === undefined) return fail(`${word} has no fact "${key[1]}"`);
      return fact;
    }
    return fail("Unsupported expression");
  };
  const result = value();
  skipSpace();
  if (i !== text.length) fail("Trailing text");
  return result;
}

/**
 * A template-literal explanation filled in as the page fills it: each `${…}` may be a fact,
 * `fact.toLocaleString("en-US")` or `Math.round(fact)`, the three forms the lessons use.
 */
function fillTemplate(template: string, scope: Record<string, Record<string, number | string>>): string {
  return template.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
    const m = /^\s*(Math\.round\()?\s*(\w+)\[\s*"([^"]+)"\s*\]\s*\)?\s*(\.toLocaleString\("en-US"\))?\s*$/.exec(inner);
    const fact = m === null ? undefined : scope[m[2]!]?.[m[3]!];
    if (m === null || typeof fact !== "number") throw new SyntaxError(`Unsupported substitution \${${inner}} in an explanation`);
    const value = m[1] !== undefined ? Math.round(fact) : fact;
    return m[4] !== undefined ? value.toLocaleString("en-US") : String(value);
  });
}

function propValue(exercise: { props: Record<string, RawProp> }, name: string, scope: Record<string, Record<string, number | string>>): PropValue | undefined {
  const raw = exercise.props[name];
  if (raw === undefined) return undefined;
  if (raw.form === "flag") return true;
  if (raw.form === "string") return raw.text;
  return parsePropExpression(raw.text, scope);
}

function textProp(props: Record<string, RawProp>, name: string, scope: Record<string, Record<string, number | string>>): string {
  const raw = props[name];
  if (raw === undefined || raw.form === "flag") return "";
  if (raw.form === "string") return raw.text;
  const template = /^`([\s\S]*)`$/.exec(raw.text);
  if (template !== null) return fillTemplate(template[1]!, scope);
  const value = parsePropExpression(raw.text, scope);
  if (typeof value !== "string") throw new SyntaxError(`${name} is not text`);
  return value;
}

/** Every exercise element in one lesson's source, with the props this test reads. */
export function parseExercises(source: string, file: string): ParsedExercise[] {
  const scope = factsInScope(source);
  const exercises: ParsedExercise[] = [];
  const tag = new RegExp(`<(${EXERCISE_KINDS.join("|")})\\b`, "g");
  for (const m of source.matchAll(tag)) {
    const kind = m[1] as ExerciseKind;
    const { props } = scanProps(source, m.index + m[0].length);
    const line = source.slice(0, m.index).split("\n").length;
    const id = props["id"];
    if (id?.form !== "string") throw new Error(`${file}:${line}: a ${kind} without a string id`);
    const exercise = { props };
    let stated: PropValue | undefined;
    if (kind === "PredictExercise") stated = propValue(exercise, "expected", scope);
    else if (kind === "ChoiceExercise") {
      // A choice counts as numeric when its correct option is a bare number ("3", "0").
      const options = propValue(exercise, "options", scope) as { text: string; correct: boolean }[];
      const correct = options.find((o) => o.correct)?.text.trim() ?? "";
      stated = /^-?\d+(\.\d+)?$/.test(correct) ? Number(correct) : undefined;
    } else stated = propValue(exercise, "answer", scope);
    exercises.push({
      kind,
      id: id.text,
      file,
      line,
      props,
      stated,
      runWith: propValue(exercise, "runWith", scope) as Record<string, number> | undefined,
      bands: propValue(exercise, "bands", scope) as PredictionBand[] | undefined,
      explanation: textProp(props, "explanation", scope),
    });
  }
  return exercises;
}

/** An exercise whose answer is a number, a shape, a range or a Predict expectation. */
function isNumeric(exercise: ParsedExercise): boolean {
  if (exercise.kind === "ChoiceExercise" || exercise.kind === "TextAnswerExercise") return typeof exercise.stated === "number";
  return true;
}

// ---------------------------------------------------------------------------------------------
// Result numbers in explanations
// ---------------------------------------------------------------------------------------------

/** A number as the lessons write it: 1,280 and 16,000,000 with thousands separators, 0.25, −2. */
const NUMBER = String.raw`[−-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Not part of a longer expression: no operator, exponent, digit or further thousands group follows. */
const ENDS_HERE = String.raw`(?![\d.]*\d|,\d{3}|\s*[×·+\-−/*^²(])`;

function toNumber(written: string): number {
  return Number(written.replace(/,/g, "").replace("−", "-"));
}

/** A stated result: a number, or a shape or range written as several numbers. */
type Stated = number | number[];

/**
 * The results an explanation states, in reading order:
 * - the value after "=" that ends a calculation ("4 × 320 = 1,280"; not the "4" of "= 4 × 320");
 * - a count in the exercise's unit ("16,000,000 bytes", "2 rows");
 * - a number after "has" or "together" ("has 384", "Together 353") and a batch's size ("a batch of 18");
 * - a shape "(50, 3)" (not a call's arguments as in "nn.LSTM(3, 16)");
 * - a range of rows or positions, "46–50" or "7 to 11".
 * A number that several rules find is listed once.
 */
export function explanationResults(explanation: string, unit: string | undefined): Stated[] {
  const found = new Map<number, Stated>();
  const add = (index: number, value: Stated): void => {
    if (!found.has(index)) found.set(index, value);
  };
  const numberAt = (m: RegExpExecArray | RegExpMatchArray, group = 1): number => m.index! + m[0].indexOf(m[group]!);
  for (const m of explanation.matchAll(new RegExp(String.raw`(?<![=<>!])=\s*(${NUMBER})${ENDS_HERE}`, "g"))) add(numberAt(m), toNumber(m[1]!));
  if (unit !== undefined && unit !== "") {
    const stem = unit.replace(/s$/, "");
    for (const m of explanation.matchAll(new RegExp(String.raw`(${NUMBER})\s+${stem}s?\b`, "g"))) add(numberAt(m), toNumber(m[1]!));
  }
  for (const m of explanation.matchAll(new RegExp(String.raw`\b(?:has|[Tt]ogether|batch of)\s+(${NUMBER})${ENDS_HERE}`, "g"))) add(numberAt(m), toNumber(m[1]!));
  for (const m of explanation.matchAll(/(?<![\w)])\((\d+(?:,\s*\d+)+),?\)/g)) add(m.index!, m[1]!.split(",").map((d) => Number(d.trim())));
  for (const m of explanation.matchAll(new RegExp(String.raw`(?<![\d·×+−\-(]\s?)\b(\d+)\s*(?:–|\bto\b)\s*(\d+)\b${ENDS_HERE}`, "g"))) {
    add(m.index!, [Number(m[1]), Number(m[2])]);
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
}

// ---------------------------------------------------------------------------------------------
// What the engine says
// ---------------------------------------------------------------------------------------------

interface EngineValues {
  /** The answer (Numeric, Shape, Range, numeric Choice) or expectation (Predict) the engine gives. */
  answer: Stated | string;
  /** The results the explanation states (see explanationResults), in order. */
  explanation: Stated[];
  /** Predict: the settings the widget is to be run with, which the computation above assumes. */
  runWith?: Record<string, number>;
  /** Numbers the question gives that the engine can also compute, e.g. a network's values per sample. */
  premises?: { what: string; stated: number; engine: number }[];
  /** Allowed difference for a question that is itself approximate ("about what is it?"). */
  tolerance?: number;
}

type EngineCheck = (exercise: ParsedExercise) => EngineValues;

/** The shipped 50-row table and the course's 3 → 8 tanh → 1 network. */
const N = greenhouse.n;
const FEATURES = greenhouse.features;
const TARGETS = GREENHOUSE_COLUMNS.filter((c) => c.role === "target").length;
const HIDDEN_UNITS = GREENHOUSE_NET_SPEC.layers.slice(0, -1).map((layer) => layer.units);

function greenhouseNet(batchSize: number): NetworkDescription {
  return describeDenseNetwork({ features: FEATURES, hidden: HIDDEN_UNITS, outputs: TARGETS, batchSize });
}

function shapeOf(network: NetworkDescription, tensor: string): number[] {
  const found = network.tensors.find((t) => t.name === tensor);
  if (found === undefined) throw new Error(`No tensor ${tensor}`);
  return found.shape;
}

function weightsOf(network: NetworkDescription, tensor: string): number {
  return network.tensors.find((t) => t.name === tensor)?.parameters ?? Number.NaN;
}

/** Lesson 8's example network: 3 features → 256 → 256 → 1, float32, Adam. */
const LESSON8_NETWORK: TrainingMemorySpec = { features: 3, hidden: [256, 256], outputs: 1, bytesPerValue: 4, optimizer: "adam" };

/** Positions (from 1) of batch `k` (from 1) of an unshuffled epoch, where position p holds row p. */
function batchPositions(batchSize: number, k: number): number[] {
  const rows = batchRows(N, 0, k - 1, { batchSize });
  return [rows[0]! + 1, rows[rows.length - 1]! + 1];
}

/** Keras' fit uses this batch size when none is given. */
const KERAS_DEFAULT_BATCH_SIZE = 32;

/** Rows in each batch of one epoch of the 50 rows, in order. */
function batchSizesOfEpoch(batchSize: number): number[] {
  return epochBatches(N, 0, { batchSize }).map((batch) => batch.length);
}

/** The input layer of the 3-feature network at batch size 5: its size, and the batch tensor's shape. */
const inputUnitsAtBatch5: EngineCheck = () => ({
  answer: greenhouseNet(5).inputUnits,
  explanation: [shapeOf(greenhouseNet(5), "X")],
});

/** Windows of 5 rows in batches of 8 for an LSTM in Keras' (batch, time step, feature) order (the 16 units do not enter X). */
const lstmBatchShape = (): number[] =>
  shapeOf(describeLstmNetwork({ features: FEATURES, timesteps: 5, units: 16, outputs: TARGETS, batchSize: 8, framework: "keras" }), "X");

/**
 * How each exercise's numbers follow from the engine, by exercise id. An id shared by two lessons
 * (input-units-batch-5) asks the same question in both, so one entry serves both. Inputs the
 * question states (batch size 8, 20 epochs, …) are written here as inputs; results never are.
 */
const ENGINE_CHECKS: Record<string, EngineCheck> = {
  // Lesson 1: the greenhouse table as X and y.
  // "X has 50 rows (samples) and 3 columns (features): 50 × 3 = 150".
  "x-value-count": () => ({ answer: greenhouse.x.length, explanation: [greenhouse.n, greenhouse.x.length] }),
  "target-shape": () => ({ answer: shapeOf(greenhouseNet(N), "Y_hat"), explanation: [shapeOf(greenhouseNet(N), "Y_hat")] }),
  "feature-count": () => {
    // A hypothetical table, not the greenhouse one: no engine data, so count its columns here.
    const columns = ["date", "temperature", "humidity", "light", "water use"];
    return { answer: columns.filter((c) => c !== "date" && c !== "water use").length, explanation: [] };
  },
  "first-rows-shape": () => ({ answer: shapeOf(greenhouseNet(20), "X"), explanation: [shapeOf(greenhouseNet(20), "X")] }),
  "standardised-mean": () => {
    const humidity = GREENHOUSE_COLUMNS.findIndex((c) => c.name === "humidity_pct");
    return { answer: columnStats(standardise(greenhouse).dataset).features[humidity]!.mean, explanation: [], tolerance: 1e-12 };
  },

  // Lesson 2: the input layer and parameter counts.
  "input-units-batch-5": inputUnitsAtBatch5,
  "keras-docs-params": () => {
    const dense = describeDenseNetwork({ features: 16, hidden: [], outputs: 32, batchSize: 1 });
    return { answer: denseParameterCount(16, 32), explanation: [weightsOf(dense, "W1"), dense.parameterCount] };
  },
  "hidden-kernel-shape": () => ({ answer: shapeOf(greenhouseNet(5), "W1"), explanation: [shapeOf(greenhouseNet(5), "W1")] }),
  "params-at-batch-50": () => ({
    answer: greenhouseNet(50).parameterCount,
    explanation: [shapeOf(greenhouseNet(50), "X"), shapeOf(greenhouseNet(50), "Y_hat")],
  }),
  "predict-two-hidden-layers": () => {
    const net = describeDenseNetwork({ features: 3, hidden: [16, 16], outputs: 1, batchSize: 1 });
    return {
      answer: net.parameterCount,
      explanation: [denseParameterCount(3, 16), denseParameterCount(16, 16), denseParameterCount(16, 1), net.parameterCount],
      runWith: { features: 3, hiddenLayers: 2, units: 16, outputs: 1 },
    };
  },

  // Lesson 3: one sample through the network.
  "hidden-multiplications": () => ({ answer: weightsOf(greenhouseNet(1), "W1"), explanation: [weightsOf(greenhouseNet(1), "W1")] }),
  "one-unit-by-hand": () => {
    // One linear unit with the question's weights and bias; z is its pre-activation.
    const unit = createModel({ inputSize: 3, layers: [{ kind: "dense", units: 1, activation: "linear" }] }, 0);
    const weights = new Float64Array(unit.parameterCount);
    for (const p of unit.parameters()) weights.set(p.name.endsWith("kernel") ? [0.5, 0.25, 2] : [0.1], p.offset);
    unit.setWeights(weights);
    const trace = unit.forwardTrace(Float64Array.of(1, -2, 0.5)).layers[0]!;
    if (trace.kind !== "dense") throw new Error("expected a dense layer");
    return { answer: trace.z[0]!, explanation: [trace.z[0]!] };
  },
  "hidden-activation-shape": () => ({
    answer: shapeOf(greenhouseNet(1), "H1"),
    explanation: [shapeOf(greenhouseNet(1), "W1"), shapeOf(greenhouseNet(1), "H1")],
  }),
  "squared-error-by-hand": () => {
    const error = meanSquaredError(Float64Array.of(0.3), Float64Array.of(-0.2), 1, 1);
    return { answer: error, explanation: [error] };
  },

  // Lesson 4: a batch through the network.
  "batch-input-shape": () => ({ answer: shapeOf(greenhouseNet(5), "X"), explanation: [] }),
  "kernel-shape-batch-50": () => ({ answer: shapeOf(greenhouseNet(50), "W1"), explanation: [] }),
  "parameters-batch-50": () => ({ answer: countParameters(GREENHOUSE_NET_SPEC), explanation: [greenhouseNet(50).parameterCount] }),
  "predict-computation-difference": () => ({
    // Rows 1–5 (0-based 0..4); the two weights and the learning rate do not affect the forward pass.
    answer: inspectBatch([0, 1, 2, 3, 4], 0, 1, 0.1).maxAbsDifference,
    explanation: [],
    runWith: { batchSize: 5 },
  }),

  // Lesson 5: iterations and epochs.
  "iterations-b8": () => ({ answer: iterationsPerEpoch(N, 8), explanation: [iterationsPerEpoch(N, 8)] }),
  "tenth-batch-positions": () => ({ answer: batchPositions(5, 10), explanation: [batchPositions(5, 10)] }),
  "updates-20-epochs-b10": () => ({ answer: totalUpdates(N, 10, 20), explanation: [totalUpdates(N, 10, 20)] }),
  "drop-last-b8": () => ({
    answer: iterationsPerEpoch(N, 8, { dropLast: true }),
    // "floor(50/8) = 6: the short batch of 2 rows is dropped".
    explanation: [iterationsPerEpoch(N, 8, { dropLast: true }), lastBatchSize(N, 8)],
  }),
  "keras-default-steps": () => ({
    answer: iterationsPerEpoch(N, 32),
    // "Keras defaults to batch_size=32: a batch of 32, then a batch of 18" (32 is Keras' default, an input).
    explanation: [KERAS_DEFAULT_BATCH_SIZE, ...batchSizesOfEpoch(KERAS_DEFAULT_BATCH_SIZE)],
  }),
  "predict-b7": () => ({ answer: iterationsPerEpoch(N, 7), explanation: [iterationsPerEpoch(N, 7)], runWith: { batchSize: 7, dropLast: 0 } }),

  // Lesson 6: the batch-size lab.
  "predict-updates-b10": () => ({
    answer: totalUpdates(N, 10, 20),
    explanation: [iterationsPerEpoch(N, 10), totalUpdates(N, 10, 20)],
    runWith: { batchSize: 10, epochs: 20 },
  }),
  "predict-drop-last-b8": () => ({
    answer: iterationsPerEpoch(N, 8, { dropLast: true }),
    explanation: [iterationsPerEpoch(N, 8, { dropLast: true })],
    runWith: { batchSize: 8, dropLast: 1 },
  }),
  "predict-b1-vs-b50": (exercise) => {
    // The sweep's lossRatio: final loss at B = 50 over final loss at B = 1, with the lab's defaults.
    const settings = runSettings({ ...DEFAULT_STATE, epochs: 20, learningRate: 0.05 });
    const data = GREENHOUSE_DATA.dataset;
    const ratio = sweepRow(settings, data, 50).finalLoss / sweepRow(settings, data, 1).finalLoss;
    return {
      answer: bandFor(ratio, exercise.bands ?? [])?.text ?? `no band holds the ratio ${ratio}`,
      explanation: [],
      runWith: { epochs: 20, learningRate: 0.05 },
    };
  },
  "noise-std-b16": () => {
    // σ at B = 4 is 0.8, so σ² per sample is 0.8² · 4; "a very large data set" makes (N − B)/(N − 1) ≈ 1.
    const veryLarge = 1e9;
    const sigma2 = 0.8 ** 2 * 4;
    const std16 = Math.sqrt(predictedGradientVariance(sigma2, veryLarge, 16));
    return { answer: std16, explanation: [std16], tolerance: 1e-6 };
  },
  "noise-at-n": () => ({ answer: predictedGradientVariance(1, N, N), explanation: [predictedGradientVariance(1, N, N)] }),

  // Lesson 7: the loss landscape's paths.
  "updates-full-batch": () => {
    const paths = landscapePaths(landscapeDataset(greenhouse), { ...LANDSCAPE_DEFAULTS, epochs: 5 });
    const updates = pathStateAt(paths[50], Infinity).totalUpdates;
    // "With B = N = 50 …, so 5 epochs make 5 updates. The polyline has 6 points".
    return { answer: updates, explanation: [N, updates, paths[50].a.length] };
  },
  "predict-updates-b5": () => {
    const paths = landscapePaths(landscapeDataset(greenhouse), { ...LANDSCAPE_DEFAULTS, epochs: 8 });
    return {
      answer: pathStateAt(paths[5], Infinity).totalUpdates,
      explanation: [paths[5].iterationsPerEpoch],
      runWith: { epochs: 8 },
    };
  },

  // Lesson 8: memory.
  "adam-fixed-bytes": () => {
    // A network with exactly 1,000,000 parameters: 999,999 inputs into one unit (999,999 weights + 1 bias).
    const memory = trainingMemory({ features: 999_999, hidden: [], outputs: 1, bytesPerValue: 4, optimizer: "adam" }, 0);
    if (memory.parameters !== 1_000_000) throw new Error(`expected 1,000,000 parameters, got ${memory.parameters}`);
    const fixed = memory.weights + memory.gradients + memory.optimizerState;
    // "4 numbers of 4 bytes, 16 bytes per parameter, 16,000,000 bytes".
    return { answer: fixed, explanation: [memory.weights / memory.parameters, fixed / memory.parameters, fixed] };
  },
  "predict-300-features": () => {
    const wide = { ...LESSON8_NETWORK, features: 300 };
    const budget = 1e9;
    // The explanation: "297 × 256 = 76,032" extra first-layer weights.
    const extraWeights = denseParameterCount(300, 256) - denseParameterCount(3, 256);
    return {
      answer: largestBatchForBudget(wide, budget).batchSize,
      explanation: [extraWeights],
      runWith: { features: 300, budgetBytes: budget },
    };
  },
  "activation-bytes-b64": (exercise) => {
    // The question's 1,029 values per sample are lesson 8's example network's; check that, then use it.
    const perSample = trainingMemory(LESSON8_NETWORK, 0).perSampleActivations;
    const statedValues = toNumber(/keeps ([\d,]+) float32 values/.exec(textProp(exercise.props, "question", {}))?.[1] ?? "NaN");
    const at64 = trainingMemory(LESSON8_NETWORK, 64).activations;
    return {
      answer: at64,
      // "1,029 values × 4 bytes = 4,116 bytes per sample; × 64 samples = 263,424 bytes. Twice the
      // figure for a batch of 32": the batch whose activations are half of those at 64.
      explanation: [LESSON8_NETWORK.bytesPerValue, perSample, at64, at64 / 2 / perSample],
      premises: [{ what: "values per sample", stated: statedValues, engine: perSample / LESSON8_NETWORK.bytesPerValue }],
    };
  },

  // Lesson 9: windows and LSTM inputs.
  "lstm-batch-shape": () => ({ answer: lstmBatchShape(), explanation: [] }),
  // input_size is the features per time step; the window length and unit count do not enter it.
  "windows-t10": () => {
    const count = windowCount(N, 10);
    // "starts at row 50 − 10 + 1 = 41, so windows start at rows 1 to 41: 41 windows".
    return { answer: count, explanation: [windowCover(count, 10).first, [windowCover(1, 10).first, windowCover(count, 10).first], count] };
  },
  "window-seven-rows": () => {
    const cover = windowCover(7, 5);
    return { answer: [cover.first, cover.last], explanation: [[cover.first, cover.last]] };
  },
  "input-size-lstm": () => ({
    answer: describeLstmNetwork({ features: FEATURES, timesteps: 5, units: 16, outputs: 1, batchSize: 8, framework: "pytorch" }).inputUnits,
    explanation: [],
  }),
  "keras-lstm-16": () => ({
    answer: lstmParameterCount(3, 16, "keras"),
    // Keras: 4 × (H(F + H) + H); PyTorch keeps a second bias vector: 4 × (H(F + H) + 2H).
    explanation: [lstmParameterCount(3, 16, "keras"), lstmParameterCount(3, 16, "pytorch")],
  }),
  "predict-windows-t12": () => ({ answer: windowCount(N, 12), explanation: [windowCount(N, 12)], runWith: { timesteps: 12 } }),

  // Lesson 10: the cheat sheet.
  "final-iterations-b5": () => ({ answer: iterationsPerEpoch(N, 5), explanation: [iterationsPerEpoch(N, 5)] }),
  "final-tenth-batch": () => ({ answer: batchPositions(5, 10), explanation: [batchPositions(5, 10)] }),
  "final-iterations-b8": () => ({
    answer: iterationsPerEpoch(N, 8),
    // "⌈50/8⌉ = 7: six batches of 8 rows and a last batch of 2".
    explanation: [iterationsPerEpoch(N, 8), lastBatchSize(N, 8)],
  }),
  "final-drop-last-unused": () => ({
    answer: unusedRowsPerEpoch(N, 8, { dropLast: true }),
    // "⌊50/8⌋ = 6 full batches, 48 rows; the remaining 2 rows".
    explanation: [iterationsPerEpoch(N, 8, { dropLast: true }), samplesSeen(N, 8, 1, { dropLast: true }), unusedRowsPerEpoch(N, 8, { dropLast: true })],
  }),
  "final-last-batch-b7": () => ({
    answer: lastBatchSize(N, 7),
    // "⌈50/7⌉ = 8 iterations; the first 7 hold 49 rows, so the 8th holds 1 row".
    explanation: [iterationsPerEpoch(N, 7), N - lastBatchSize(N, 7), lastBatchSize(N, 7)],
  }),
  "final-keras-default": () => ({
    answer: iterationsPerEpoch(N, KERAS_DEFAULT_BATCH_SIZE),
    // "batch_size=None means 32, so an epoch is a batch of 32 and a batch of 18: 2 steps".
    explanation: [...batchSizesOfEpoch(KERAS_DEFAULT_BATCH_SIZE), iterationsPerEpoch(N, KERAS_DEFAULT_BATCH_SIZE)],
  }),
  "final-total-updates": () => ({
    answer: totalUpdates(N, 10, 20),
    explanation: [iterationsPerEpoch(N, 10), totalUpdates(N, 10, 20)],
  }),
  "final-input-units": () => ({
    answer: greenhouseNet(5).inputUnits,
    // "A batch of 5 is a (5, 3) tensor".
    explanation: [shapeOf(greenhouseNet(5), "X")[0]!, shapeOf(greenhouseNet(5), "X")],
  }),
  "final-dense-544": () => {
    const dense = describeDenseNetwork({ features: 16, hidden: [], outputs: 32, batchSize: 1 });
    // "16 inputs × 32 units + 32 biases = 544 … the layer itself has 32 units".
    return { answer: denseParameterCount(16, 32), explanation: [dense.parameterCount, shapeOf(dense, "b1")[0]!] };
  },
  "final-windows": () => ({ answer: windowCount(N, 5), explanation: [windowCount(N, 5)] }),
  "final-lstm-batch": () => ({ answer: lstmBatchShape(), explanation: [lstmBatchShape()] }),
  "final-pytorch-lstm": () => ({
    answer: lstmParameterCount(3, 8, "pytorch"),
    explanation: [lstmParameterCount(3, 8, "pytorch"), lstmParameterCount(3, 8, "keras")],
  }),
};

// ---------------------------------------------------------------------------------------------
// Comparing
// ---------------------------------------------------------------------------------------------

function sameNumber(stated: number, engine: number, tolerance: number | undefined): boolean {
  // Lessons write 1.1 where the engine computes 1.1000000000000003: allow rounding error only.
  return Math.abs(stated - engine) <= (tolerance ?? 1e-9 * Math.max(1, Math.abs(engine)));
}

function sameValue(stated: PropValue | Stated | undefined, engine: Stated | string, tolerance: number | undefined): boolean {
  if (typeof engine === "string") return stated === engine;
  if (typeof engine === "number") return typeof stated === "number" && sameNumber(stated, engine, tolerance);
  return Array.isArray(stated) && stated.length === engine.length && stated.every((v, k) => typeof v === "number" && sameNumber(v, engine[k]!, tolerance));
}

const show = (value: unknown): string => JSON.stringify(value);

/** Every way the exercise's numbers disagree with the engine's, as messages; [] when all agree. */
export function checkExercise(exercise: ParsedExercise): string[] {
  const where = `${exercise.file}:${exercise.line} ${exercise.id}`;
  const check = ENGINE_CHECKS[exercise.id];
  if (check === undefined) return [`${where}: no entry in ENGINE_CHECKS`];
  const engine = check(exercise);
  const problems: string[] = [];
  if (!sameValue(exercise.stated, engine.answer, engine.tolerance)) {
    problems.push(`${where}: the lesson's answer is ${show(exercise.stated)}, the engine gives ${show(engine.answer)}`);
  }
  const unit = exercise.props["unit"]?.form === "string" ? exercise.props["unit"].text : undefined;
  const stated = explanationResults(exercise.explanation, unit);
  const sameExplanation = stated.length === engine.explanation.length && stated.every((v, k) => sameValue(v, engine.explanation[k]!, engine.tolerance));
  if (!sameExplanation) {
    problems.push(`${where}: the explanation states ${show(stated)}, the engine gives ${show(engine.explanation)}`);
  }
  if (engine.runWith !== undefined && show(exercise.runWith) !== show(engine.runWith)) {
    problems.push(`${where}: runWith is ${show(exercise.runWith)}, the computation assumes ${show(engine.runWith)}`);
  }
  for (const premise of engine.premises ?? []) {
    if (!sameNumber(premise.stated, premise.engine, undefined)) {
      problems.push(`${where}: the question's ${premise.what} is ${premise.stated}, the engine gives ${premise.engine}`);
    }
  }
  if (exercise.bands !== undefined && typeof exercise.stated === "number" && bandFor(exercise.stated, exercise.bands) === undefined) {
    problems.push(`${where}: the expected value ${exercise.stated} lies in none of the bands`);
  }
  return problems;
}

/** All disagreements in one lesson's source. */
export function checkLessonSource(source: string, file: string): string[] {
  return parseExercises(source, file).filter(isNumeric).flatMap(checkExercise);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const lessonFiles = readdirSync(LESSONS_DIR).filter((name) => name.endsWith(".mdx")).sort();
const lessonSources = new Map(lessonFiles.map((name) => [name, readFileSync(join(LESSONS_DIR, name), "utf8")]));
const allExercises = lessonFiles.flatMap((name) => parseExercises(lessonSources.get(name)!, name));
const numericExercises = allExercises.filter(isNumeric);

describe("exercise answers in the lessons", () => {
  it("finds every exercise element in the lessons", () => {
    const elements = [...lessonSources.values()].reduce((sum, source) => sum + (source.match(/<[A-Z]\w*Exercise\b/g)?.length ?? 0), 0);
    expect(allExercises.length).toBe(elements);
    expect(numericExercises.length).toBeGreaterThan(40);
  });

  it("has an engine check for every numeric exercise, and none for exercises that are gone", () => {
    const ids = new Set(numericExercises.map((e) => e.id));
    expect(numericExercises.filter((e) => ENGINE_CHECKS[e.id] === undefined).map((e) => `${e.file} ${e.id}`)).toEqual([]);
    expect(Object.keys(ENGINE_CHECKS).filter((id) => !ids.has(id))).toEqual([]);
  });

  describe.each(lessonFiles)("%s", (file) => {
    const exercises = numericExercises.filter((e) => e.file === file);
    it.skipIf(exercises.length === 0).each(exercises.map((e) => [e.id, e] as const))("%s matches the engine", (_id, exercise) => {
      expect(checkExercise(exercise)).toEqual([]);
    });
  });
});

describe("the exercise checker", () => {
  const lesson9 = lessonSources.get("09-lstm-inputs.mdx")!;
  const lesson5 = lessonSources.get("05-iterations-and-epochs.mdx")!;

  it("reads answers written as literals, shapes and facts references", () => {
    const byId = new Map(allExercises.map((e) => [e.id, e]));
    expect(byId.get("keras-lstm-16")?.stated).toBe(1280);
    expect(byId.get("lstm-batch-shape")?.stated).toEqual([8, 5, 3]);
    expect(byId.get("tenth-batch-positions")?.stated).toEqual([46, 50]);
    expect(byId.get("predict-windows-t12")?.runWith).toEqual({ timesteps: 12 });
  });

  it("reads result numbers with thousands separators from an explanation", () => {
    const keras = allExercises.find((e) => e.id === "keras-lstm-16")!;
    expect(explanationResults(keras.explanation, "parameters")).toEqual([1280, 1344]);
    const adam = allExercises.find((e) => e.id === "adam-fixed-bytes")!;
    expect(explanationResults(adam.explanation, "bytes")).toContain(16_000_000);
  });

  it("passes the lessons as they are", () => {
    expect(lessonFiles.flatMap((name) => checkLessonSource(lessonSources.get(name)!, name))).toEqual([]);
  });

  it("reports a wrong answer in an altered copy of a lesson", () => {
    const altered = lesson9.replace("answer={1280}", "answer={1344}");
    expect(altered).not.toBe(lesson9);
    const problems = checkLessonSource(altered, "09-lstm-inputs.mdx");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/keras-lstm-16: the lesson's answer is 1344, the engine gives 1280/);
  });

  it("reports a wrong result in an altered explanation", () => {
    const altered = lesson9.replace("(16 × 19 + 32) = 1,344", "(16 × 19 + 32) = 1,334");
    expect(altered).not.toBe(lesson9);
    const problems = checkLessonSource(altered, "09-lstm-inputs.mdx");
    expect(problems).toEqual([expect.stringMatching(/keras-lstm-16: the explanation states \[1280,1334\], the engine gives \[1280,1344\]/)]);

    const lesson8 = lessonSources.get("08-what-limits-batch-size.mdx")!;
    const alteredBytes = lesson8.replace("16,000,000 bytes (16 MB)", "12,000,000 bytes (12 MB)");
    expect(alteredBytes).not.toBe(lesson8);
    expect(checkLessonSource(alteredBytes, "08-what-limits-batch-size.mdx")).toEqual([
      expect.stringMatching(/adam-fixed-bytes: the explanation states \[4,16,12000000\], the engine gives \[4,16,16000000\]/),
    ]);
  });

  it("reports an answer that points at the wrong fact", () => {
    const altered = lesson5.replace('answer={facts["lesson5.b8.iterations"]}', 'answer={facts["lesson5.b8.dropIterations"]}');
    expect(altered).not.toBe(lesson5);
    expect(checkLessonSource(altered, "05-iterations-and-epochs.mdx")).toEqual([
      expect.stringMatching(/iterations-b8: the lesson's answer is 6, the engine gives 7/),
    ]);
  });

  it("reports a numeric exercise that has no engine check", () => {
    const added = `${lesson9}\n<NumericExercise client:visible id="new-unchecked" lesson="lstm-inputs" question="?" answer={3} explanation="3." />\n`;
    expect(checkLessonSource(added, "09-lstm-inputs.mdx")).toEqual([expect.stringMatching(/new-unchecked: no entry in ENGINE_CHECKS/)]);
  });
});
