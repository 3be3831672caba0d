// @ts-check
/**
 * `_headers` for hosts that read one (Netlify, Cloudflare Pages, …), written by the build from the policy each
 * built page carries in its <meta http-equiv="content-security-policy">, so the two cannot drift. GitHub Pages
 * ignores the file (see README, Deploy); scripts/serve.mjs applies it, so the browser tests run under both.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { EVERY_FILE_HEADERS, HEADER_ONLY_DIRECTIVES, PAGE_ADDITIONS, SCRIPT_FILE_POLICY, SEARCH_FILE_POLICY } from "./policy.mjs";

const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/**
 * The policy a built page carries, or null when it has none.
 * @param {string} html
 * @returns {string | null}
 */
export function metaPolicy(html) {
  const match = META_POLICY.exec(html);
  return match?.[1] !== undefined ? match[1].replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&") : null;
}

/**
 * A page's policy as a header: its <meta> policy and the directives only a header can carry.
 * @param {string} metaContent
 */
export function headerPolicy(metaContent) {
  return `${metaContent.trim().replace(/;$/, "")}; ${HEADER_ONLY_DIRECTIVES.join("; ")};`;
}

/**
 * The `_headers` text: headers for every file, the scripts' and Pagefind's own policies (they govern workers), then each page's
 * policy on its URL.
 * @param {{ base: string; pages: { path: string; policy: string }[] }} site base "/" or "/course/"; path with the base
 * @returns {string}
 */
export function headersFile({ base, pages }) {
  const lines = [
    "# Written by the build (src/security/headers.mjs) from each page's <meta> policy: do not edit.",
    `${base}*`,
    ...Object.entries(EVERY_FILE_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    `${base}_astro/*`,
    `  Content-Security-Policy: ${SCRIPT_FILE_POLICY}`,
    `${base}pagefind/*`,
    `  Content-Security-Policy: ${SEARCH_FILE_POLICY}`,
  ];
  for (const page of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
    lines.push(page.path, `  Content-Security-Policy: ${headerPolicy(page.policy)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Parses `_headers` into path → headers (name → values, in order), as a host reading it would.
 * @param {string} text
 * @returns {Map<string, [string, string][]>}
 */
export function parseHeadersFile(text) {
  /** @type {Map<string, [string, string][]>} */
  const rules = new Map();
  /** @type {[string, string][] | null} */
  let current = null;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = [];
      rules.set(line.trim(), current);
    } else if (current) {
      const colon = line.indexOf(":");
      current.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Headers for a URL path: every rule whose pattern matches (a trailing * matches any rest), in file order.
 * @param {Map<string, [string, string][]>} rules
 * @param {string} path
 * @returns {[string, string][]}
 */
export function headersFor(rules, path) {
  /** @type {[string, string][]} */
  const headers = [];
  for (const [pattern, values] of rules) {
    const matches = pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (matches) headers.push(...values);
  }
  return headers;
}

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

/**
 * The page URL of a built file: "lessons/x/index.html" → "/lessons/x/", "404.html" → "/404.html".
 * @param {string} file relative to the output folder
 * @param {string} base
 */
function pagePath(file, base) {
  const url = file.split(sep).join("/");
  return base + (url.endsWith("index.html") ? url.slice(0, -"index.html".length) : url);
}

/**
 * Writes `_headers` into the output folder after a build; fails the build if a page lacks a policy or a
 * route with its own additions (policy.mjs) was not built.
 * @param {string} base
 * @returns {import("astro").AstroIntegration}
 */
export function securityHeaders(base) {
  return {
    name: "security-headers",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        /** @type {{ path: string; policy: string }[]} */
        const pages = [];
        for await (const file of htmlFiles(outDir)) {
          const policy = metaPolicy(await readFile(file, "utf8"));
          const path = pagePath(relative(outDir, file), base);
          if (policy === null) throw new Error(`${path} has no content-security-policy <meta>; every page needs one.`);
          pages.push({ path, policy });
        }
        for (const route of Object.keys(PAGE_ADDITIONS)) {
          const path = base + route.slice(1);
          if (!pages.some((page) => page.path === path)) {
            throw new Error(`src/security/policy.mjs gives ${route} its own policy, but the build has no such page.`);
          }
        }
        await writeFile(join(outDir, "_headers"), headersFile({ base, pages }));
        logger.info(`_headers written for ${pages.length} pages`);
      },
    },
  };
}
