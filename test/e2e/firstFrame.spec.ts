import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./helpers";

// A lesson's first frame shows the whole page: the browser does not paint the part it has parsed and then lay the
// page out again once the rest arrives (on the lab that second layout was a 100 ms task after the first paint).
// To see it, the page's HTML is sent in two parts with a pause between them, the way a slow network delivers it.
const PAUSE_MS = 1_500;

let proxy: Server;
let proxyOrigin = "";

test.beforeAll(async ({}, testInfo) => {
  const site = String(testInfo.project.use.baseURL);
  proxy = createServer(async (request, response) => {
    const upstream = await fetch(new URL(request.url!.slice(1), site), { headers: { "accept-encoding": "identity" } });
    const body = Buffer.from(await upstream.arrayBuffer());
    const type = upstream.headers.get("content-type") ?? "application/octet-stream";
    response.writeHead(upstream.status, { "content-type": type, "cache-control": "no-store" });
    if (!type.startsWith("text/html")) return void response.end(body);
    // The first part ends inside the article, well after the first screen's worth of text.
    const split = body.indexOf("</h2>", body.length >> 1);
    response.write(body.subarray(0, split));
    setTimeout(() => response.end(body.subarray(split)), PAUSE_MS);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

test("a lesson sent in two parts is first painted whole, with its footer, not half-parsed", async ({ page }) => {
  // What the page holds at its first rendering opportunity: animation-frame callbacks run just before each frame.
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      (window as unknown as { firstFrame: object }).firstFrame = {
        footer: document.getElementById("site-footer") !== null,
        headings: document.querySelectorAll("article h2").length,
        at: performance.now(),
      };
    });
  });
  await page.goto(`${proxyOrigin}/lessons/batch-size-lab/`, { waitUntil: "load" });
  const firstFrame = await page.waitForFunction(() => (window as unknown as { firstFrame?: object }).firstFrame).then((handle) => handle.jsonValue());
  const headings = await page.locator("article h2").count();
  expect(firstFrame).toMatchObject({ footer: true, headings });
  // The frame came after the pause, not before it with half the page.
  expect((firstFrame as { at: number }).at).toBeGreaterThan(PAUSE_MS);
  // The site footer is what the page waits for (BaseLayout's <link rel="expect">): one per page, after the content.
  await expect(page.locator("body > footer#site-footer")).toHaveCount(1);
  await expect(page.locator("#site-footer ~ *:not(script)")).toHaveCount(0);
});
