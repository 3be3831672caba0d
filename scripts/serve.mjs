#!/usr/bin/env node
// Serves a built site (default dist/) as a static host would, under an optional base path, with the headers
// the build wrote to _headers (as Netlify or Cloudflare Pages would send them). Listens on 127.0.0.1 only,
// unless --host says otherwise (e.g. --host 0.0.0.0 to reach it from another machine).
// Usage: node scripts/serve.mjs [--dir dist] [--port 4321] [--base /course/] [--host 127.0.0.1]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { headersFor, parseHeadersFile } from "../src/security/headers.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const root = resolve(option("dir", process.env.OUT_DIR ?? "dist"));
const port = Number(option("port", process.env.PORT ?? "4321"));
const host = option("host", "127.0.0.1");
const rawBase = option("base", process.env.BASE_PATH ?? "/");
const base = `/${rawBase.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/**
 * The file for a decoded URL path, with what `stat` said of it, or null. The path is resolved against the root and
 * must stay inside it: root + separator, not a bare prefix, so "/..%2Fdist-secret%2Fx.txt" cannot reach a sibling
 * "dist-secret".
 */
async function fileFor(urlPath) {
  if (urlPath.includes("\0")) return null;
  const candidate = resolve(root, `.${urlPath}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = join(candidate, "index.html");
      return { path: index, info: await stat(index) };
    }
    return { path: candidate, info };
  } catch {
    return null;
  }
}

try {
  await stat(join(root, "index.html"));
} catch {
  console.error(`No built site in ${root}. Run \`npm run build\` first.`);
  process.exit(1);
}
/**
 * Each file's compressed body, made once, as hosts that precompress do: the browser tests load the same pages and
 * bundles hundreds of times. Keyed by modification time and size too, so a rebuild while the server runs is served.
 * @type {Map<string, { version: string, body: Buffer }>}
 */
const compressed = new Map();
async function gzippedFile(file, knownInfo) {
  // The stat comes before the read (fileFor's, when it made one), so a file rewritten in between is compressed again.
  const info = knownInfo ?? (await stat(file));
  const version = `${info.mtimeMs}:${info.size}`;
  const cached = compressed.get(file);
  if (cached?.version === version) return cached.body;
  const entry = { version, body: gzipSync(await readFile(file)) };
  compressed.set(file, entry);
  return entry.body;
}

const headerRules = parseHeadersFile(await readFile(join(root, "_headers"), "utf8").catch(() => ""));

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = "/";
  }
  if (!pathname.startsWith(base)) {
    if (pathname === "/" && base !== "/") {
      response.writeHead(302, { location: base }).end();
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Not found. The site is served under ${base}`);
    return;
  }
  if (!pathname.endsWith("/") && !extname(pathname)) {
    response.writeHead(301, { location: `${pathname}/${url.search}` }).end();
    return;
  }
  const file = await fileFor(pathname.slice(base.length - 1));
  const target = file?.path ?? join(root, "404.html");
  try {
    const type = types[extname(target)] ?? "application/octet-stream";
    // Compress text as any real static host does.
    const compress = /text|javascript|json|svg|xml/.test(type) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const body = compress ? await gzippedFile(target, file?.info) : await readFile(target);
    for (const [name, value] of headersFor(headerRules, pathname)) response.appendHeader(name, value);
    response.writeHead(file ? 200 : 404, {
      "content-type": type,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
      ...(compress ? { "content-encoding": "gzip" } : {}),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
  }
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === "object" && address !== null ? address.port : port;
  console.log(`Serving ${root} at http://${host.includes(":") ? `[${host}]` : host}:${shown}${base}`);
});
