/**
 * Tensor shapes and parameter counts of the course's networks, from the engine's architecture.ts (kept apart from
 * ./networks.ts so that islands which only need a network's sizes do not ship the shape tables).
 */
import { describeDenseNetwork, describeLstmNetwork, type NetworkDescription } from "../engine/architecture";
import { denseNetwork, type Framework } from "../engine/modelSpec";
import { lstmSpec } from "./networks";

/** Every tensor of a dense network F → hidden → outputs at batch size B, with shapes and parameter counts. */
export function denseShapes(features: number, hidden: readonly number[], outputs: number, batchSize: number): NetworkDescription {
  return describeDenseNetwork(denseNetwork(features, hidden, outputs), batchSize);
}

/** The same for an LSTM of `units` over windows of T rows, then a dense output, in one framework's layout. */
export function lstmShapes(features: number, timesteps: number, units: number, batchSize: number, framework: Framework): NetworkDescription {
  return describeLstmNetwork(lstmSpec(features, timesteps, units), batchSize, framework);
}

/** One tensor's shape by the engine's name ("X", "W1", "b1", "H1", "Y_hat"). */
export function tensorShape(description: NetworkDescription, name: string): number[] {
  const found = description.tensors.find((tensor) => tensor.name === name);
  if (found === undefined) throw new Error(`No tensor ${name} in this network`);
  return found.shape;
}
