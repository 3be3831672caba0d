/** The data the lab trains on: the greenhouse table (default) or a table the reader brought. */
import {
  GREENHOUSE_FEATURE_COLUMNS,
  GREENHOUSE_FEATURES,
  GREENHOUSE_FILE_NAME,
  GREENHOUSE_ROWS,
  GREENHOUSE_TARGET_COLUMN,
} from "../../course/columns";
import { greenhouseReady, standardisedGreenhouse } from "../../course/data";
import type { CsvDelimiter } from "../../engine/csv";
import type { Dataset } from "../../engine/dataset";
import type { OwnData } from "./ownData";

export interface LabData {
  kind: "greenhouse" | "own";
  /** Standardised inputs and target. */
  dataset: Dataset;
  n: number;
  features: number;
  featureNames: readonly string[];
  targetName: string;
  /** The file name the exported code reads, and its separator. */
  fileName: string;
  separator: CsvDelimiter;
  /** "the greenhouse table" / "your table". */
  description: string;
}

/**
 * The greenhouse table (src/course/data.ts). Its shape is known without parsing; the numbers are
 * parsed and standardised on first use of `dataset`, not while the page hydrates: the lab opens with
 * results the server shipped, so the parse can wait for an idle moment (warmGreenhouseData) or the
 * reader's first change.
 */
export const GREENHOUSE_DATA: LabData = {
  kind: "greenhouse",
  get dataset(): Dataset {
    return standardisedGreenhouse().dataset;
  },
  n: GREENHOUSE_ROWS,
  features: GREENHOUSE_FEATURES,
  featureNames: GREENHOUSE_FEATURE_COLUMNS,
  targetName: GREENHOUSE_TARGET_COLUMN,
  fileName: GREENHOUSE_FILE_NAME,
  separator: ",",
  description: "the greenhouse table",
};

/** Parses the greenhouse table when the browser is idle, so the reader's first change need not wait for it. */
export function warmGreenhouseData(): () => void {
  if (greenhouseReady()) return () => undefined;
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
    separator: own.separator,
    description: "your table",
  };
}
