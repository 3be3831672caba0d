import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const projectRoot = resolve(import.meta.dirname, "../../..");
const SECRET = "the sibling folder's secret";

/** Starts scripts/serve.mjs on a free port; resolves with its address once it says it is serving. */
function startServer(args: string[]): Promise<{ child: ChildProcess; origin: string; line: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(projectRoot, "scripts/serve.mjs"), "--port", "0", ...args], { cwd: projectRoot });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving .* at (http:\/\/[^\s/]+)(\S*)/.exec(output);
      if (match) done({ child, origin: match[1]!, line: match[0] });
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => fail(new Error(`serve.mjs exited (${code}): ${output}`)));
  });
}

/** GET with the path sent exactly as written: no client-side normalisation of "..". With `gzip`, asks for gzip and unzips. */
function get(origin: string, rawPath: string, gzip = false): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(origin);
  return new Promise((done, fail) => {
    const headers = gzip ? { "accept-encoding": "gzip" } : {};
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method: "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString();
        done({ status: response.statusCode ?? 0, body, headers: response.headers });
      });
    });
    req.on("error", fail);
    req.end();
  });
}

const escapes = [
  "/..%2Fdist-secret%2Fx.txt",
  "/..%2fdist-secret/x.txt",
  "/%2e%2e/dist-secret/x.txt",
  "/%2E%2E%2Fdist-secret%2Fx.txt",
  "/.%2e/.%2e/dist-secret/x.txt",
  "/..%5Cdist-secret%5Cx.txt",
  "/x/..%2F..%2Fdist-secret%2Fx.txt",
  "/%00../dist-secret/x.txt",
];

describe("scripts/serve.mjs keeps to its folder", () => {
  let folder = "";
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "course-serve-"));
    await mkdir(join(folder, "dist", "lessons", "a"), { recursive: true });
    await mkdir(join(folder, "dist-secret"), { recursive: true });
    await writeFile(join(folder, "dist", "index.html"), "<!doctype html><title>home</title>");
    await writeFile(join(folder, "dist", "404.html"), "<!doctype html><title>not found</title>");
    await writeFile(join(folder, "dist", "lessons", "a", "index.html"), "<!doctype html><title>lesson a</title>");
    await writeFile(join(folder, "dist", "_headers"), "/*\n  Referrer-Policy: no-referrer\n/lessons/a/\n  Content-Security-Policy: default-src 'self'\n");
    await writeFile(join(folder, "dist-secret", "x.txt"), SECRET);
  });

  afterAll(async () => {
    for (const server of servers) server.kill();
    await rm(folder, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 unless told otherwise", async () => {
    const server = await startServer(["--dir", join(folder, "dist")]);
    servers.push(server.child);
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers every encoded escape towards a sibling folder with 404, never the file", async () => {
    const server = await startServer(["--dir", join(folder, "dist")]);
    servers.push(server.child);
    expect((await get(server.origin, "/lessons/a/")).body).toContain("lesson a");
    for (const path of escapes) {
      const response = await get(server.origin, path);
      expect(response.body, path).not.toContain(SECRET);
      expect(response.status, path).toBe(404);
    }
  });

  it("under a base path too", async () => {
    const server = await startServer(["--dir", join(folder, "dist"), "--base", "/course/"]);
    servers.push(server.child);
    expect((await get(server.origin, "/course/lessons/a/")).body).toContain("lesson a");
    for (const path of escapes) {
      const response = await get(server.origin, `/course${path}`);
      expect(response.body, path).not.toContain(SECRET);
      expect(response.status, path).toBe(404);
    }
  });

  it("sends the headers _headers gives each path", async () => {
    const server = await startServer(["--dir", join(folder, "dist")]);
    servers.push(server.child);
    const lesson = await get(server.origin, "/lessons/a/");
    expect(lesson.headers["referrer-policy"]).toBe("no-referrer");
    expect(lesson.headers["content-security-policy"]).toBe("default-src 'self'");
    const home = await get(server.origin, "/");
    expect(home.headers["referrer-policy"]).toBe("no-referrer");
    expect(home.headers["content-security-policy"]).toBeUndefined();
  });

  it("sends gzip when asked, and a file rewritten while it runs is sent as it is now, not its earlier compressed copy", async () => {
    const server = await startServer(["--dir", join(folder, "dist")]);
    servers.push(server.child);
    const page = join(folder, "dist", "lessons", "b.html");
    await writeFile(page, "<!doctype html><title>first version</title>");
    for (let i = 0; i < 2; i++) {
      const response = await get(server.origin, "/lessons/b.html", true);
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(response.body).toContain("first version");
    }
    await writeFile(page, "<!doctype html><title>second version, longer</title>");
    expect((await get(server.origin, "/lessons/b.html", true)).body).toContain("second version, longer");
    expect((await get(server.origin, "/lessons/b.html")).body).toContain("second version, longer");
  });
});
