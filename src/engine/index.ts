/** The engine's public API: pure TypeScript, no DOM. Widgets import from here. */

export * from "./elementary";
export { ACTIVATIONS, type Activation } from "./activations";
export * from "./loss";
export * from "./optimizers";
export * from "./batching";
export * from "./modelSpec";
export * from "./model";
export * from "./train";
export * from "./gradientNoise";
export * from "./landscape";
export * from "./weightPlane";

export * from "./random";
export * from "./csv";
export * from "./dataset";
export * from "./greenhouse";
export * from "./architecture";
export * from "./memory";
export * from "./windows";
