// The SDK in a browser: the neutral-platform bundle loaded by a page in headless Chromium, calling
// an API double on the page's own origin (a call with a retry and the API key, a typed error, and
// webhook verification with the browser's Web Crypto), and the refusal to hold an API key in a
// page unless the caller says it may.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CHROMIUM = process.env.PENAXTRA_CHROMIUM ?? "/usr/bin/chromium";
const secret = "whsec_browser";
const body = JSON.stringify({ id: "d1", type: "scan.completed", created_at: "2026-11-23T00:00:00.000Z", data: {} });
let bundle = "";
let probeCalls = 0;
let origin: string;
let browser: Browser;

const page = (signature: string) => `<!doctype html><script type="module">
import { Penaxtra, NotFoundError, webhooks } from "/sdk.mjs";
let refused = "constructed";
try { new Penaxtra({ apiKey: "pxt_browser", baseUrl: location.origin }); } catch (error) { refused = error.message; }
const penaxtra = new Penaxtra({ apiKey: "pxt_browser", baseUrl: location.origin, baseDelayMs: 1, dangerouslyAllowBrowser: true });
const probes = await penaxtra.probes.list();
const missing = await penaxtra.scans.get("00000000-0000-4000-8000-000000000000").catch((error) => error);
const event = await webhooks.verify(${JSON.stringify(body)}, ${JSON.stringify(signature)}, ${JSON.stringify(secret)});
const forged = await webhooks.verify(${JSON.stringify(body)}, ${JSON.stringify(signature)}, "whsec_other").then(() => "accepted", (error) => error.code);
window.result = { refused, probes: probes.data.map((probe) => probe.id), missing: [missing instanceof NotFoundError, missing.code], event: event.id, forged };
</script>`;

const server = createServer((request, response) => {
  if (request.url === "/") {
    const t = Math.floor(Date.now() / 1000);
    return response
      .writeHead(200, { "content-type": "text/html" })
      .end(page(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`));
  }
  if (request.url === "/sdk.mjs") return response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
  response.setHeader("content-type", "application/json");
  if (request.headers.authorization !== "Bearer pxt_browser")
    return response.writeHead(401).end(JSON.stringify({ error: "invalid_token" }));
  if (request.url === "/api/v2/probes")
    return ++probeCalls === 1
      ? response.writeHead(503).end(JSON.stringify({ error: "unavailable" }))
      : response.end(JSON.stringify({ data: [{ id: "probe-1" }] }));
  response.writeHead(404).end(JSON.stringify({ error: "scan_not_found" }));
});

beforeAll(async () => {
  const fromTsup = createRequire(createRequire(join(root, "packages/sdk/package.json")).resolve("tsup"));
  const esbuild = fromTsup("esbuild") as {
    build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }>;
  };
  bundle = (
    await esbuild.build({
      entryPoints: [join(root, "packages/sdk/src/index.ts")],
      bundle: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    })
  ).outputFiles[0]!.text;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  server.close();
});

it("works in Chromium", async () => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  await tab.goto(origin);
  await tab
    .waitForFunction(() => "result" in window || document.title === "failed", undefined, { timeout: 20_000 })
    .catch(() => {});
  expect(errors).toEqual([]);
  expect(await tab.evaluate(() => (window as unknown as { result: unknown }).result)).toEqual({
    refused: expect.stringContaining("pass dangerouslyAllowBrowser: true"),
    probes: ["probe-1"],
    missing: [true, "scan_not_found"],
    event: "d1",
    forged: "webhook_verification_failed",
  });
}, 60_000);
