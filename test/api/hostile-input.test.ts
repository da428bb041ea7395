// Input a client should never send, answered as the contract says: 400 with a slug, never a 500,
// and the request still audited.
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

const get = (path: string) => ctx.request(ctx.app, "GET", path, { token: a.token });
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const LISTS = [
  "/api/v2/scans",
  "/api/v2/findings",
  "/api/v2/endpoints",
  "/api/v2/ai-assets",
  "/api/v2/rag-runs",
  "/api/v2/audit",
  "/api/v2/webhooks",
  "/api/v2/reports",
];
const TAMPERED_CURSORS = [
  ["an id that is not one", cursorOf(["2020-01-01T00:00:00Z", "x"])],
  ["a NUL id", cursorOf(["2020-01-01T00:00:00Z", "\u0000"])],
  ["year 0000", cursorOf(["0000-01-01T00:00:00Z", "7f1c2c1e-0000-4000-8000-000000000001"])],
  ["year -271821", cursorOf(["-271821-04-20T00:00:00Z", "7f1c2c1e-0000-4000-8000-000000000001"])],
  ["a number for the time", cursorOf([1, "7f1c2c1e-0000-4000-8000-000000000001"])],
] as const;

describe("tampered cursors", () => {
  it.each(LISTS.flatMap((list) => TAMPERED_CURSORS.map(([name, cursor]) => [list, name, cursor] as const)))(
    "GET %s with %s answers 400 invalid_cursor",
    async (list, _name, cursor) => {
      const response = await get(`${list}?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid_cursor" });
    },
  );
});

describe("dates Postgres cannot hold", () => {
  it.each([
    ["/api/v2/findings?from=0000-01-01T00:00:00Z", "invalid_query"],
    ["/api/v2/findings?to=0000-06-01T00:00:00Z", "invalid_query"],
    ["/api/v2/audit?from=0000-01-01T00:00:00Z", "invalid_query"],
  ])("GET %s answers 400 %s", async (path, slug) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(slug);
  });

  it("refuses a report scope of year 0000", async () => {
    const response = await ctx.request(ctx.app, "POST", "/api/v2/reports", {
      token: a.token,
      body: { frameworks: ["OWASP_LLM"], scope: { from: "0000-01-01T00:00:00Z" } },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });
});

describe("NUL characters", () => {
  it("answers 400 invalid_id for GET /api/v2/scans/%00, and audits the call", async () => {
    const response = await ctx.app.request("/api/v2/scans/%00", { headers: { authorization: `Bearer ${a.token}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_id");
    const [row] =
      await ctx.pg`select status from audit_events where action = 'api.call' and path like '/api/v2/scans/%' order by id desc limit 1`;
    expect(row!.status).toBe(400);
  });

  it.each([
    [
      "/api/v2/endpoints",
      {
        name: "a\u0000b",
        url: "http://127.0.0.1:1/v1",
        wire_format: "chat_completions_v1",
        limits: { concurrency: 1, requests_per_minute: 1 },
      },
    ],
    [
      "/api/v2/ai-assets",
      {
        name: "rag",
        kind: "rag",
        tags: ["ok", "\u0000"],
        config: {
          ingest_url: "http://127.0.0.1:1/i",
          query_url: "http://127.0.0.1:1/q",
          delete_url: "http://127.0.0.1:1/d",
        },
      },
    ],
    ["/api/v2/webhooks", { url: "http://127.0.0.1:1/hook", events: ["scan.completed"], description: "\u0000" }],
    ["/api/v2/reports", { frameworks: ["OWASP_LLM"], title: "T\u0000" }],
  ])("POST %s with a NUL in a string answers 400 invalid_request and stores nothing", async (path, body) => {
    const response = await ctx.request(ctx.app, "POST", path, { token: a.token, body });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });
});
