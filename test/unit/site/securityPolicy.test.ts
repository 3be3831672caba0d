import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { headerPolicy, headersFile, headersFor, metaPolicy, parseHeadersFile } from "../../../src/security/headers.mjs";
import { EVERY_FILE_HEADERS, pageAdditions, SCRIPT_FILE_POLICY, SEARCH_FILE_POLICY, THEME_SCRIPT, THEME_SCRIPT_HASH } from "../../../src/security/policy.mjs";

describe("the security policy's parts", () => {
  it("only the search page may compile WebAssembly; only search, the lab and the LSTM lesson may start workers", () => {
    expect(pageAdditions("/search/")).toEqual({ directives: ["worker-src 'self'"], scriptResources: ["'wasm-unsafe-eval'"] });
    expect(pageAdditions("/lessons/batch-size-lab/")).toEqual({ directives: ["worker-src 'self'"], scriptResources: [] });
    expect(pageAdditions("/lessons/lstm-inputs/")).toEqual({ directives: ["worker-src 'self'"], scriptResources: [] });
    expect(pageAdditions("/")).toEqual({ directives: ["worker-src 'none'"], scriptResources: [] });
    expect(pageAdditions("/lessons/the-input-layer/")).toEqual({ directives: ["worker-src 'none'"], scriptResources: [] });
  });

  it("the theme script's hash is the SHA-256 of exactly its text", () => {
    expect(THEME_SCRIPT_HASH).toBe(`sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}`);
  });

  it("reads the policy from a built page's <meta>, attribute escapes undone", () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; img-src &#39;self&#39; data:"></head>`;
    expect(metaPolicy(html)).toBe("default-src 'self'; img-src 'self' data:");
    expect(metaPolicy("<head></head>")).toBeNull();
  });
});

describe("_headers", () => {
  const pages = [
    { path: "/course/search/", policy: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    { path: "/course/", policy: "default-src 'self'; worker-src 'none'" },
  ];
  const rules = parseHeadersFile(headersFile({ base: "/course/", pages }));

  it("a page gets the headers for every file, then exactly its own <meta> policy", () => {
    expect(headersFor(rules, "/course/search/")).toEqual([
      ...Object.entries(EVERY_FILE_HEADERS),
      ["Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none';"],
    ]);
    expect(headersFor(rules, "/course/")).toEqual([
      ...Object.entries(EVERY_FILE_HEADERS),
      ["Content-Security-Policy", "default-src 'self'; worker-src 'none'; frame-ancestors 'none';"],
    ]);
  });

  it("the site's scripts carry the policy a worker runs under; other files only the common headers", () => {
    expect(headersFor(rules, "/course/_astro/trainWorker.abc123.js")).toEqual([
      ...Object.entries(EVERY_FILE_HEADERS),
      ["Content-Security-Policy", SCRIPT_FILE_POLICY],
    ]);
    expect(headersFor(rules, "/course/pagefind/pagefind-worker.js")).toEqual([
      ...Object.entries(EVERY_FILE_HEADERS),
      ["Content-Security-Policy", SEARCH_FILE_POLICY],
    ]);
    expect(headersFor(rules, "/course/favicon.svg")).toEqual(Object.entries(EVERY_FILE_HEADERS));
    expect(headersFor(rules, "/elsewhere/")).toEqual([]);
  });

  it("nosniff and a referrer policy go with every file; frame-ancestors, which a <meta> cannot carry, with every page", () => {
    expect(EVERY_FILE_HEADERS).toEqual({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" });
    expect(headerPolicy("default-src 'self';script-src 'self';")).toBe("default-src 'self';script-src 'self'; frame-ancestors 'none';");
  });
});
