// @ts-check
/**
 * The site's Content-Security-Policy and other security headers: the one source for the <meta> policy Astro
 * writes into every page (astro.config.mjs, BaseLayout.astro) and for the `_headers` file the build writes for
 * hosts that read one (headers.mjs). Plain JavaScript, so the config and scripts load it without a compiler.
 */
import { createHash } from "node:crypto";

/**
 * Directives every page gets. `worker-src` is set per page (pageAdditions), never here: Astro would merge the two.
 * @typedef {NonNullable<Extract<NonNullable<NonNullable<import("astro").AstroUserConfig["security"]>["csp"]>, object>["directives"]>[number]} CspDirective
 * @type {CspDirective[]}
 */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:", // Vite inlines KaTeX's smallest fonts as data: URLs
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** script-src: files from the site itself, plus the hashes Astro adds for what it inlines and THEME_SCRIPT_HASH. */
export const SCRIPT_RESOURCES = ["'self'"];

/** KaTeX's HTML and the SVG charts carry style="" attributes, which only style-src-attr allows; style elements stay strict. */
export const STYLE_RESOURCES = ["'self'", { resource: "'unsafe-inline'", kind: /** @type {const} */ ("attribute") }];

/**
 * What some pages need beyond the base, keyed by route (without the base path). Every other page gets
 * `worker-src 'none'`. The build fails if a route here is not a page (headers.mjs), so a renamed lesson cannot
 * silently lose its entry.
 */
export const PAGE_ADDITIONS = {
  // Pagefind searches in a worker and compiles its WebAssembly index reader (in the page when workers fail).
  "/search/": { workerSrc: "'self'", scriptResources: ["'wasm-unsafe-eval'"] },
  // The lab trains large data sets in a worker; the LSTM trainer trains in one.
  "/lessons/batch-size-lab/": { workerSrc: "'self'" },
  "/lessons/lstm-inputs/": { workerSrc: "'self'" },
};

/**
 * What a page adds to the base policy: its worker-src directive and any extra script-src sources.
 * @param {string} route the page's path without the base, e.g. "/search/"
 * @returns {{ directives: CspDirective[]; scriptResources: string[] }}
 */
export function pageAdditions(route) {
  /** @type {{ workerSrc?: string; scriptResources?: string[] } | undefined} */
  const extra = /** @type {Record<string, { workerSrc?: string; scriptResources?: string[] }>} */ (PAGE_ADDITIONS)[route];
  return {
    directives: [`worker-src ${extra?.workerSrc ?? "'none'"}`],
    scriptResources: extra?.scriptResources ?? [],
  };
}

/**
 * Runs at the top of <body>, after the policy (Astro writes its <meta> at the end of <head>, so a script in
 * <head> would run before the policy exists): it sets the theme before first paint, so the page never flashes
 * the wrong one. Its hash is in script-src, so nothing else inline can run.
 */
export const THEME_SCRIPT = `(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  var choice = "auto";
  try { choice = localStorage.getItem("course-theme") || "auto"; } catch (e) {}
  if (choice !== "light" && choice !== "dark") choice = "auto";
  var dark = choice === "dark" || (choice === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.dataset.theme = dark ? "dark" : "light";
  root.dataset.themeChoice = choice;
})();`;

/** @type {`sha256-${string}`} */
export const THEME_SCRIPT_HASH = `sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}`;

/** Sent with every file by hosts that read `_headers`; a <meta> cannot carry nosniff. */
export const EVERY_FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/**
 * Added to each page's policy in `_headers` only: a <meta> policy ignores frame-ancestors, and as a header it stops
 * other sites framing the course. (In the page's own header line, not a second `/*` one, so hosts that let a
 * specific rule replace a general one and hosts that join them both keep it.)
 */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The same referrer policy as a <meta name="referrer">, which GitHub Pages (no headers) does honour. */
export const REFERRER_POLICY = EVERY_FILE_HEADERS["Referrer-Policy"];

/**
 * The policy of the site's scripts themselves. Only a worker is governed by its script's own headers (a page's
 * scripts run under the page's policy): the workers load modules from the site and fetch nothing.
 */
export const SCRIPT_FILE_POLICY = "default-src 'none'; script-src 'self'";

/** Pagefind's files: its worker compiles WebAssembly and fetches the index fragments. */
export const SEARCH_FILE_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
