import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../../testing/test-context.ts";
import { type Connection, connect } from "../connection.ts";
import { closeScanIfDone } from "./close-scan.ts";

let ctx: TestContext;
// Like the worker's own connections (start-worker.ts): commits do not wait for the WAL flush.
let jobs: Connection;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  jobs = connect(ctx.url, { max: 1, synchronousCommit: false });
});
afterAll(async () => {
  await jobs.close();
  await ctx.cleanup();
});

/** A running scan with `stamped` of its `total` attempts recorded along with their findings. */
async function runningScan(total: number, stamped: number): Promise<{ tenantId: string; scanId: string }> {
  const tenantId = await ctx.createTenant();
  const [endpoint] = await ctx.pg`insert into endpoints (tenant_id, name, url, wire_format, limits, status)
                                   values (${tenantId}, 'e', 'http://127.0.0.1:9/', 'chat_completions_v1', '{}'::jsonb, 'active') returning id`;
  const [scan] =
    await ctx.pg`insert into scans (tenant_id, endpoint_id, status, attempts_total) values (${tenantId}, ${endpoint!.id}, 'running', ${total}) returning id`;
  for (let variant = 0; variant < stamped; variant++) {
    await ctx.pg`insert into scan_attempts (id, tenant_id, scan_id, batch, probe_id, variant_index, canary, prompt, status, completed_at, findings_recorded_at)
                  values (${randomUUID()}, ${tenantId}, ${scan!.id}, 0, 'probe', ${variant}, 'PX', 'p', 'answered', now(), now())`;
  }
  return { tenantId, scanId: scan!.id };
}

/** Runs closeScanIfDone in a transaction and reports how that transaction would commit. */
async function closeAndReadCommitMode({ tenantId, scanId }: { tenantId: string; scanId: string }) {
  return jobs.pg.begin(async (tx) => {
    await closeScanIfDone({ pg: tx as unknown as postgres.Sql }, scanId, tenantId);
    const [{ synchronous_commit: commitMode }] = (await tx`show synchronous_commit`) as unknown as [
      { synchronous_commit: string },
    ];
    const [{ status }] = (await tx`select status from scans where id = ${scanId}`) as unknown as [{ status: string }];
    return { commitMode, status };
  });
}

describe("closeScanIfDone on the worker's connections", () => {
  it("uses connections that commit without waiting for the flush", async () => {
    const [row] = await jobs.pg<Array<{ synchronous_commit: string }>>`show synchronous_commit`;
    expect(row!.synchronous_commit).toBe("off");
  });

  it("commits the close durably: a scan shown as closed stays closed through a Postgres crash", async () => {
    expect(await closeAndReadCommitMode(await runningScan(2, 2))).toEqual({ commitMode: "on", status: "completed" });
  });

  it("leaves a check that closes nothing as it was", async () => {
    expect(await closeAndReadCommitMode(await runningScan(2, 1))).toEqual({ commitMode: "off", status: "running" });
  });
});
