/** The data the lab trains on: the greenhouse table (default) or a table the reader brought. */
import greenhouseCsv from "../../../content/data/greenhouse.csv?raw";
import { standardise, type Dataset } from "../../engine/dataset";
import { GREENHOUSE_FEATURE_NAMES, GREENHOUSE_ROW_COUNT, GREENHOUSE_TARGET_NAME, parseGreenhouseCsv } from "../../engine/greenhouse";
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

let greenhouseDataset: Dataset | null = null;

/**
 * The greenhouse table. Its shape comes from the engine's column list; the numbers are parsed (the
 * same shipped CSV and parser as src/widgets/lib/greenhouse.ts) and standardised on first use of
 * `dataset`, not while the page hydrates: the lab opens with results the server shipped, so the
 * parse can wait for an idle moment (warmGreenhouseData) or the reader's first change.
 */
export const GREENHOUSE_DATA: LabData = {
  kind: "greenhouse",
  get dataset(): Dataset {
    return (greenhouseDataset ??= standardise(parseGreenhouseCsv(greenhouseCsv)).dataset);
  },
  n: GREENHOUSE_ROW_COUNT,
  features: GREENHOUSE_FEATURE_NAMES.length,
  featureNames: GREENHOUSE_FEATURE_NAMES,
  targetName: GREENHOUSE_TARGET_NAME,
  fileName: "greenhouse.csv",
  description: "the greenhouse table",
};

/** Parses the greenhouse table when the browser is idle, so the reader's first change need not wait for it. */
export function warmGreenhouseData(): () => void {
  if (greenhouseDataset) return () => undefined;
  const warm = () => void GREENHOUSE_DATA.dataset;
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(warm, 200);
  return () => clearTimeout(timer);
}

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
