import { test, chromium } from "@playwright/test";
import { writeFileSync } from "node:fs";
test("trace lab load", async ({ page, browser }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await browser.startTracing(page, { path: "/tmp/lab-trace.json", categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading"] });
  await page.goto(process.env.TRACE_PATH ?? "lessons/batch-size-lab/");
  await page.waitForTimeout(5000);
  await browser.stopTracing();
});
