/**
 * Every number the lessons quote, by name, computed at build time by the engine from the shipped
 * data (never typed by hand). `<Fact name="lesson5.b8.iterations" />` prints one; a name that is
 * not here fails the build (and, in .astro files, the type check).
 */
import { lesson1Facts } from "./lesson1";
import { lesson2Facts } from "./lesson2";
import { lesson3Facts } from "./lesson3";
import { lesson4Facts } from "./lesson4";
import { lesson5Facts } from "./lesson5";
import { lesson6Facts } from "./lesson6";
import { lesson7Facts } from "./lesson7";
import { lesson8Facts } from "./lesson8";
import { lesson9Facts } from "./lesson9";
import { lesson10Facts } from "./lesson10";
import type { FactValue } from "./types";

export type { FactValue };

export const FACTS = {
  ...lesson1Facts,
  ...lesson2Facts,
  ...lesson3Facts,
  ...lesson4Facts,
  ...lesson5Facts,
  ...lesson6Facts,
  ...lesson7Facts,
  ...lesson8Facts,
  ...lesson9Facts,
  ...lesson10Facts,
};

export type FactName = keyof typeof FACTS;

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACTS, name);
}

/** One fact's value; throws with the list of close names when `name` is unknown (a typo in a lesson). */
export function factValue(name: string): FactValue {
  if (isFactName(name)) return FACTS[name];
  const prefix = name.split(".")[0] ?? "";
  const near = Object.keys(FACTS).filter((known) => known.startsWith(`${prefix}.`)).slice(0, 12);
  throw new Error(`Unknown fact "${name}": define it in src/course/facts/. ${near.length > 0 ? `Facts starting with "${prefix}.": ${near.join(", ")}` : ""}`.trim());
}
