// One access log line per request, with the matched route, status, duration, request id, tenant
// and token id, and never the token or a body; and the scan's lifecycle line when one is queued.
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startChatTarget } from "../support/fixtures.ts";
import { createEndpoint } from "../support/scans.ts";

let ctx: TestContext;
let target: Awaited<ReturnType<typeof startChatTarget>>;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget();
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

function capturingApp() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { app: ctx.makeApp({ log }), lines };
}

describe("access log", () => {
  it("writes one line per request with the route pattern, status, duration and who asked", async () => {
    const tenantId = await ctx.createTenant();
    const token = await ctx.token(tenantId);
    const endpointId = await createEndpoint(ctx, token, target.url);
    const { app, lines } = capturingApp();
    const secretBody = { endpoint_id: endpointId, probe_ids: ["prompt-injection-basic"] };
    const created = await ctx.request(app, "POST", "/api/v2/scans", { token, body: secretBody });
    const { scan_id: scanId } = await created.json();
    await ctx.request(app, "GET", `/api/v2/scans/${scanId}?x=1`, { token });
    await ctx.request(app, "GET", "/api/v2/scans", { token: "pxt_not-a-real-token" });

    const requests = lines.filter((line) => line.msg === "request");
    expect(requests).toHaveLength(3);
    const [post, get, denied] = requests;
    expect(post).toMatchObject({ method: "POST", route: "/api/v2/scans", status: 202, tenant_id: tenantId });
    expect(get).toMatchObject({ method: "GET", route: "/api/v2/scans/:id", status: 200, tenant_id: tenantId });
    expect(post!.request_id).toBe(created.headers.get("x-request-id"));
    expect(typeof get!.ms).toBe("number");
    expect(typeof get!.token_id).toBe("string");
    expect(denied).toMatchObject({ status: 401, tenant_id: null, token_id: null });
    // Nothing secret: not the token, not the body, not the query string.
    const written = JSON.stringify(lines);
    expect(written).not.toContain(token);
    expect(written).not.toContain("prompt-injection-basic");
    expect(written).not.toContain("x=1");
    // The scan's lifecycle starts with a line of its own.
    expect(lines.find((line) => line.msg === "scan queued")).toMatchObject({
      scan_id: scanId,
      tenant_id: tenantId,
      endpoint_id: endpointId,
      attempts_total: expect.any(Number),
    });
  });
});
