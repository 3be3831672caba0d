import { formatCount } from "../../engine/csv";

export interface NumberRule {
  /** Words for messages, e.g. "Batch size". */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads what a reader typed into a numeric field; every rejection says what is allowed. */
export function parseNumberField(text: string, rule: NumberRule): ParsedNumber {
  const trimmed = text.trim();
  const range = `${rule.integer ? "a whole number" : "a number"} from ${formatBound(rule.min)} to ${formatBound(rule.max)}`;
  if (trimmed === "") return { ok: false, message: `${rule.label} is empty: enter ${range}.` };
  if (!numeric.test(trimmed)) return { ok: false, message: `${rule.label} must be ${range}; “${clip(trimmed)}” is not a number.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${rule.label} is too large: enter ${range}.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `${rule.label} must be a whole number (got ${clip(trimmed)}).` };
  if (value < rule.min) return { ok: false, message: `${rule.label} must be at least ${formatBound(rule.min)} (got ${clip(trimmed)}).` };
  if (value > rule.max) return { ok: false, message: `${rule.label} must be at most ${formatBound(rule.max)} (got ${clip(trimmed)}).` };
  return { ok: true, value };
}

function formatBound(value: number): string {
  // Not toLocaleString: the first Intl call on a page costs a long task on slow phones.
  return Number.isSafeInteger(value) ? formatCount(value) : String(value);
}

/** Echoes input back without letting a pasted novel flood the message. */
function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
