/** A number as the widgets print it: fixed decimals, a true minus sign (−), never "−0.000", and "—" when not finite. */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return "—";
  const text = value.toFixed(digits);
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `\u2212${text.slice(1)}` : text;
}
