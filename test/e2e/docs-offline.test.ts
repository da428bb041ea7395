// /docs in headless Chromium with the network cut off at the page: the API reference renders its
// operations from this server alone, and no request tries to leave the machine.
import { mkdir } from "node:fs/promises";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ARTEFACTS, launchChromium, offlinePage } from "../support/chromium.ts";

let ctx: TestContext;
let browser: Browser;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await ctx.cleanup();
});

it("renders the operations list offline, with no AI or deploy buttons and no request off the machine", async () => {
  const base = await ctx.listen();
  // Offline: anything not for this server (or a data: URL) is refused before it goes out.
  const { page, requested, leaving, errors } = await offlinePage(browser, base, {
    viewport: { width: 1400, height: 1000 },
    alsoAllow: ["data:"],
  });
  const response = await page.goto(`${base}/docs`);
  expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
  // The first tag's operations are listed open; every tag of the document is in the sidebar.
  await page.getByText("List reports, newest first").first().waitFor({ timeout: 30_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, so hidden buttons do not count.
  const text = await page.locator("body").innerText();
  for (const tag of ["scans", "findings", "endpoints", "rag-runs", "webhooks", "audit"]) expect(text).toContain(tag);
  expect(text).toContain("/api/v2/reports/{id}/download");
  expect(errors).toEqual([]);
  for (const upsell of ["Ask AI", "Deploy", "Generate SDK"]) expect(text).not.toContain(upsell);
  expect(leaving).toEqual([]);
  expect(requested.some((url) => url.endsWith("/api/v2/openapi.json"))).toBe(true);
  await mkdir(ARTEFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTEFACTS}docs.png` });
}, 90_000);
