// Scope matrix and tenant isolation, for every operation in openapi.yaml.

import { createTestContext, SCOPES, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeAttacker } from "../support/fake-attacker.ts";
import { concretePath, type Fixtures, seedTenant, startChatTarget, validBodyFor } from "../support/fixtures.ts";
import { specOperations } from "../support/spec.ts";

let ctx: TestContext;
let a: Fixtures;
let b: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
let attacker: Awaited<ReturnType<typeof startFakeAttacker>>;

beforeAll(async () => {
  attacker = await startFakeAttacker();
  ctx = await createTestContext(inject("adminDatabaseUrl"), { attacker: attacker.config });
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
  b = await seedTenant(ctx, target.url);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
  attacker.close();
});

const guarded = specOperations.filter((op) => !op.public);
const scoped = guarded.filter((op) => op.scope);

describe("scope matrix", () => {
  it.each(scoped.map((op) => [op.operationId, op] as const))(
    "%s answers 403 missing_scope without its scope",
    async (_id, op) => {
      const token = await ctx.token(
        a.tenantId,
        SCOPES.filter((scope) => scope !== op.scope),
      );
      const response = await ctx.request(ctx.app, op.method.toUpperCase(), concretePath(op.path, a), {
        token,
        body: validBodyFor(op.operationId, a, target.url),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "missing_scope", required_scope: op.scope });
    },
  );

  it.each(scoped.map((op) => [op.operationId, op] as const))("%s is allowed with only its scope", async (_id, op) => {
    const token = await ctx.token(a.tenantId, [op.scope as (typeof SCOPES)[number]]);
    const fixtures = op.operationId.startsWith("delete")
      ? await seedTenant(ctx, target.url).then((fresh) => ({ ...fresh, tenantId: a.tenantId }))
      : a;
    const fresh = {
      deleteEndpoint: newEndpoint,
      deleteAiAsset: newAsset,
      deleteWebhook: newWebhook,
      deleteProbe: newProbe,
    }[op.operationId as string];
    const path = fresh ? concretePath(op.path, a, await fresh()) : concretePath(op.path, fixtures);
    const response = await ctx.request(ctx.app, op.method.toUpperCase(), path, {
      token,
      body: validBodyFor(op.operationId, a, target.url),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  });

  it.each(guarded.map((op) => [op.operationId, op] as const))(
    "%s answers 401 missing_token without a token",
    async (_id, op) => {
      const response = await ctx.request(ctx.app, op.method.toUpperCase(), concretePath(op.path, a), {
        body: validBodyFor(op.operationId, a, target.url),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "missing_token" });
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    },
  );
});

async function newEndpoint(): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
    token: a.token,
    body: validBodyFor("createEndpoint", a, target.url),
  });
  return (await response.json()).id;
}
async function newWebhook(): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/webhooks", {
    token: a.token,
    body: validBodyFor("createWebhook", a, target.url),
  });
  return (await response.json()).id;
}
async function newProbe(): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/probes", {
    token: a.token,
    body: validBodyFor("createProbe", a, target.url),
  });
  return (await response.json()).id;
}
async function newAsset(): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
    token: a.token,
    body: validBodyFor("createAiAsset", a, target.url),
  });
  return (await response.json()).id;
}

describe("tenant isolation", () => {
  const byId = guarded.filter((op) => op.path.includes("{id}") || op.path.includes("{probe_id}"));

  it.each(byId.map((op) => [op.operationId, op] as const))(
    "%s answers 404 for another tenant's id, never 403",
    async (_id, op) => {
      const response = await ctx.request(ctx.app, op.method.toUpperCase(), concretePath(op.path, a), {
        token: b.token,
        body: validBodyFor(op.operationId, b, target.url),
      });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/not_found/);
    },
  );

  it("another tenant's ids used as references answer 404", async () => {
    const scan = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: b.token,
      body: { endpoint_id: a.endpointId },
    });
    expect(scan.status).toBe(404);
    expect(await scan.json()).toEqual({ error: "endpoint_not_found_or_inactive" });
    const run = await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", {
      token: b.token,
      body: { ai_asset_id: a.aiAssetId },
    });
    expect(run.status).toBe(404);
    expect(await run.json()).toEqual({ error: "rag_asset_not_found" });
  });

  // The audit log is checked on its own below: B's own api.call rows name the A ids B tried.
  const lists = guarded.filter(
    (op) => op.method === "get" && !op.path.includes("{id}") && op.operationId !== "listAuditEvents",
  );
  it.each(lists.map((op) => [op.operationId, op] as const))("%s never lists another tenant's rows", async (_id, op) => {
    const response = await ctx.request(
      ctx.app,
      "GET",
      `${op.path}?scan_id=${a.scanId}`.replace(
        /\?scan_id=.*/,
        op.operationId === "listFindings" ? `?scan_id=${a.scanId}` : "",
      ),
      { token: b.token },
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const id of [a.endpointId, a.aiAssetId, a.scanId, a.completedScanId, a.findingId, a.ragRunId, a.tenantId])
      expect(text).not.toContain(id);
  });

  it("listAuditEvents never shows another tenant's events", async () => {
    const response = await ctx.request(ctx.app, "GET", "/api/v2/audit?limit=200", { token: b.token });
    const events = (await response.json()).data as Array<{
      action: string;
      target_id: string | null;
      token_id: string | null;
    }>;
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((event) => event.action !== "api.call").map((event) => event.target_id)).not.toContain(
      a.endpointId,
    );
    const own = await ctx.request(ctx.app, "GET", "/api/v2/audit?action=endpoint.created", { token: a.token });
    expect((await own.json()).data.map((event: { target_id: string }) => event.target_id)).toContain(a.endpointId);
  });

  it("the tenant's own lists do show its rows (the isolation checks above can fail)", async () => {
    const response = await ctx.request(ctx.app, "GET", "/api/v2/findings", { token: a.token });
    expect(await response.text()).toContain(a.findingId);
  });
});
