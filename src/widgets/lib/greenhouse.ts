// The course's 50-row data set, parsed once from the shipped CSV (bundled as text, never regenerated in the page).
import greenhouseCsv from "../../../content/data/greenhouse.csv?raw";
import { parseGreenhouseCsv } from "../../engine/greenhouse";

export const greenhouse = parseGreenhouseCsv(greenhouseCsv);
export { greenhouseCsv };
