import { createTestContext, hashToken, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, seedTenant, startChatTarget } from "../support/fixtures.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"), {
    rateLimit: { perMinute: 60, burst: 120 },
    scanCreatesPerMinute: 6,
    ragRunsPerHour: 6,
  });
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

describe("per-token bucket: 60/min sustained, 120 burst, shared by every server process", () => {
  it("allows a burst of 120 across two processes, then answers 429 with Retry-After", async () => {
    const token = await ctx.token(a.tenantId);
    const processes = [ctx.app, ctx.makeApp()];
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++)
      statuses.push((await ctx.request(processes[i % 2]!, "GET", "/api/v2/probes", { token })).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await ctx.request(processes[0]!, "GET", "/api/v2/probes", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await limited.json()).toEqual({ error: "rate_limited", retry_after_seconds: 1 });
  });

  it("reports X-RateLimit headers on every guarded answer", async () => {
    const token = await ctx.token(a.tenantId);
    const response = await ctx.request(ctx.app, "GET", "/api/v2/scans", { token });
    expect(response.headers.get("x-ratelimit-limit")).toBe("60");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("119");
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(1);
  });

  it("refills at one token per second", async () => {
    const token = await ctx.token(a.tenantId);
    const [row] = await ctx.pg`select id from api_tokens where token_hash = encode(sha256(${token}::bytea), 'hex')`;
    await ctx.pg`insert into rate_limit_buckets (key, tokens, updated_at) values (${`token:${row!.id}`}, 0, now() - interval '2.5 seconds')`;
    const response = await ctx.request(ctx.app, "GET", "/api/v2/probes", { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("1");
  });
});

describe("POST /scans: 6 per minute per tenant", () => {
  it("the seventh scan in a minute is refused, whichever token and process asks", async () => {
    const tokens = [a.token, await ctx.token(a.tenantId)];
    const apps = [ctx.app, ctx.makeApp()];
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await ctx.request(apps[i % 2]!, "POST", "/api/v2/scans", {
            token: tokens[i % 2],
            body: { endpoint_id: a.endpointId },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429]);
    // Six in any 60 seconds: the next one fits only when the first leaves the window (a bucket
    // refilling six a minute would answer 10 s, and let a ninth through within 34 s).
    const limited = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: a.token,
      body: { endpoint_id: a.endpointId },
    });
    expect(limited.status).toBe(429);
    expect(Number((await limited.json()).retry_after_seconds)).toBeGreaterThan(50);
    const other = await seedTenant(ctx, target.url);
    const otherTenant = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: other.token,
      body: { endpoint_id: other.endpointId },
    });
    expect(otherTenant.status).toBe(202);
  });
});

describe("POST /rag-runs: 6 per hour per asset", () => {
  it("the seventh run of one asset is refused; another asset still runs", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", { token: a.token, body: { ai_asset_id: a.aiAssetId } }))
          .status,
      );
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429]);
    const limited = await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", {
      token: a.token,
      body: { ai_asset_id: a.aiAssetId },
    });
    // Six in any hour: the next one fits when the first run leaves the window, not in 10 minutes.
    expect(Number((await limited.json()).retry_after_seconds)).toBeGreaterThan(3500);
    const other = await seedTenant(ctx, target.url);
    const asset = await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", {
      token: other.token,
      body: { ai_asset_id: other.aiAssetId },
    });
    expect(asset.status).toBe(202);
  });
});

describe("1 MiB body cap", () => {
  it("refuses a chunked body with no Content-Length as soon as it passes 1 MiB", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: only a cap enforced while reading can answer at all.
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await ctx.app.request("/api/v2/endpoints", {
      method: "POST",
      headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "payload_too_large", limit_bytes: 1048576 });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const response = await ctx.request(ctx.app, "POST", "/api/v2/endpoints", {
      token: a.token,
      body: "{}",
      headers: { "content-length": String(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});

describe("token usage", () => {
  it("records when a token was last used", async () => {
    const token = await ctx.token(a.tenantId);
    const hash = hashToken(token);
    const [before] = await ctx.pg`select last_used_at from api_tokens where token_hash = ${hash}`;
    expect(before!.last_used_at).toBeNull();
    await ctx.request(ctx.app, "GET", "/api/v2/probes", { token });
    const [after] = await ctx.pg`select last_used_at from api_tokens where token_hash = ${hash}`;
    expect(Date.now() - new Date(after!.last_used_at).getTime()).toBeLessThan(60_000);
  });
});

describe("failed authentication: limited per client address, audited in bounded form", () => {
  it("answers 429 once an address has failed its allowance, and a valid token still works", async () => {
    const app = ctx.makeApp({ config: { ...ctx.config, authFailuresPerMinute: 5 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await ctx.request(app, "GET", "/api/v2/scans", { token: `pxt_guess_${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await ctx.request(app, "GET", "/api/v2/scans", {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await ctx.request(app, "GET", "/api/v2/probes", { token: a.token })).status).toBe(200);
  });

  it("writes a bounded sample of audit rows for a flood without a valid token", async () => {
    const app = ctx.makeApp({ config: { ...ctx.config, authFailuresPerMinute: 1_000_000 } });
    const [{ before }] = await ctx.pg<[{ before: number }]>`
      select count(*)::int as before from audit_events where token_id is null and status = 401`;
    const started = Date.now();
    for (let i = 0; i < 300; i++) await ctx.request(app, "GET", "/api/v2/scans", { token: "pxt_flood" });
    const seconds = Math.ceil((Date.now() - started) / 1000);
    const [{ after }] = await ctx.pg<[{ after: number }]>`
      select count(*)::int as after from audit_events where token_id is null and status = 401`;
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThanOrEqual(60 + seconds);
  });
});
