// Drive scans through the API as a user does: register an endpoint, start a scan, poll it.

import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { probes } from "@penaxtra/engine";
import type { TestContext } from "@penaxtra/server/testing";
import { expect } from "vitest";

/** How many attempts a scan of these probes plans: one per payload variant. */
export const variantsOf = (ids: readonly string[]) =>
  ids.reduce((sum, id) => sum + probes.find((probe) => probe.id === id)!.variants.length, 0);

/** Every planned attempt of the scan recorded, and none twice (a retried or restarted batch sends only what is missing). */
export async function expectEachAttemptOnce(ctx: TestContext, scanId: string, ids: readonly string[]): Promise<void> {
  const [counts] = await ctx.pg`
    select count(*)::int as attempts, count(distinct (probe_id, variant_index))::int as distinct_attempts
    from scan_attempts where scan_id = ${scanId}`;
  expect(counts).toEqual({ attempts: variantsOf(ids), distinct_attempts: variantsOf(ids) });
}

export interface ScanView {
  id: string;
  status: string;
  error: string | null;
  attempts_total: number;
  attempts_done: number;
  attempts_errored: number;
  findings_count: number;
  started_at: string | null;
  completed_at: string | null;
  strategies?: string[];
  adaptive?: { attempts_per_probe: number; max_tokens?: number; seed: number } | null;
}

export async function createEndpoint(
  ctx: TestContext,
  token: string,
  url: string,
  limits: Record<string, number> = {},
): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
    token,
    body: {
      name: "target",
      url,
      wire_format: "chat_completions_v1",
      model: "sim",
      limits: { concurrency: 8, requests_per_minute: 6000, timeout_ms: 5000, max_retries: 0, ...limits },
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()).id;
}

export async function createScan(
  ctx: TestContext,
  token: string,
  endpointId: string,
  probeIds?: string[],
  options: { strategies?: string[]; adaptive?: { attempts_per_probe: number; seed?: number } } = {},
): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
    token,
    body: { endpoint_id: endpointId, ...(probeIds ? { probe_ids: probeIds } : {}), ...options },
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()).scan_id;
}

const FINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls GET /scans/{id} until it ends (or `until` holds), reporting every status it sees. */
export async function waitForScan(
  ctx: TestContext,
  token: string,
  scanId: string,
  onStatus?: (status: string) => void,
  until: (scan: ScanView) => boolean = (scan) => FINAL.has(scan.status),
  timeoutMs = 60_000,
): Promise<ScanView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}`, { token });
    const scan = (await response.json()) as ScanView;
    onStatus?.(scan.status);
    if (until(scan)) return scan;
    if (Date.now() > deadline)
      throw new Error(
        `scan ${scanId} still ${scan.status} (${scan.attempts_done}/${scan.attempts_total}) after ${timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The one row a query returns, e.g. `const { n } = await firstRow(sql\`select count(*)::int as n ...\`)`. */
export async function firstRow(rows: PromiseLike<ReadonlyArray<Record<string, any>>>): Promise<Record<string, any>> {
  const [row] = await rows;
  if (!row) throw new Error("query returned no row");
  return row;
}

const cli = fileURLToPath(new URL("../../packages/server/bin/penaxtra.js", import.meta.url));

/** A `penaxtra worker` process of its own on the database, as a second machine would run one; `exited` settles when it ends. */
export function spawnWorkerProcess(settings: {
  databaseUrl: string;
  dataDir: string;
  heartbeatMs: number;
  staleAfterMs: number;
  batchSize: number;
}): { child: ChildProcess; exited: Promise<unknown> } {
  const child = spawn(process.execPath, [cli, "worker"], {
    env: {
      ...process.env,
      DATABASE_URL: settings.databaseUrl,
      PENAXTRA_DATA_DIR: settings.dataDir,
      PENAXTRA_ALLOW_PRIVATE_TARGETS: "true",
      PENAXTRA_WORKER_HEARTBEAT_MS: String(settings.heartbeatMs),
      PENAXTRA_WORKER_STALE_AFTER_MS: String(settings.staleAfterMs),
      PENAXTRA_SCAN_BATCH_SIZE: String(settings.batchSize),
      LOG_LEVEL: "error",
    },
    stdio: "ignore",
  });
  return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}
