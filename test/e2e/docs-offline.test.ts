// /docs in headless Chromium with the network cut off at the page: the API reference renders its
// operations from this server alone, and no request tries to leave the machine.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";

const CHROMIUM = process.env.PENAXTRA_CHROMIUM ?? "/usr/bin/chromium";
const ARTEFACTS = fileURLToPath(new URL("../../test-artefacts/", import.meta.url));
let ctx: TestContext;
let browser: Browser;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await ctx.cleanup();
});

it("renders the operations list offline, with no AI or deploy buttons and no request off the machine", async () => {
  const base = await ctx.listen();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requested: string[] = [];
  const leaving: string[] = [];
  // Offline: anything not for this server is refused before it goes out.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url.startsWith(base) || url.startsWith("data:")) return route.continue();
    leaving.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
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
