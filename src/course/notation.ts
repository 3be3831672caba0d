/**
 * One notation for lessons and widgets (see src/course/README.md):
 * - layers with weights are numbered from 1: W⁽¹⁾, b⁽¹⁾ belong to the first hidden layer, W⁽²⁾, b⁽²⁾ to the next;
 * - i counts rows (samples) from 1, j counts features from 1, k counts a layer's units from 1;
 * - W⁽ˡ⁾ is stored as Keras stores a kernel, inputs × units, so W⁽¹⁾ⱼₖ joins feature j to hidden unit k
 *   (PyTorch's nn.Linear keeps the transpose, units × inputs);
 * - code shows Keras 3's own layer names: the first Dense layer of a model is `dense`, then `dense_1`, `dense_2`.
 */

/** Keras 3's automatic name for the `ordinal`-th layer (from 0) of one kind in a fresh session: dense, dense_1, dense_2. */
export function kerasLayerName(kind: "dense" | "lstm", ordinal: number): string {
  return ordinal === 0 ? kind : `${kind}_${ordinal}`;
}

/** Keras' names for the layers of a model, in order: 3 → 8 → 1 gives ["dense", "dense_1"]. */
export function kerasLayerNames(layers: readonly { kind: "dense" | "lstm" }[]): string[] {
  const seen = { dense: 0, lstm: 0 };
  return layers.map((layer) => kerasLayerName(layer.kind, seen[layer.kind]++));
}

/**
 * The Keras name of one of the engine's parameters. The engine numbers its dense layers from 1
 * ("dense_1/kernel" is the first layer's kernel); Keras leaves the first unnumbered ("dense/kernel").
 */
export function kerasParameterName(engineName: string): string {
  const match = /^(dense|lstm)(?:_(\d+))?\/(.+)$/.exec(engineName);
  if (match === null) return engineName;
  const ordinal = match[2] === undefined ? 0 : Number(match[2]) - 1;
  return `${kerasLayerName(match[1] as "dense" | "lstm", ordinal)}/${match[3]}`;
}

/** The layer (from 1) an engine parameter belongs to, for W⁽ˡ⁾ and b⁽ˡ⁾: "dense_2/bias" → 2. */
export function layerNumber(engineName: string): number {
  const match = /^dense_(\d+)\//.exec(engineName);
  return match === null ? 1 : Number(match[1]);
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";
const script = (value: number, digits: string): string => String(value).replace(/\d/g, (d) => digits[Number(d)]!);

/**
 * A layer's tensor written as plain text, for labels that hold no markup (options, SVG text):
 * ("W", 1) → "W⁽¹⁾", ("W", 1, [1, 3]) → "W⁽¹⁾₁,₃", ("b", 2, [1]) → "b⁽²⁾₁".
 */
export function layerSymbol(base: string, layer: number, subscripts: readonly number[] = []): string {
  return `${base}⁽${script(layer, SUPERSCRIPT_DIGITS)}⁾${subscripts.map((s) => script(s, SUBSCRIPT_DIGITS)).join(",")}`;
}
