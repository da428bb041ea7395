// Idempotency-Key on creates: a repeat gets the first answer, not a second scan or run.
import { Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, seedTenant, startChatTarget, startCountingTarget } from "../support/fixtures.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

const createScan = (
  key: string | undefined,
  options: { token?: string; app?: TestContext["app"]; endpointId?: string } = {},
) =>
  ctx.request(options.app ?? ctx.app, "POST", "/api/v2/scans", {
    token: options.token ?? a.token,
    body: { endpoint_id: options.endpointId ?? a.endpointId },
    headers: key ? { "idempotency-key": key } : {},
  });
const scansOfEndpoint = async (endpointId: string) =>
  (await ctx.pg`select count(*)::int as n from scans where endpoint_id = ${endpointId}`)[0]!.n as number;

describe("Idempotency-Key", () => {
  it("answers a repeat with the first answer and creates one scan", async () => {
    const before = await scansOfEndpoint(a.endpointId);
    const first = await createScan("nightly-1");
    const again = await createScan("nightly-1");
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await again.json()).toEqual(await first.json());
    expect(await scansOfEndpoint(a.endpointId)).toBe(before + 1);
  });

  it("scopes keys to the tenant", async () => {
    const b = await seedTenant(ctx, target.url);
    const mine = await (await createScan("shared-key")).json();
    const theirs = await (await createScan("shared-key", { token: b.token, endpointId: b.endpointId })).json();
    expect(theirs.scan_id).not.toBe(mine.scan_id);
  });

  it("keeps no failure: after a failed enqueue the same key runs again", async () => {
    const queueDown = async () => Promise.reject(new Error("queue down"));
    const failing = ctx.makeApp({ queue: { enqueue: queueDown, enqueueAll: queueDown } });
    const failed = await createScan("after-outage", { app: failing });
    expect(failed.status).toBe(502);
    const retried = await createScan("after-outage");
    expect(retried.status).toBe(202);
    expect((await retried.json()).scan_id).not.toBe((await failed.json()).scan_id);
  });

  it("takes over a key whose first request never finished", async () => {
    await ctx.pg`insert into idempotency_keys (tenant_id, operation, key, request_hash, created_at)
                  values (${a.tenantId}, 'createScan', 'abandoned', 'x', now() - interval '2 minutes')`;
    expect((await createScan("abandoned")).status).toBe(202);
  });

  it("refuses a key that is not 1 to 200 printable characters", async () => {
    const response = await createScan("x".repeat(201));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_header");
  });

  it("lets the SDK retry a create whose answer was lost without creating twice", async () => {
    const before = await scansOfEndpoint(a.endpointId);
    let calls = 0;
    const penaxtra = new Penaxtra({
      baseUrl: "http://penaxtra.local",
      apiKey: a.token,
      sleep: async () => {},
      // The first answer is lost on the way back, after the server acted on the request.
      fetch: async (request) => {
        const response = await ctx.app.fetch(request);
        if (++calls === 1) throw new TypeError("socket hang up");
        return response;
      },
    });
    const accepted = await penaxtra.scans.create({ endpoint_id: a.endpointId });
    expect(calls).toBe(2);
    expect(await scansOfEndpoint(a.endpointId)).toBe(before + 1);
    expect((await penaxtra.scans.get(accepted.scan_id)).id).toBe(accepted.scan_id);
  });
});

describe("Idempotency-Key on every POST, through the SDK", () => {
  // The first attempt reaches the server, which creates; its answer is lost on the way back. The
  // SDK retries with the same key and must get the first answer, not a second record.
  async function losingFirstAnswer() {
    const baseUrl = await ctx.listen();
    let attempts = 0;
    const penaxtra = new Penaxtra({
      baseUrl,
      apiKey: a.token,
      maxRetries: 2,
      fetch: async (request) => {
        const response = await globalThis.fetch(request);
        if (++attempts === 1) {
          await response.arrayBuffer();
          throw new TypeError("fetch failed: connection reset");
        }
        return response;
      },
    });
    return { penaxtra, attempts: () => attempts };
  }
  const count = async (table: string, where = "true") =>
    (await ctx.pg.unsafe(`select count(*)::int as n from ${table} where tenant_id = $1 and ${where}`, [a.tenantId]))[0]!
      .n as number;

  it.each([
    [
      "endpoints.create",
      "endpoints",
      (p: Penaxtra) =>
        p.endpoints.create({
          name: "retried",
          url: target.url,
          wire_format: "chat_completions_v1",
          limits: { concurrency: 1, requests_per_minute: 60 },
        }),
    ],
    [
      "aiAssets.create",
      "ai_assets",
      (p: Penaxtra) =>
        p.aiAssets.create({
          name: "retried",
          kind: "rag",
          config: { ingest_url: `${target.url}/i`, query_url: `${target.url}/q`, delete_url: `${target.url}/d` },
        }),
    ],
    ["reports.create", "reports", (p: Penaxtra) => p.reports.create({ frameworks: ["OWASP_LLM"], title: "retried" })],
  ] as const)("%s creates one record when the first answer is lost", async (_name, table, create) => {
    const { penaxtra, attempts } = await losingFirstAnswer();
    const before = await count(table);
    const created = (await create(penaxtra)) as { id: string };
    expect(attempts()).toBe(2);
    expect(await count(table)).toBe(before + 1);
    expect(created.id).toEqual(expect.any(String));
  });

  it("replays a webhook's answer with its secret, which is stored sealed", async () => {
    const body = { url: `${target.url}/hook-2`, events: ["scan.completed"] };
    const first = await ctx.request(ctx.app, "POST", "/api/v2/webhooks", {
      token: a.token,
      body,
      headers: { "idempotency-key": "hook-2" },
    });
    const again = await ctx.request(ctx.app, "POST", "/api/v2/webhooks", {
      token: a.token,
      body,
      headers: { "idempotency-key": "hook-2" },
    });
    const firstBody = await first.json();
    expect(await again.json()).toEqual(firstBody);
    const [stored] = await ctx.pg`select response_body::text as body from idempotency_keys where key = 'hook-2'`;
    expect(stored!.body).not.toContain(firstBody.secret);
  });

  it("replays an endpoint test's answer instead of sending a second test prompt", async () => {
    const counting = await startCountingTarget();
    const endpoint = await (
      await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
        token: a.token,
        body: {
          name: "counted",
          url: counting.url,
          wire_format: "chat_completions_v1",
          limits: { concurrency: 1, requests_per_minute: 60 },
        },
      })
    ).json();
    const run = () =>
      ctx.request(ctx.app, "POST", `/api/v2/endpoints/${endpoint.id}/test`, {
        token: a.token,
        headers: { "idempotency-key": "test-once" },
      });
    expect((await run()).status).toBe(200);
    const again = await run();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(counting.requests).toBe(1);
    await counting.close();
  });
});
