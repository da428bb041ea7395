// The SDK outside Node: bundled for a neutral platform (no Node built-ins may sneak in), then run
// under Bun and Deno against a local API double: a call with retries and the API key, a typed
// error, and webhook verification with Web Crypto.
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
let work: string;
let baseUrl: string;
let calls = 0;
const api = createServer((request, response) => {
  calls++;
  response.setHeader("content-type", "application/json");
  if (request.headers.authorization !== "Bearer pxt_runtime")
    return response.writeHead(401).end(JSON.stringify({ error: "invalid_token" }));
  // The first call of each pair fails: the SDK must retry it.
  if (request.url === "/api/v2/probes" && calls % 2 === 1)
    return response.writeHead(503).end(JSON.stringify({ error: "unavailable" }));
  if (request.url === "/api/v2/probes") return response.end(JSON.stringify({ data: [{ id: "probe-1" }] }));
  response.writeHead(404).end(JSON.stringify({ error: "scan_not_found" }));
});

const secret = "whsec_runtime";
const body = JSON.stringify({ id: "d1", type: "scan.completed", created_at: "2026-11-23T00:00:00.000Z", data: {} });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "penaxtra-runtimes-"));
  // The esbuild the SDK's own build (tsup) uses.
  const fromTsup = createRequire(createRequire(join(root, "packages/sdk/package.json")).resolve("tsup"));
  const esbuild = fromTsup("esbuild") as { build(options: Record<string, unknown>): Promise<unknown> };
  await esbuild.build({
    entryPoints: [join(root, "packages/sdk/src/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: join(work, "sdk.mjs"),
    logLevel: "silent",
  });
  await new Promise<void>((done) => api.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  const t = Math.floor(Date.now() / 1000);
  const signature = `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
  await writeFile(
    join(work, "check.mjs"),
    `import { Penaxtra, NotFoundError, webhooks } from "./sdk.mjs";
const penaxtra = new Penaxtra({ apiKey: "pxt_runtime", baseUrl: ${JSON.stringify(baseUrl)}, baseDelayMs: 1 });
const probes = await penaxtra.probes.list();
const missing = await penaxtra.scans.get("00000000-0000-4000-8000-000000000000").catch((error) => error);
const event = await webhooks.verify(${JSON.stringify(body)}, ${JSON.stringify(signature)}, ${JSON.stringify(secret)});
const forged = await webhooks.verify(${JSON.stringify(body)}, ${JSON.stringify(signature)}, "whsec_other").then(() => "accepted", (error) => error.code);
console.log(JSON.stringify({ probes: probes.data.map((probe) => probe.id), missing: [missing instanceof NotFoundError, missing.code], event: event.id, forged }));
`,
  );
}, 60_000);
afterAll(() => api.close());

it.each([
  ["bun", ["run"]],
  ["deno", ["run", "--allow-net", "--allow-read", "--allow-env"]],
])(
  "works under %s",
  async (runtime, args) => {
    const { stdout } = await run(join(root, "test/node_modules/.bin", runtime), [...args, join(work, "check.mjs")], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({
      probes: ["probe-1"],
      missing: [true, "scan_not_found"],
      event: "d1",
      forged: "webhook_verification_failed",
    });
  },
  60_000,
);
