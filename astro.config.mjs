// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import preact from "@astrojs/preact";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";
import rehypeScrollTables from "./src/components/rehypeScrollTables.ts";
import { BASE_DIRECTIVES, SCRIPT_RESOURCES, STYLE_RESOURCES, THEME_SCRIPT_HASH } from "./src/security/policy.mjs";
import { securityHeaders } from "./src/security/headers.mjs";

// BASE_PATH lets the same build be served from a sub-path (GitHub Pages: /<repo>/).
const basePath = process.env.BASE_PATH ?? "/";
const base = basePath.endsWith("/") ? basePath : `${basePath}/`;

export default defineConfig({
  site: process.env.SITE_URL ?? "https://example.github.io",
  base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "dist",
  // Separate caches let two builds (root and sub-path) run side by side.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./node_modules/.astro",
  markdown: {
    // Prism marks tokens with classes (styled in global.css); Shiki's inline styles would break the strict CSP.
    syntaxHighlight: "prism",
    // Astro 7's default processor does not run remark/rehype plugins; unified() does.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: "htmlAndMathml", throwOnError: true }], rehypeScrollTables],
    }),
  },
  integrations: [mdx(), preact(), sitemap(), securityHeaders(base)],
  // Inlined <style> blocks from MDX-imported islands are not always hashed into the CSP; linked files are allowed by 'self'.
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  security: {
    // Astro hashes every script and stylesheet it emits; nothing else may run. The policy's parts live in
    // src/security/policy.mjs: BaseLayout adds each page's own (worker-src, Pagefind's 'wasm-unsafe-eval' on /search/),
    // and the build writes the same policies to dist/_headers for hosts that read it.
    csp: {
      directives: BASE_DIRECTIVES,
      styleDirective: { resources: STYLE_RESOURCES },
      scriptDirective: { resources: SCRIPT_RESOURCES, hashes: [THEME_SCRIPT_HASH] },
    },
  },
});
