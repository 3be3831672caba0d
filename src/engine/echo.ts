/**
 * Text a reader supplied (a typed answer, a CSV cell or column name, a value from the address bar), made
 * safe to quote back inside one of the site's sentences. The one helper for this, so every message
 * treats such text alike.
 */

/**
 * Bidirectional formatting characters: the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069, and the marks U+200E, U+200F, U+061C. An unmatched U+202E (right-to-left override)
 * quoted in a message reverses the rest of that sentence, and a stray U+2069 would close an isolate
 * early; none of them belongs in a number, a column name or a query value.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks and tabs: a quoted value stays on the message's one line, its parts apart. */
const LINE_BREAKS = /[\t\n\r]+/g;
/** The other C0 and C1 control characters: invisible. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text without bidirectional formatting characters; everything else, including right-to-left letters, stays. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/**
 * Text as it may be quoted in a message: bidirectional and other control characters removed (line breaks
 * and tabs become one space), and at most
 * `maxChars` characters, the rest replaced by "…" so a pasted file cannot flood the message. A surrogate
 * pair (an emoji) is never cut in half.
 */
export function echoText(text: string, maxChars = 40): string {
  // Only a bounded window is cleaned: the text may be megabytes long, and the message needs the start.
  const window = text.slice(0, maxChars * 4 + 8);
  const clean = stripBidiControls(window).replace(LINE_BREAKS, " ").replace(CONTROL_CHARACTERS, "");
  const fitsWhole = window.length === text.length && clean.length <= maxChars;
  if (fitsWhole) return clean;
  let end = Math.min(maxChars, clean.length);
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return `${clean.slice(0, end)}…`;
}
