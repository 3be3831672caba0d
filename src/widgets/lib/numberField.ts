import { formatCount, isDecimalNumber } from "../../engine/csv";
import { echoText } from "../../engine/echo";

/**
 * The longest text a number field reads ("0.000123456789" is 14). The inputs carry it as maxLength; longer
 * text (from an address, or typed before hydration) gets a message without being read further.
 */
export const NUMBER_FIELD_MAX_LENGTH = 24;

export interface NumberRule {
  /** Words for messages, e.g. "Batch size". */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Reads what a reader typed into a numeric field; every rejection says what is allowed. */
export function parseNumberField(text: string, rule: NumberRule): ParsedNumber {
  const trimmed = text.trim();
  const range = `${rule.integer ? "a whole number" : "a number"} from ${formatBound(rule.min)} to ${formatBound(rule.max)}`;
  if (trimmed === "") return { ok: false, message: `${rule.label} is empty: enter ${range}.` };
  if (trimmed.length > NUMBER_FIELD_MAX_LENGTH) {
    return { ok: false, message: `${rule.label} must be ${range}; the text is ${formatCount(trimmed.length)} characters long.` };
  }
  if (!isDecimalNumber(trimmed)) return { ok: false, message: `${rule.label} must be ${range}; “${clip(trimmed)}” is not a number.` };
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

/** Echoes input back without letting a pasted novel flood the message, or a bidi control reverse it. */
function clip(text: string): string {
  return echoText(text, NUMBER_FIELD_MAX_LENGTH);
}
