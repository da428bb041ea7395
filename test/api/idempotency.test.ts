// Idempotency-Key on creates: a repeat gets the first answer, not a second scan or run.
import { Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, seedTenant, startChatTarget } from "../support/fixtures.ts";

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
