/**
 * A small Python tokenizer for the code that widgets generate (the explorer's and the lab's Keras and PyTorch
 * snippets). It sorts text into the token types of Prism's Python grammar, the one Astro runs on the lessons' code
 * blocks at build time, so widget code takes the same colours (.token.<type> in global.css). Prism itself is not
 * loaded in the page: its grammars attach to a global `Prism` and it re-highlights the whole page unless told not to.
 * One difference: an f-string is one string token here, where Prism also colours the code inside its braces.
 */
export type PythonTokenType = "comment" | "string" | "keyword" | "builtin" | "boolean" | "number" | "operator" | "punctuation";

export interface PythonToken {
  text: string;
  /** Absent for plain text: names, spaces, newlines. */
  type?: PythonTokenType;
}

// The word lists of Prism's Python grammar, limited to what Python 3 code can contain.
const KEYWORDS = new Set(
  ("and as assert async await break case class continue def del elif else except finally for from global if import in is " +
    "lambda match nonlocal not or pass print raise return try while with yield").split(" "),
);
const BUILTINS = new Set(
  ("abs all any ascii bin bool bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate " +
    "eval filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len " +
    "list locals map max memoryview min next object oct open ord pow property range repr reversed round set setattr slice " +
    "sorted staticmethod str sum super tuple type vars zip").split(" "),
);
const BOOLEANS = new Set(["True", "False", "None"]);

// One alternative per token type, tried left to right at each position (sticky): comments, then strings with an
// optional prefix (f, r, b, rb, …), numbers (with _ separators, decimals, exponents), names, operators, punctuation.
const TOKEN = new RegExp(
  [
    /(?<comment>#[^\n]*)/.source,
    /(?<string>(?:[rubf]|rb|br|fr|rf)?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))/.source,
    /(?<number>\b\d+(?:_\d+)*(?:\.\d*)?(?:e[+-]?\d+)?j?\b|\B\.\d+(?:e[+-]?\d+)?\b)/.source,
    /(?<name>[A-Za-z_]\w*)/.source,
    /(?<operator>[-+%=]=?|!=|:=|\*\*?=?|\/\/?=?|<[<=>]?|>[=>]?|[&|^~])/.source,
    /(?<punctuation>[{}[\];(),.:])/.source,
  ].join("|"),
  "iy",
);

export function pythonTokens(code: string): PythonToken[] {
  const tokens: PythonToken[] = [];
  const push = (text: string, type?: PythonTokenType) => {
    const last = tokens.at(-1);
    // Runs of plain text merge into one token.
    if (type === undefined && last && last.type === undefined) last.text += text;
    else tokens.push(type === undefined ? { text } : { text, type });
  };
  let index = 0;
  while (index < code.length) {
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(code);
    if (!match || !match.groups) {
      push(code[index]!);
      index += 1;
      continue;
    }
    const [text] = match;
    const { name } = match.groups;
    if (name !== undefined) {
      // `print` is a keyword in Prism's grammar (a Python 2 leftover); keep it so, to match the lessons' blocks.
      push(text, KEYWORDS.has(name) ? "keyword" : BUILTINS.has(name) ? "builtin" : BOOLEANS.has(name) ? "boolean" : undefined);
    } else {
      const type = (["comment", "string", "number", "operator", "punctuation"] as const).find((kind) => match.groups?.[kind] !== undefined);
      push(text, type);
    }
    index += text.length;
  }
  return tokens;
}
