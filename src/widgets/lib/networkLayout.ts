/**
 * Where to draw a dense network and how: one column of nodes per layer (inputs first), one link per
 * weight, its width growing with |w| on a fixed scale (so a weight that grows during training is
 * seen to grow) and its sign kept for the colour. Reads the engine's parameter layout (name
 * "<layer>/kernel" with shape [inputs, units], row-major as Keras stores it, then "<layer>/bias").
 */
import type { ParameterInfo } from "../../engine/model";

export interface NetworkNode {
  key: string;
  /** 0 = inputs, 1 = first dense layer, … */
  column: number;
  /** 0-based within its column. */
  index: number;
  x: number;
  y: number;
  /** The unit's bias; null for inputs. */
  bias: number | null;
}

export interface NetworkLink {
  key: string;
  /** Dense layer the weight belongs to, 1-based: W^(layer). */
  layer: number;
  /** Input and unit indices, 1-based as the prose counts. */
  from: NetworkNode;
  to: NetworkNode;
  weight: number;
}

export interface NetworkLayout {
  nodes: NetworkNode[];
  links: NetworkLink[];
  /** Units per column, inputs first. */
  columns: number[];
  /** Largest |w| of any link. */
  largest: number;
}

export interface LayoutBox {
  width: number;
  height: number;
  /** Room left of the inputs and right of the outputs for labels. */
  left: number;
  right: number;
  /** Room above and below the tallest column. */
  pad: number;
  /** Largest gap between two nodes of a column. */
  maxGap: number;
}

/** The kernels of a dense-only network, in layer order, with their biases. */
function denseLayers(parameters: readonly ParameterInfo[]): { kernel: ParameterInfo; bias: ParameterInfo | null }[] {
  const kernels = parameters.filter((p) => p.name.endsWith("/kernel"));
  if (kernels.length === 0 || kernels.some((k) => k.shape.length !== 2)) {
    throw new RangeError("networkLayout draws dense networks only: every layer needs a [inputs, units] kernel");
  }
  return kernels.map((kernel) => ({
    kernel,
    bias: parameters.find((p) => p.name === kernel.name.replace(/\/kernel$/, "/bias")) ?? null,
  }));
}

export function networkLayout(parameters: readonly ParameterInfo[], weights: ArrayLike<number>, box: LayoutBox): NetworkLayout {
  const layers = denseLayers(parameters);
  const columns = [layers[0]!.kernel.shape[0]!, ...layers.map((l) => l.kernel.shape[1]!)];
  const tallest = Math.max(...columns);
  const gap = tallest > 1 ? Math.min(box.maxGap, (box.height - 2 * box.pad) / (tallest - 1)) : 0;
  const columnX = (c: number) => box.left + (c * (box.width - box.left - box.right)) / (columns.length - 1);
  const nodes: NetworkNode[][] = columns.map((units, c) =>
    Array.from({ length: units }, (_, i) => ({
      key: `n${c}-${i}`,
      column: c,
      index: i,
      x: columnX(c),
      y: box.height / 2 + (i - (units - 1) / 2) * gap,
      bias: c === 0 ? null : (layers[c - 1]!.bias ? weights[layers[c - 1]!.bias!.offset + i]! : 0),
    })),
  );
  const links: NetworkLink[] = [];
  let largest = 0;
  layers.forEach(({ kernel }, l) => {
    const [inputs, units] = kernel.shape as [number, number];
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < units; j++) {
        // Keras' kernel layout: W[i, j] at i·units + j.
        const weight = weights[kernel.offset + i * units + j]!;
        largest = Math.max(largest, Math.abs(weight));
        links.push({ key: `w${l + 1}-${i}-${j}`, layer: l + 1, from: nodes[l]![i]!, to: nodes[l + 1]![j]!, weight });
      }
    }
  });
  return { nodes: nodes.flat(), links, columns, largest };
}

/** Link width in pixels: 0.6 px at w = 0, 2.5 px more per unit of |w|, at most 7 px (and 7 px for non-finite weights). */
export function linkWidth(weight: number): number {
  if (!Number.isFinite(weight)) return 7;
  return Math.min(7, 0.6 + 2.5 * Math.abs(weight));
}
