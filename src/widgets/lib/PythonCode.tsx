/**
 * Python source highlighted like the lessons' code blocks: spans with Prism's token classes (coloured in global.css),
 * rendered as Preact elements, the same on the server and in the browser.
 */
import type { JSX } from "preact";
import { pythonTokens } from "./pythonTokens";

export function PythonCode({ code }: { code: string }): JSX.Element {
  return (
    <code class="language-python">
      {pythonTokens(code).map((token) => (token.type === undefined ? token.text : <span class={`token ${token.type}`}>{token.text}</span>))}
    </code>
  );
}
