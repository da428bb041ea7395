import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, seedTenant, startChatTarget } from "../support/fixtures.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget("pong");
  a = await seedTenant(ctx, target.url);
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

const create = (body: Record<string, unknown>, app = ctx.app) =>
  ctx.request(app, "POST", "/api/v2/endpoints", {
    token: a.token,
    body: { name: "t", wire_format: "chat_completions_v1", ...body },
  });

describe("auth secrets", () => {
  it("are never returned and are stored only encrypted", async () => {
    const response = await create({ url: target.url, auth_secret: "sk-very-secret-value" });
    const text = await response.text();
    expect(text).not.toContain("sk-very-secret-value");
    expect(JSON.parse(text).has_auth_secret).toBe(true);
    const [row] = await ctx.pg`select auth_secret_encrypted from endpoints where id = ${JSON.parse(text).id}`;
    expect(row!.auth_secret_encrypted).toMatch(/^v1:/);
    expect(row!.auth_secret_encrypted).not.toContain("sk-very-secret-value");
    const audit = await (await ctx.request(ctx.app, "GET", "/api/v2/audit?limit=200", { token: a.token })).text();
    expect(audit).not.toContain("sk-very-secret-value");
  });
});

describe("SSRF guard", () => {
  const strict = () => ctx.makeApp({ config: { ...ctx.config, allowPrivateTargets: false } });

  it.each([
    ["http://127.0.0.1:8080/v1", "loopback"],
    ["http://10.0.0.5/v1", "private"],
    ["http://192.168.1.10/v1", "private"],
    ["http://[::1]/v1", "loopback"],
    ["http://169.254.10.10/v1", "link_local"],
    ["http://localhost:9000/v1", "loopback"],
    ["http://[2002:a00:1::]/v1", "private"],
    ["http://[64:ff9b:1::a00:1]/v1", "private"],
    ["http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/v1", "loopback"],
  ])("refuses %s (%s) unless private targets are allowed", async (url, reason) => {
    const refused = await create({ url }, strict());
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "target_not_allowed", reason });
    // Registered only where it is loopback: nothing here may point a later scan off this machine.
    if (reason === "loopback") expect((await create({ url })).status).toBe(201);
  });

  it.each([
    "http://169.254.169.254/latest/meta-data",
    "http://[fd00:ec2::254]/",
    "http://metadata.google.internal/computeMetadata/v1",
    "http://[::ffff:169.254.169.254]/",
    "http://192.0.0.192/opc/v2/instance/",
    "http://168.63.129.16/machine?comp=goalstate",
    "http://169.254.170.23/v1/credentials",
    "http://[fd00:ec2::23]/v1/credentials",
    "http://[2002:a9fe:a9fe::]/latest/meta-data",
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
  ])("always refuses cloud metadata %s", async (url) => {
    const refused = await create({ url });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("target_not_allowed");
  });

  it("refuses non-http schemes", async () => {
    const response = await create({ url: "file:///etc/passwd" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_url");
  });

  it("checks again when the test call connects, on the resolved address", async () => {
    const endpoint = await (await create({ url: target.url })).json();
    const response = await ctx.request(strict(), "POST", `/api/v2/endpoints/${endpoint.id}/test`, { token: a.token });
    expect(await response.json()).toMatchObject({ ok: false, error: "target_not_allowed" });
  });
});

describe("wire formats and the test call", () => {
  it("the test call reports the answer of an OpenAI-compatible endpoint", async () => {
    const result = await (
      await ctx.request(ctx.app, "POST", `/api/v2/endpoints/${a.endpointId}/test`, { token: a.token })
    ).json();
    expect(result).toMatchObject({ ok: true, http_status: 200, response_excerpt: "pong", error: null });
  });

  it("reports a dead endpoint as connection_failed, not as a server error", async () => {
    const endpoint = await (await create({ url: "http://127.0.0.1:1/v1" })).json();
    const result = await (
      await ctx.request(ctx.app, "POST", `/api/v2/endpoints/${endpoint.id}/test`, { token: a.token })
    ).json();
    expect(result).toMatchObject({ ok: false, error: "connection_failed", response_excerpt: null });
  });

  it("returns nothing of a private service that does not answer in the endpoint's wire format", async () => {
    // What an endpoints:write token could point the test call at when private targets are allowed.
    const internal = createServer((request, response) => {
      const secret = "internal-admin-password-hunter2";
      if (request.url === "/html") response.writeHead(200, { "content-type": "text/html" }).end(`<h1>${secret}</h1>`);
      else if (request.url === "/json") response.writeHead(200).end(JSON.stringify({ password: secret }));
      else response.writeHead(500).end(secret);
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
    try {
      for (const [path, error] of [
        ["/html", "bad_response"],
        ["/json", "bad_response"],
        ["/fail", "http_error"],
      ]) {
        const endpoint = await (await create({ url: `${base}${path}` })).json();
        const response = await ctx.request(ctx.app, "POST", `/api/v2/endpoints/${endpoint.id}/test`, {
          token: a.token,
        });
        const text = await response.text();
        expect(JSON.parse(text)).toMatchObject({ ok: false, error, response_excerpt: null });
        expect(text).not.toContain("hunter2");
      }
    } finally {
      internal.close();
    }
  });

  it("http_template_v1 needs a body template containing {{prompt}} or {{messages}}", async () => {
    const missing = await create({ url: target.url, wire_format: "http_template_v1" });
    expect((await missing.json()).error).toBe("invalid_http_template");
    const noPlaceholder = await create({
      url: target.url,
      wire_format: "http_template_v1",
      http_template: { body_template: "{}", response_path: "a" },
    });
    expect((await noPlaceholder.json()).error).toBe("invalid_http_template");
    const ok = await create({
      url: target.url,
      wire_format: "http_template_v1",
      http_template: { body_template: '{"input":"{{prompt}}"}', response_path: "choices.0.message.content" },
    });
    expect(ok.status).toBe(201);
    const endpoint = await ok.json();
    const result = await (
      await ctx.request(ctx.app, "POST", `/api/v2/endpoints/${endpoint.id}/test`, { token: a.token })
    ).json();
    expect(result).toMatchObject({ ok: true, response_excerpt: "pong" });
  });

  it("declares what the application is for, shown as given and cleared with null", async () => {
    const purpose = { description: "help with orders of an outdoor gear shop", competitors: ["Trailhead Co"] };
    const endpoint = await (await create({ url: target.url, purpose })).json();
    expect(endpoint.purpose).toEqual(purpose);
    expect((await (await create({ url: target.url })).json()).purpose).toBeNull();
    const tooShort = await create({ url: target.url, purpose: { description: "x" } });
    expect((await tooShort.json()).error).toBe("invalid_request");
    const cleared = await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpoint.id}`, {
      token: a.token,
      body: { purpose: null },
    });
    expect((await cleared.json()).purpose).toBeNull();
  });

  it("declares tools on chat endpoints only, each name once, and shows them", async () => {
    const tool = { name: "lookup_order", parameters: { type: "object", properties: { id: { type: "string" } } } };
    const created = await create({ url: target.url, tools: [tool] });
    expect(created.status).toBe(201);
    const endpoint = await created.json();
    expect(endpoint.tools).toEqual([tool]);
    expect((await create({ url: target.url })).status).toBe(201);
    const templated = await create({
      url: target.url,
      wire_format: "http_template_v1",
      http_template: { body_template: '{"messages":{{messages}}}', response_path: "a" },
      tools: [tool],
    });
    expect(templated.status).toBe(400);
    expect((await templated.json()).error).toBe("invalid_tools");
    const twice = await create({ url: target.url, tools: [tool, tool] });
    expect((await twice.json()).error).toBe("invalid_tools");
    const badName = await create({ url: target.url, tools: [{ ...tool, name: "has space" }] });
    expect((await badName.json()).error).toBe("invalid_request");
    const patched = await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpoint.id}`, {
      token: a.token,
      body: { tools: [] },
    });
    expect((await patched.json()).tools).toEqual([]);
  });

  it("PATCH changes fields and a disabled endpoint cannot be scanned", async () => {
    const endpoint = await (await create({ url: target.url })).json();
    const patched = await (
      await ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpoint.id}`, {
        token: a.token,
        body: { status: "disabled", tags: ["prod"] },
      })
    ).json();
    expect(patched).toMatchObject({ status: "disabled", tags: ["prod"] });
    const scan = await ctx.request(ctx.app, "POST", "/api/v2/scans", {
      token: a.token,
      body: { endpoint_id: endpoint.id },
    });
    expect(scan.status).toBe(404);
    expect(await scan.json()).toEqual({ error: "endpoint_not_found_or_inactive" });
  });

  it("PATCH of one limit keeps the others", async () => {
    const endpoint = await (
      await create({
        url: target.url,
        limits: { concurrency: 9, requests_per_minute: 300, timeout_ms: 5000, max_retries: 1 },
      })
    ).json();
    const patch = (body: unknown) =>
      ctx.request(ctx.app, "PATCH", `/api/v2/endpoints/${endpoint.id}`, { token: a.token, body });
    const patched = await (await patch({ limits: { max_retries: 5 } })).json();
    expect(patched.limits).toEqual({ concurrency: 9, requests_per_minute: 300, timeout_ms: 5000, max_retries: 5 });
    expect((await patch({ limits: {} })).status).toBe(400);
    expect((await patch({ limits: { concurrency: 0 } })).status).toBe(400);
  });
});

describe("audit log", () => {
  it("records every API call with token, method, path, status, duration and request id", async () => {
    const response = await ctx.request(ctx.app, "GET", "/api/v2/endpoints?limit=1", { token: a.token });
    const requestId = response.headers.get("x-request-id");
    const audit = await (
      await ctx.request(ctx.app, "GET", "/api/v2/audit?action=api.call&limit=5", { token: a.token })
    ).json();
    const call = audit.data.find((event: any) => event.request_id === requestId);
    expect(call).toMatchObject({
      action: "api.call",
      method: "GET",
      path: "/api/v2/endpoints",
      status: 200,
      result: "success",
      token_id: expect.any(String),
    });
    expect(call.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("records endpoint lifecycle events and filters by result and target kind", async () => {
    const endpoint = await (await create({ url: target.url })).json();
    await ctx.request(ctx.app, "DELETE", `/api/v2/endpoints/${endpoint.id}`, { token: a.token });
    const audit = await (
      await ctx.request(ctx.app, "GET", "/api/v2/audit?target_kind=endpoint&result=success&limit=200", {
        token: a.token,
      })
    ).json();
    const actions = audit.data
      .filter((event: any) => event.target_id === endpoint.id)
      .map((event: any) => event.action);
    expect(actions).toEqual(["endpoint.deleted", "endpoint.created"]);
    const denied = await ctx.request(ctx.app, "GET", "/api/v2/scans", {
      token: await ctx.token(a.tenantId, ["audit:read"]),
    });
    expect(denied.status).toBe(403);
    const deniedEvents = await (
      await ctx.request(ctx.app, "GET", "/api/v2/audit?result=denied", { token: a.token })
    ).json();
    expect(deniedEvents.data[0]).toMatchObject({ action: "api.call", status: 403, result: "denied" });
  });

  it("pages through the audit log with its cursor", async () => {
    const first = await (await ctx.request(ctx.app, "GET", "/api/v2/audit?limit=2", { token: a.token })).json();
    const second = await (
      await ctx.request(ctx.app, "GET", `/api/v2/audit?limit=2&cursor=${first.next_cursor}`, { token: a.token })
    ).json();
    expect(first.data).toHaveLength(2);
    expect(second.data).toHaveLength(2);
    const ids = [...first.data, ...second.data].map((event: any) => BigInt(event.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x > y ? -1 : x < y ? 1 : 0)));
    expect(new Set(ids).size).toBe(4);
  });
});

describe("endpoint limits", () => {
  it.each([
    [512, 201],
    [513, 400],
  ])("takes a concurrency of %i with %i (what large providers allow one key)", async (concurrency, status) => {
    const response = await create({ url: target.url, limits: { concurrency } });
    expect(response.status).toBe(status);
    if (status === 201) expect((await response.json()).limits.concurrency).toBe(512);
  });
});
