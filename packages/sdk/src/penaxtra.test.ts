import { readFileSync } from "node:fs";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { PenaxtraOptions } from "./core/api-client.ts";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PayloadTooLargeError,
  type PenaxtraError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UserAbortError,
} from "./errors.ts";
import type { ErrorSlug } from "./generated/openapi.ts";
import { Penaxtra } from "./penaxtra.ts";
import { SDK_VERSION } from "./version.ts";

const BASE = "http://penaxtra.test";
const server = setupServer();
// Nothing leaves the process: a request without a handler fails the test.
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const waits: number[] = [];
const client = (options: PenaxtraOptions = {}) => {
  waits.length = 0;
  // Backoff is recorded instead of slept: the tests assert what would have been waited.
  return new Penaxtra({
    baseUrl: BASE,
    apiKey: "pxt_test",
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
};
const scanBody = { endpoint_id: "3b2e5f0e-0000-4000-8000-000000000002" };
const accepted = {
  accepted: true,
  scan_id: "7f1c2c1e-0000-4000-8000-000000000001",
  endpoint_id: scanBody.endpoint_id,
  probe_count: null,
  poll: "/api/v2/scans/7f1c2c1e-0000-4000-8000-000000000001",
};

describe("retries", () => {
  it("retries a 503 and sends the same Idempotency-Key and body on every attempt of a POST", async () => {
    const seen: Array<{ key: string | null; body: unknown }> = [];
    server.use(
      http.post(`${BASE}/api/v2/scans`, async ({ request }) => {
        seen.push({ key: request.headers.get("idempotency-key"), body: await request.json() });
        return seen.length < 3
          ? HttpResponse.json({ error: "internal_error" }, { status: 503 })
          : HttpResponse.json(accepted, { status: 202 });
      }),
    );
    await expect(client().scans.create(scanBody)).resolves.toEqual(accepted);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((attempt) => attempt.key)).size).toBe(1);
    expect(seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.every((attempt) => JSON.stringify(attempt.body) === JSON.stringify(scanBody))).toBe(true);
    // Full jitter at 0.5 of 250 ms, then of 500 ms.
    expect(waits).toEqual([125, 250]);
  });

  it("keeps an Idempotency-Key the caller chose", async () => {
    let key: string | null = null;
    server.use(
      http.post(
        `${BASE}/api/v2/scans`,
        ({ request }) => ((key = request.headers.get("idempotency-key")), HttpResponse.json(accepted, { status: 202 })),
      ),
    );
    await client().scans.create(scanBody, { idempotencyKey: "nightly-2026-11-23" });
    expect(key).toBe("nightly-2026-11-23");
  });

  it.each([
    ["seconds", "2", 2000],
    ["an HTTP date", new Date(Date.now() + 3000).toUTCString(), 3000],
  ])("waits as long as Retry-After says, given in %s", async (_form, header, expected) => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/probes`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: "rate_limited", retry_after_seconds: 2 },
              { status: 429, headers: { "retry-after": header } },
            )
          : HttpResponse.json({ data: [] }),
      ),
    );
    await client().probes.list();
    expect(waits[0]).toBeGreaterThanOrEqual(expected - 1000);
    expect(waits[0]).toBeLessThanOrEqual(expected);
  });

  it("gives up after maxRetries with a RateLimitError that carries Retry-After", async () => {
    server.use(
      http.get(`${BASE}/api/v2/probes`, () =>
        HttpResponse.json(
          { error: "rate_limited", retry_after_seconds: 7 },
          { status: 429, headers: { "retry-after": "7" } },
        ),
      ),
    );
    const error = await client({ maxRetries: 2 })
      .probes.list()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 7 });
    expect(waits).toEqual([7000, 7000]);
  });

  it("retries network failures and then throws a ConnectionError", async () => {
    server.use(http.get(`${BASE}/api/v2/probes`, () => HttpResponse.error()));
    await expect(client({ maxRetries: 1 }).probes.list()).rejects.toBeInstanceOf(ConnectionError);
    expect(waits).toHaveLength(1);
  });

  it("times out each attempt on its own", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/probes`, async () => {
        if (++calls === 1) await delay(500);
        return HttpResponse.json({ data: [] });
      }),
    );
    await expect(client({ timeoutMs: 50 }).probes.list()).resolves.toMatchObject({ data: [], nextCursor: null });
    expect(calls).toBe(2);
    server.use(http.get(`${BASE}/api/v2/probes`, async () => (await delay(500), HttpResponse.json({ data: [] }))));
    await expect(client({ timeoutMs: 50, maxRetries: 0 }).probes.list()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("stops at once when the caller aborts", async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/api/v2/probes`, async () => (++calls, await delay(500), HttpResponse.json({ data: [] }))),
    );
    const controller = new AbortController();
    const pending = client().probes.list({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 20);
    const error = await pending.catch((caught) => caught);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(error.cause).toEqual(new Error("user cancelled"));
    expect(calls).toBe(1);
  });

  it("turns the caller's own AbortSignal.timeout into the SDK's TimeoutError", async () => {
    server.use(http.get(`${BASE}/api/v2/probes`, async () => (await delay(500), HttpResponse.json({ data: [] }))));
    const error = await client()
      .probes.list({ signal: AbortSignal.timeout(20) })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.cause).toMatchObject({ name: "TimeoutError" });
  });
});

describe("errors", () => {
  it.each([
    [400, "invalid_request", BadRequestError],
    [401, "invalid_token", AuthenticationError],
    [403, "missing_scope", PermissionDeniedError],
    [404, "scan_not_found", NotFoundError],
    [409, "scan_not_cancellable", ConflictError],
    [413, "payload_too_large", PayloadTooLargeError],
    [500, "internal_error", ServerError],
  ])("turns %i into its class with the slug", async (status, slug, ErrorClass) => {
    server.use(http.get(`${BASE}/api/v2/scans/:id`, () => HttpResponse.json({ error: slug }, { status })));
    const error = await client({ maxRetries: 0 })
      .scans.get("7f1c2c1e-0000-4000-8000-000000000001")
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code: slug, body: { error: slug } });
  });

  it("keeps a slug the contract does not list yet, and types code as ErrorSlug or any string", async () => {
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, () => HttpResponse.json({ error: "slug_from_the_future" }, { status: 400 })),
    );
    const error: PenaxtraError = await client({ maxRetries: 0 })
      .scans.get("7f1c2c1e-0000-4000-8000-000000000001")
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe("slug_from_the_future");
    expectTypeOf(error.code).toEqualTypeOf<ErrorSlug | (string & {})>();
    expectTypeOf<"scan_not_found">().toExtend<typeof error.code>();
  });
});

describe("what a failure tells and what a call says", () => {
  it("names the server's request id and the validation issues in the error", async () => {
    server.use(
      http.post(`${BASE}/api/v2/scans`, () =>
        HttpResponse.json(
          { error: "invalid_request", issues: [{ path: "probe_ids.0", message: "Invalid string" }] },
          { status: 400, headers: { "x-request-id": "req-123" } },
        ),
      ),
    );
    const error = await client({ maxRetries: 0 })
      .scans.create(scanBody)
      .catch((caught) => caught);
    expect(error).toMatchObject({ requestId: "req-123", code: "invalid_request" });
    expect(error.message).toBe("400 invalid_request: probe_ids.0: Invalid string (request req-123)");
  });

  it("names the server's message when the error has no issues", async () => {
    server.use(
      http.post(`${BASE}/api/v2/scans`, () =>
        HttpResponse.json(
          { error: "invalid_strategies", message: "unknown strategy nosuch; one of base64, hex" },
          { status: 400, headers: { "x-request-id": "req-124" } },
        ),
      ),
    );
    const error = await client({ maxRetries: 0 })
      .scans.create(scanBody)
      .catch((caught) => caught);
    expect(error.message).toBe("400 invalid_strategies: unknown strategy nosuch; one of base64, hex (request req-124)");
  });

  it.each([
    [
      { error: "invalid_probe_ids", unknown_probe_ids: ["nosuch", "other"] },
      "400 invalid_probe_ids: unknown_probe_ids: nosuch, other",
    ],
    [{ error: "invalid_request", message: "x".repeat(600) }, `400 invalid_request: ${"x".repeat(500)}…`],
    [{ error: "invalid_request" }, "400 invalid_request"],
  ])("names what else the error body says: %j", async (body, message) => {
    server.use(http.post(`${BASE}/api/v2/scans`, () => HttpResponse.json(body, { status: 400 })));
    const error = await client({ maxRetries: 0 })
      .scans.create(scanBody)
      .catch((caught) => caught);
    expect(error.message).toBe(message);
  });

  it("sends a User-Agent with the SDK's version and the runtime", async () => {
    let agent: string | null = null;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id`, ({ request }) => {
        agent = request.headers.get("user-agent");
        return HttpResponse.json({ id: "x", status: "queued" });
      }),
    );
    await client().scans.get("7f1c2c1e-0000-4000-8000-000000000001");
    expect(agent).toBe(`penaxtra-sdk/${SDK_VERSION} (node/${process.versions.node})`);
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(SDK_VERSION).toBe(manifest.version);
  });
});

describe("resources", () => {
  it("manages webhooks: create, list every page, get, delete", async () => {
    const hook = { id: "w1", url: "http://127.0.0.1:1/hook", events: ["scan.completed"] };
    server.use(
      http.post(`${BASE}/api/v2/webhooks`, async ({ request }) =>
        HttpResponse.json({ ...hook, ...((await request.json()) as object), secret: "whsec_x" }, { status: 201 }),
      ),
      http.get(`${BASE}/api/v2/webhooks`, ({ request }) =>
        new URL(request.url).searchParams.get("cursor")
          ? HttpResponse.json({ data: [{ ...hook, id: "w2" }], next_cursor: null })
          : HttpResponse.json({ data: [hook], next_cursor: "page-2" }),
      ),
      http.get(`${BASE}/api/v2/webhooks/:id`, ({ params }) => HttpResponse.json({ ...hook, id: params.id })),
      http.delete(`${BASE}/api/v2/webhooks/:id`, () => new HttpResponse(null, { status: 204 })),
    );
    const penaxtra = client();
    const created = await penaxtra.webhooks.create({ url: hook.url, events: ["scan.completed"] });
    expect(created).toMatchObject({ id: "w1", secret: "whsec_x" });
    const ids: string[] = [];
    for await (const webhook of penaxtra.webhooks.list()) ids.push(webhook.id);
    expect(ids).toEqual(["w1", "w2"]);
    expect(await penaxtra.webhooks.get("w2")).toMatchObject({ id: "w2" });
    await expect(penaxtra.webhooks.delete("w1")).resolves.toBeUndefined();
    expect(penaxtra.webhooks.verify).toBeTypeOf("function");
  });

  it("adds and removes a tenant's own probe", async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE}/api/v2/probes`, async ({ request }) => {
        const body = (await request.json()) as { id: string };
        seen.push(`POST ${body.id}`);
        return HttpResponse.json({ ...body, custom: true }, { status: 201 });
      }),
      http.post(`${BASE}/api/v2/probes/generate`, async ({ request }) => {
        seen.push(`GENERATE ${((await request.json()) as { category: string }).category}`);
        return HttpResponse.json({ data: [{ id: "policy-rule", custom: true }] }, { status: 201 });
      }),
      http.delete(`${BASE}/api/v2/probes/:id`, ({ params }) => {
        seen.push(`DELETE ${params.id}`);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const penaxtra = client();
    const created = await penaxtra.probes.create({
      id: "acme-leak",
      title: "t",
      category: "system_prompt_leakage",
      description: "d",
      severity: "high",
      detectors: ["canary_echo"],
      variants: ["say {{canary}}"],
    });
    expect(created).toMatchObject({ id: "acme-leak", custom: true });
    const drafted = await penaxtra.probes.generate({
      policy: "Refunds above 200 EUR need a manager.",
      category: "excessive_agency",
      severity: "high",
    });
    expect(drafted.data[0]).toMatchObject({ id: "policy-rule" });
    await expect(penaxtra.probes.delete("acme-leak")).resolves.toBeUndefined();
    expect(seen).toEqual(["POST acme-leak", "GENERATE excessive_agency", "DELETE acme-leak"]);
  });

  it("iterates every page of a list, asking for the next page only when needed", async () => {
    const cursors: Array<string | null> = [];
    server.use(
      http.get(`${BASE}/api/v2/findings`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get("cursor");
        cursors.push(cursor);
        return HttpResponse.json(
          cursor
            ? { data: [{ id: "c" }], next_cursor: null }
            : { data: [{ id: "a" }, { id: "b" }], next_cursor: "page-2" },
        );
      }),
    );
    const ids: string[] = [];
    for await (const finding of client().findings.list({ severity: "critical" })) ids.push(finding.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(cursors).toEqual([null, "page-2"]);
  });

  it("waits for a scan to end by following its event stream", async () => {
    const events = [
      ": keep-alive\n\n",
      `event: scan\ndata: ${JSON.stringify({ status: "running", attempts_done: 10 })}\n\n`,
      `id: f1\nevent: finding\ndata: ${JSON.stringify({ id: "f1" })}\n\n`,
      `event: end\ndata: ${JSON.stringify({ status: "completed", attempts_done: 20 })}\n\n`,
    ];
    let reads = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id/events`, () => {
        const body = new ReadableStream({
          start(controller) {
            for (const event of events) controller.enqueue(new TextEncoder().encode(event));
            controller.close();
          },
        });
        return new HttpResponse(body, { headers: { "content-type": "text/event-stream" } });
      }),
      http.get(`${BASE}/api/v2/scans/:id`, () => (reads++, HttpResponse.json({ status: "running" }))),
    );
    const seen: Array<[string, number]> = [];
    const scan = await client().scans.waitFor("7f1c2c1e-0000-4000-8000-000000000001", {
      onProgress: (current) => seen.push([current.status, current.attempts_done]),
    });
    expect(scan).toEqual({ status: "completed", attempts_done: 20 });
    expect(seen).toEqual([
      ["running", 10],
      ["completed", 20],
    ]);
    expect(reads).toBe(0);
  });

  it("opens a dropped event stream again and goes on from the state it sends first", async () => {
    let opened = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id/events`, () => {
        opened++;
        const text =
          opened === 1
            ? `event: scan\ndata: ${JSON.stringify({ status: "running" })}\n\n`
            : `event: end\ndata: ${JSON.stringify({ status: "completed" })}\n\n`;
        return new HttpResponse(text, { headers: { "content-type": "text/event-stream" } });
      }),
    );
    const events = [];
    for await (const event of client().scans.events("7f1c2c1e-0000-4000-8000-000000000001")) events.push(event.event);
    expect(events).toEqual(["scan", "end"]);
    expect(opened).toBe(2);
  });

  it("polls when the server has no event stream", async () => {
    let polls = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id/events`, () => HttpResponse.json({ error: "not_found" }, { status: 404 })),
      http.get(`${BASE}/api/v2/scans/:id`, ({ params }) =>
        HttpResponse.json({ id: params.id, status: ++polls < 3 ? "running" : "completed" }),
      ),
    );
    const scan = await client().scans.waitFor("7f1c2c1e-0000-4000-8000-000000000001", { intervalMs: 1 });
    expect(scan.status).toBe("completed");
    expect(polls).toBe(3);
  });

  it("reports every state it reads to onProgress, the final one included", async () => {
    let polls = 0;
    server.use(
      http.get(`${BASE}/api/v2/scans/:id/events`, () => HttpResponse.json({ error: "not_found" }, { status: 404 })),
      http.get(`${BASE}/api/v2/scans/:id`, ({ params }) =>
        HttpResponse.json({ id: params.id, status: polls < 2 ? "running" : "completed", attempts_done: ++polls * 10 }),
      ),
    );
    const seen: Array<[string, number]> = [];
    await client().scans.waitFor("7f1c2c1e-0000-4000-8000-000000000001", {
      intervalMs: 1,
      onProgress: (scan) => seen.push([scan.status, scan.attempts_done]),
    });
    expect(seen).toEqual([
      ["running", 10],
      ["running", 20],
      ["completed", 30],
    ]);
  });

  it("takes its configuration from PENAXTRA_API_KEY and PENAXTRA_BASE_URL", async () => {
    let authorization: string | null = null;
    server.use(
      http.get(
        "http://from-env.test/api/v2/probes",
        ({ request }) => ((authorization = request.headers.get("authorization")), HttpResponse.json({ data: [] })),
      ),
    );
    process.env.PENAXTRA_API_KEY = "pxt_from_env";
    process.env.PENAXTRA_BASE_URL = "http://from-env.test";
    try {
      await new Penaxtra().probes.list();
    } finally {
      delete process.env.PENAXTRA_API_KEY;
      delete process.env.PENAXTRA_BASE_URL;
    }
    expect(authorization).toBe("Bearer pxt_from_env");
    expect(() => new Penaxtra()).toThrow("PENAXTRA_API_KEY");
  });
});
