/**
 * Widget code (the explorer's and the lab's Keras and PyTorch snippets) is tokenized by Prism's Python grammar into the
 * same token classes as the lessons' code blocks, and the text itself is untouched.
 */
import { describe, expect, it } from "vitest";
import { renderToString } from "preact-render-to-string";
import { PythonCode } from "../../../src/widgets/lib/PythonCode";
import { kerasCode } from "../../../src/widgets/NetworkExplorer/codegen";
import { pythonTokens } from "../../../src/widgets/lib/pythonTokens";

const textOf = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("PythonCode", () => {
  it("marks keywords, numbers, strings, comments and calls with Prism's classes", () => {
    const html = renderToString(<PythonCode code={'import keras\nx = np.zeros((5, 3))  # a batch of 5\nlayers.Dense(8, activation="tanh")'} />);
    expect(html).toMatch(/^<code class="language-python">/);
    expect(html).toContain('<span class="token keyword">import</span> keras');
    expect(html).toContain('<span class="token number">5</span>');
    expect(html).toContain('<span class="token comment"># a batch of 5</span>');
    expect(html).toContain('<span class="token string">&quot;tanh&quot;</span>');
    expect(html).toContain('<span class="token operator">=</span>');
  });

  it("keeps the code's text exactly, for the Keras code of the explorer's 3 → 8 → 1 network", () => {
    const code = kerasCode({ features: 3, hidden: [8], outputs: 1, activation: "tanh", batchSize: 5 }, 41);
    const html = renderToString(<PythonCode code={code} />);
    expect(textOf(html)).toBe(code);
    expect(html).toContain('<span class="token comment"># Total params: 41</span>');
  });
});

describe("pythonTokens", () => {
  const typed = (code: string) => pythonTokens(code).filter((token) => token.type !== undefined).map((token) => `${token.type}:${token.text}`);

  it("tells keywords, builtins and booleans from other names", () => {
    expect(typed("for layer in model: isinstance(layer, nn.Linear) or None")).toEqual([
      "keyword:for", "keyword:in", "punctuation::", "builtin:isinstance", "punctuation:(", "punctuation:,", "punctuation:.",
      "punctuation:)", "keyword:or", "boolean:None",
    ]);
  });

  it("reads numbers with exponents and decimals, but not the digit at the end of a name", () => {
    expect(typed("eps=1e-7, lr=0.05, x1")).toEqual(["operator:=", "number:1e-7", "punctuation:,", "operator:=", "number:0.05", "punctuation:,"]);
  });

  it("keeps a # inside a string out of the comment, and an f-string whole", () => {
    expect(typed('s = "a # b"  # c')).toEqual(["operator:=", 'string:"a # b"', "comment:# c"]);
    expect(typed('print(f"epoch {epoch + 1}")')).toEqual(["keyword:print", "punctuation:(", 'string:f"epoch {epoch + 1}"', "punctuation:)"]);
  });

  it("loses no character: the tokens' text is the code", () => {
    const code = 'history = model.fit(X, y, batch_size=8, epochs=20, shuffle=True)\n# history.history["loss"]\n';
    expect(pythonTokens(code).map((token) => token.text).join("")).toBe(code);
  });
});
