// A domain change and its audit row commit together: with the audit insert failing, every
// mutating operation of openapi.yaml must leave the tenant's records exactly as they were.
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeAttacker } from "../support/fake-attacker.ts";
import { concretePath, type Fixtures, seedTenant, startChatTarget, validBodyFor } from "../support/fixtures.ts";
import { specOperations } from "../support/spec.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
let attacker: Awaited<ReturnType<typeof startFakeAttacker>>;
beforeAll(async () => {
  attacker = await startFakeAttacker();
  ctx = await createTestContext(inject("adminDatabaseUrl"), { attacker: attacker.config });
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
  // This file's own database: only domain events fail, so the request log (api.call) still works.
  await ctx.pg.unsafe(`
    create table audit_failures (enabled boolean not null);
    create function refuse_domain_audit() returns trigger language plpgsql as $$
    begin
      if new.action <> 'api.call' and exists (select 1 from audit_failures where enabled) then
        raise exception 'audit store refused %', new.action;
      end if;
      return new;
    end $$;
    create trigger refuse_domain_audit before insert on audit_events
      for each row execute function refuse_domain_audit();`);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
  attacker.close();
});

const DOMAIN_TABLES = [
  "endpoints",
  "ai_assets",
  "webhooks",
  "reports",
  "scans",
  "rag_runs",
  "findings",
  "custom_probes",
];

async function tenantRecords(): Promise<Record<string, unknown[]>> {
  const records: Record<string, unknown[]> = {};
  for (const table of DOMAIN_TABLES)
    records[table] = (
      await ctx.pg.unsafe(`select to_jsonb(t) as row from ${table} t where tenant_id = $1 order by to_jsonb(t)::text`, [
        a.tenantId,
      ])
    ).map((r) => r.row);
  const jobs = await ctx.pg`select count(*)::int as n from graphile_worker.jobs`;
  records.jobs = [jobs[0]!.n];
  return records;
}

const mutations = specOperations.filter((op) => op.method !== "get" && !op.public);

describe("audit rows commit with the change they record", () => {
  it("covers every mutating operation", () => {
    expect(mutations.map((op) => op.operationId)).toEqual(
      expect.arrayContaining(["createScan", "createRagRun", "cancelScan", "updateFindingStatus", "createEndpoint"]),
    );
  });

  it.each(mutations.map((op) => [op.operationId, op] as const))(
    "%s changes nothing when its audit row cannot be written",
    async (_id, op) => {
      const before = await tenantRecords();
      await ctx.pg`insert into audit_failures values (true)`;
      try {
        const body = validBodyFor(op.operationId, a, target.url);
        const response = await ctx.request(ctx.app, op.method.toUpperCase(), concretePath(op.path, a), {
          token: a.token,
          body,
        });
        // testEndpoint only records; everything else must have failed as a whole.
        if (op.operationId !== "testEndpoint") expect(response.status).toBe(500);
      } finally {
        await ctx.pg`delete from audit_failures`;
      }
      expect(await tenantRecords()).toEqual(before);
    },
  );

  it("still records each change when the audit store works", async () => {
    const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: a.token,
      body: { endpoint_id: a.endpointId },
    });
    expect(response.status).toBe(202);
    const { scan_id } = await response.json();
    const [row] = await ctx.pg`
      select token_id is not null as has_token, request_id is not null as has_request, details
      from audit_events where action = 'scan.started' and target_id = ${scan_id}`;
    expect(row).toEqual({
      has_token: true,
      has_request: true,
      details: { endpoint_id: a.endpointId, probe_count: null },
    });
  });
});
