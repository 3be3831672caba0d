/** The data the lab trains on: the greenhouse table (default) or a table the reader brought. */
import { standardise, type Dataset } from "../../engine";
import { greenhouse } from "../lib/greenhouse";
import type { OwnData } from "./ownData";

export interface LabData {
  kind: "greenhouse" | "own";
  /** Standardised inputs and target. */
  dataset: Dataset;
  n: number;
  features: number;
  featureNames: readonly string[];
  targetName: string;
  /** The file name the exported code reads. */
  fileName: string;
  /** "the greenhouse table" / "your table". */
  description: string;
}

export const GREENHOUSE_DATA: LabData = {
  kind: "greenhouse",
  dataset: standardise(greenhouse).dataset,
  n: greenhouse.n,
  features: greenhouse.features,
  featureNames: greenhouse.featureNames,
  targetName: greenhouse.targetName,
  fileName: "greenhouse.csv",
  description: "the greenhouse table",
};

export function labDataFromOwn(own: OwnData, fileName: string): LabData {
  return {
    kind: "own",
    dataset: own.dataset,
    n: own.n,
    features: own.features,
    featureNames: own.featureNames,
    targetName: own.targetName,
    fileName,
    description: "your table",
  };
}
