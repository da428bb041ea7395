// Every status code openapi.yaml documents is produced by the real server on a real database,
// and the body matches the documented error shape.

import type { App } from "@penaxtra/server";
import { type Connection, connect, createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deadAttackerConfig, startFakeAttacker } from "../support/fake-attacker.ts";
import {
  concretePath,
  type Fixtures,
  randomUuid,
  seedTenant,
  startChatTarget,
  validBodyFor,
} from "../support/fixtures.ts";
import { type SpecOperation, spec, specOperations } from "../support/spec.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
let limitedApp: App;
let failingQueueApp: App;
let databaseDownApp: App;
let databaseDown: Connection;
let attacker: Awaited<ReturnType<typeof startFakeAttacker>>;
let attackerDownApp: App;

beforeAll(async () => {
  // With an attacker model, so that drafting probes from a policy can succeed.
  attacker = await startFakeAttacker();
  ctx = await createTestContext(inject("adminDatabaseUrl"), { attacker: attacker.config });
  target = await startChatTarget();
  attackerDownApp = ctx.makeApp({ config: { ...ctx.config, attacker: deadAttackerConfig } });
  a = await seedTenant(ctx, target.url);
  limitedApp = ctx.makeApp({ config: { ...ctx.config, rateLimit: { perMinute: 1, burst: 1 } } });
  const queueDown = async () => Promise.reject(new Error("queue down"));
  failingQueueApp = ctx.makeApp({ queue: { enqueue: queueDown, enqueueAll: queueDown } });
  // Nothing listens on port 1: every query is refused, as during an outage.
  databaseDown = connect("postgres://nobody:x@127.0.0.1:1/none", { max: 1 });
  databaseDownApp = ctx.makeApp({ pg: databaseDown.pg, db: databaseDown.db });
});
afterAll(async () => {
  await databaseDown.close();
  await target.close();
  await ctx.cleanup();
  attacker.close();
});

type Case = (op: SpecOperation) => Promise<{ response: Response; expectBody?: (body: any) => void }>;
const send = (
  op: SpecOperation,
  options: { app?: App; token?: string; path?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  ctx.request(options.app ?? ctx.app, op.method.toUpperCase(), options.path ?? concretePath(op.path, a), {
    token: options.token ?? a.token,
    body: "body" in options ? options.body : validBodyFor(op.operationId, a, target.url),
    headers: options.headers,
  });

async function freshEndpoint() {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
    token: a.token,
    body: validBodyFor("createEndpoint", a, target.url),
  });
  return (await response.json()).id as string;
}
async function freshProbe() {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/probes", {
    token: a.token,
    body: validBodyFor("createProbe", a, target.url),
  });
  return (await response.json()).id as string;
}
async function freshWebhook() {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/webhooks", {
    token: a.token,
    body: validBodyFor("createWebhook", a, target.url),
  });
  return (await response.json()).id as string;
}
async function freshAsset() {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
    token: a.token,
    body: validBodyFor("createAiAsset", a, target.url),
  });
  return (await response.json()).id as string;
}

const success: Case = async (op) => {
  if (op.operationId === "deleteEndpoint")
    return { response: await send(op, { path: concretePath(op.path, a, await freshEndpoint()) }) };
  if (op.operationId === "deleteAiAsset")
    return { response: await send(op, { path: concretePath(op.path, a, await freshAsset()) }) };
  if (op.operationId === "deleteProbe")
    return { response: await send(op, { path: concretePath(op.path, a, await freshProbe()) }) };
  if (op.operationId === "deleteWebhook")
    return { response: await send(op, { path: concretePath(op.path, a, await freshWebhook()) }) };
  if (op.operationId === "exportScan")
    return { response: await send(op, { path: `${concretePath(op.path, a)}?format=junit` }) };
  return { response: await send(op) };
};

const generic: Record<string, Case> = {
  "401": async (op) => ({
    response: await send(op, { token: "pxt_not-a-real-token" }),
    expectBody: (body) => expect(body).toEqual({ error: "invalid_token" }),
  }),
  "403": async (op) => ({
    response: await send(op, {
      token: await ctx.token(a.tenantId, [op.scope === "audit:read" ? "scans:read" : "audit:read"]),
    }),
    expectBody: (body) => expect(body).toEqual({ error: "missing_scope", required_scope: op.scope }),
  }),
  "404": async (op) => ({
    response: await send(op, {
      path: op.path.includes("{id}")
        ? concretePath(op.path, a, randomUuid())
        : op.path.includes("{probe_id}")
          ? concretePath(op.path, a, "no-such-probe")
          : undefined,
      body:
        op.operationId === "createScan"
          ? { endpoint_id: randomUuid() }
          : op.operationId === "createRagRun"
            ? { ai_asset_id: randomUuid() }
            : validBodyFor(op.operationId, a, target.url),
    }),
    expectBody: (body) => expect(body.error).toMatch(/not_found/),
  }),
  "413": async (op) => ({
    response: await send(op, { body: JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) }) }),
    expectBody: (body) => expect(body).toEqual({ error: "payload_too_large", limit_bytes: 1048576 }),
  }),
  "429": async (op) => {
    const token = await ctx.token(a.tenantId);
    // The bucket is per token across routes: a harmless call empties it.
    await ctx.request(limitedApp, "GET", "/api/v2/probes", { token });
    const response = await send(op, { app: limitedApp, token });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    return {
      response,
      expectBody: (body) =>
        expect(body).toEqual({
          error: "rate_limited",
          retry_after_seconds: Number(response.headers.get("retry-after")),
        }),
    };
  },
  "503": async (op) => {
    const response = await send(op, { app: databaseDownApp });
    return {
      response,
      expectBody: (body) => {
        expect(body).toEqual({ error: "database_unavailable", retry_after_seconds: 5 });
        expect(response.headers.get("retry-after")).toBe("5");
      },
    };
  },
  "502": async (op) =>
    op.operationId === "generateProbes"
      ? {
          response: await send(op, { app: attackerDownApp }),
          expectBody: (body) =>
            expect(body).toEqual({
              error: "attacker_failed",
              message:
                "the attacker model could not be reached or answered with an error; the server's log has the details",
            }),
        }
      : {
          response: await send(op, { app: failingQueueApp }),
          expectBody: (body) =>
            expect(body).toEqual(
              op.operationId === "createScan"
                ? { error: "enqueue_failed", scan_id: expect.any(String) }
                : { error: "enqueue_failed", rag_run_id: expect.any(String) },
            ),
        },
  "409": async (op) => {
    if (op.operationId === "cancelScan") {
      return {
        response: await send(op, { path: concretePath(op.path, a, a.completedScanId) }),
        expectBody: (body) => expect(body).toEqual({ error: "scan_not_cancellable", status: "completed" }),
      };
    }
    // A first request with this key that has not finished yet.
    const key = `in-progress-${crypto.randomUUID()}`;
    const operation = `${op.operationId} ${concretePath(op.path, a)}`;
    await ctx.pg`insert into idempotency_keys (tenant_id, operation, key, request_hash) values (${a.tenantId}, ${operation}, ${key}, 'x')`;
    return {
      response: await send(op, { headers: { "idempotency-key": key } }),
      expectBody: (body) => expect(body).toEqual({ error: "idempotency_key_in_use" }),
    };
  },
  "422": async (op) => {
    const key = `reused-${crypto.randomUUID()}`;
    // A scan of its own to cancel: the shared one may be cancelled already.
    const path =
      op.operationId === "cancelScan"
        ? concretePath(
            op.path,
            a,
            (
              await (
                await ctx.request(ctx.app, "POST", "/api/v2/scans", {
                  token: a.token,
                  body: { endpoint_id: a.endpointId },
                })
              ).json()
            ).scan_id,
          )
        : undefined;
    const first = await send(op, { headers: { "idempotency-key": key }, ...(path ? { path } : {}) });
    expect(first.ok, await first.clone().text()).toBe(true);
    const otherBody =
      op.operationId === "createScan"
        ? { endpoint_id: a.endpointId, probe_ids: ["agency-funds-transfer"] }
        : op.operationId === "createRagRun"
          ? { ai_asset_id: randomUuid() }
          : { ...((validBodyFor(op.operationId, a, target.url) as object | undefined) ?? {}), name: "another body" };
    return {
      response: await send(op, { headers: { "idempotency-key": key }, body: otherBody, ...(path ? { path } : {}) }),
      expectBody: (body) => expect(body).toEqual({ error: "idempotency_key_reused" }),
    };
  },
  "400": async (op) => {
    if (op.path.includes("{probe_id}"))
      return {
        response: await send(op, { path: concretePath(op.path, a, "Not_A_Probe") }),
        expectBody: (body) => expect(body.error).toBe("invalid_id"),
      };
    if (op.path.includes("{id}")) {
      return {
        response: await send(op, { path: op.path.replace("{id}", "not-a-uuid") }),
        expectBody: (body) => expect(body.error).toBe("invalid_id"),
      };
    }
    if (op.method === "get")
      return {
        response: await send(op, { path: `${op.path}?limit=0` }),
        expectBody: (body) => expect(body.error).toBe("invalid_query"),
      };
    return {
      response: await send(op, { body: "{not json" }),
      expectBody: (body) => expect(body.error).toBe("invalid_json"),
    };
  },
};

const cases = specOperations.flatMap((op) =>
  op.statuses.map((status) => ({
    name: `${op.operationId} ${status}`,
    op,
    status,
    run: status.startsWith("2") ? success : generic[status],
  })),
);

describe("every documented status code", () => {
  it("has a case in this table", () => {
    expect(cases.filter((entry) => !entry.run).map((entry) => entry.name)).toEqual([]);
  });

  it.each(cases.map((entry) => [entry.name, entry] as const))("%s", async (_name, entry) => {
    const { response, expectBody } = await entry.run!(entry.op);
    const text = await response.text();
    expect(response.status, text).toBe(Number(entry.status));
    if (response.status === 204) return expect(text).toBe("");
    // A file export (SARIF, JUnit) is not an API object; errors always are JSON.
    if (response.status < 300 && !response.headers.get("content-type")?.includes("application/json")) return;
    const body = JSON.parse(text);
    // Every slug the server answers is one openapi.yaml's ErrorSlug lists.
    if (response.status >= 400) expect(spec.components.schemas.ErrorSlug.enum).toContain(body.error);
    expectBody?.(body);
  });
});

describe("specific validation slugs", () => {
  const post = (body: unknown) => ctx.request(ctx.app, "POST", "/api/v2/scans", { token: a.token, body });
  it.each([
    [{ endpoint_id: "x" }, "invalid_endpoint_id"],
    [{}, "invalid_endpoint_id"],
    [{ endpoint_id: randomUuid(), probe_ids: ["Bad Slug"] }, "invalid_probe_ids"],
    [
      { endpoint_id: randomUuid(), probe_ids: Array.from({ length: 101 }, (_, i) => `probe-${i}`) },
      "too_many_probe_ids",
    ],
    [{ endpoint_id: randomUuid(), extra: 1 }, "invalid_request"],
  ])("POST /scans %j answers 400 %s", async (body, slug) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(slug);
  });

  it("unknown probe ids are named", async () => {
    const response = await post({ endpoint_id: a.endpointId, probe_ids: ["no-such-probe"] });
    expect(await response.json()).toMatchObject({ error: "invalid_probe_ids", unknown_probe_ids: ["no-such-probe"] });
  });

  it("a scan answers 202 with the documented shape and is addressable", async () => {
    const response = await post({ endpoint_id: a.endpointId, probe_ids: ["prompt-injection-basic"] });
    const body = await response.json();
    expect(body).toEqual({
      accepted: true,
      scan_id: expect.any(String),
      endpoint_id: a.endpointId,
      probe_count: 1,
      poll: `/api/v2/scans/${body.scan_id}`,
    });
    const all = await (await post({ endpoint_id: a.endpointId })).json();
    expect(all.probe_count).toBeNull();
    const scan = await (await ctx.request(ctx.app, "GET", body.poll, { token: a.token })).json();
    expect(scan).toMatchObject({ id: body.scan_id, status: "queued", probe_ids: ["prompt-injection-basic"] });
  });

  it("accepts the documentation's example probe ids, and runs every probe for an empty array", async () => {
    const documented = await post({
      endpoint_id: a.endpointId,
      probe_ids: ["prompt-injection-basic", "jailbreak-roleplay"],
    });
    expect(documented.status, await documented.clone().text()).toBe(202);
    expect((await documented.json()).probe_count).toBe(2);
    const listed = await (await ctx.request(ctx.app, "GET", "/api/v2/probes?limit=100", { token: a.token })).json();
    const ids = listed.data.map((probe: { id: string }) => probe.id);
    expect(ids).toEqual(expect.arrayContaining(["prompt-injection-basic", "jailbreak-roleplay"]));
    const empty = await post({ endpoint_id: a.endpointId, probe_ids: [] });
    expect(empty.status, await empty.clone().text()).toBe(202);
    const body = await empty.json();
    expect(body.probe_count).toBeNull();
    const scan = await (await ctx.request(ctx.app, "GET", body.poll, { token: a.token })).json();
    expect(scan).toMatchObject({ probe_ids: null, probe_count: null });
  });

  it("a failed enqueue leaves the scan failed and addressable", async () => {
    const response = await ctx.request(failingQueueApp, "POST", "/api/v2/scans", {
      token: a.token,
      body: { endpoint_id: a.endpointId },
    });
    const { scan_id } = await response.json();
    const scan = await (await ctx.request(ctx.app, "GET", `/api/v2/scans/${scan_id}`, { token: a.token })).json();
    expect(scan).toMatchObject({ status: "failed", error: "enqueue_failed" });
    const audit = await (
      await ctx.request(ctx.app, "GET", "/api/v2/audit?action=scan.enqueue_failed", { token: a.token })
    ).json();
    expect(audit.data.map((event: { target_id: string }) => event.target_id)).toContain(scan_id);
  });

  it("a body of the wrong media type is a 400, not a 500", async () => {
    const response = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: a.token,
      body: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_content_type");
  });

  it("expired tokens answer 401 expired_token", async () => {
    const token = await ctx.token(a.tenantId);
    await ctx.pg`update api_tokens set expires_at = now() - interval '1 second' where token_hash = encode(sha256(${token}::bytea), 'hex')`;
    const response = await ctx.request(ctx.app, "GET", "/api/v2/scans", { token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "expired_token" });
  });

  it("revoked tokens answer 401 invalid_token", async () => {
    const token = await ctx.token(a.tenantId);
    await ctx.pg`update api_tokens set revoked_at = now() where token_hash = encode(sha256(${token}::bytea), 'hex')`;
    const response = await ctx.request(ctx.app, "GET", "/api/v2/scans", { token });
    expect(await response.json()).toEqual({ error: "invalid_token" });
  });
});
