// The report PDF of a real scan, rendered by pdf.js in headless Chromium as a reader would see it:
// pages that draw (the severity table in its colours), kept as PNG artefacts to look at.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { defaultScanProbes as probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ARTEFACTS, launchChromium, offlinePage } from "../support/chromium.ts";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

const pdfjs = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "build");
let ctx: TestContext;
let target: TargetSimulator;
let browser: Browser;
let server: Server;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  server?.close();
  await browser?.close();
  await target.stop();
  await ctx.cleanup();
});

const VIEWER = `<!doctype html><body style="margin:0;background:#888">
<script type="module">
import * as pdfjs from "/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
const pdf = await pdfjs.getDocument({ url: "/report.pdf" }).promise;
const pages = [];
for (const number of [1, pdf.numPages]) {
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale: 1.4 });
  const canvas = document.createElement("canvas");
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  canvas.dataset.page = String(number);
  document.body.append(canvas);
  await page.render({ canvas, viewport }).promise;
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0, severityRed = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (r + g + b < 600) ink++;
    if (r > 110 && g < 40 && b < 40) severityRed++;
  }
  pages.push({ number, ink: ink / (pixels.length / 4), severityRed });
}
window.rendered = { numPages: pdf.numPages, pages };
</script></body>`;

it("renders pages that read as a report: ink on every page, the severity table in colour", async () => {
  const token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
  const ids = [...new Map(probes.map((probe) => [probe.category, probe.id])).values()];
  const scanId = await createScan(ctx, token, await createEndpoint(ctx, token, target.chatCompletionsUrl), ids);
  expect((await waitForScan(ctx, token, scanId)).status).toBe("completed");
  const created = await ctx.request(ctx.app, "POST", "/api/v2/reports", {
    token,
    body: {
      title: "Support assistant — quarterly red-team report",
      frameworks: ["OWASP_LLM", "EU_AI_ACT"],
      scope: { scan_ids: [scanId] },
    },
  });
  const report = await created.json();
  const pdf = Buffer.from(
    await (
      await ctx.request(ctx.app, "GET", `/api/v2/reports/${report.id}/download?format=pdf`, { token })
    ).arrayBuffer(),
  );
  await mkdir(ARTEFACTS, { recursive: true });
  await writeFile(`${ARTEFACTS}report.pdf`, pdf);

  const files: Record<string, [string, string | Buffer]> = {
    "/": ["text/html", VIEWER],
    "/pdf.mjs": ["text/javascript", readFileSync(join(pdfjs, "pdf.min.mjs"))],
    "/pdf.worker.mjs": ["text/javascript", readFileSync(join(pdfjs, "pdf.worker.min.mjs"))],
    "/report.pdf": ["application/pdf", pdf],
  };
  server = createServer((request, response) => {
    const file = files[request.url ?? ""];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { page, leaving, errors } = await offlinePage(browser, origin, { viewport: { width: 900, height: 1300 } });
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(origin);

  await page.waitForFunction(() => (window as unknown as { rendered?: unknown }).rendered, null, { timeout: 60_000 });
  const rendered = await page.evaluate(
    () =>
      (
        window as unknown as {
          rendered: { numPages: number; pages: Array<{ number: number; ink: number; severityRed: number }> };
        }
      ).rendered,
  );
  expect(errors).toEqual([]);
  expect(rendered.numPages).toBeGreaterThan(2);
  // Every page draws something; the first, all tables, draws a lot. (The last may hold one finding.)
  for (const shown of rendered.pages) expect(shown.ink, `page ${shown.number}`).toBeGreaterThan(0.001);
  expect(rendered.pages[0]!.ink).toBeGreaterThan(0.02);
  // Page 1 carries the summary table, its CRITICAL cell filled dark red.
  expect(rendered.pages[0]!.severityRed).toBeGreaterThan(500);
  await page.locator('canvas[data-page="1"]').screenshot({ path: `${ARTEFACTS}report-page-1.png` });
  await page
    .locator(`canvas[data-page="${rendered.numPages}"]`)
    .screenshot({ path: `${ARTEFACTS}report-page-last.png` });
  expect(leaving).toEqual([]);
}, 120_000);
