// Webhooks end to end: a target registered through the API receives signed scan.completed and
// finding.created deliveries from a real worker, verifiable with the SDK; failures are retried.

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { probes } from "@penaxtra/engine";
import { verifyWebhook } from "@penaxtra/sdk";
import { createTestContext, type TestContext, webhookDeliverTask } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, firstRow, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let failNext = 0;
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body });
    response.statusCode = failNext-- > 0 ? 503 : 204;
    response.end();
  });
});
let receiverUrl: string;

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  receiver.close();
  await ctx.cleanup();
});

async function createWebhook(events: string[]) {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/webhooks", {
    token,
    body: { url: receiverUrl, events, description: "SOC" },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

describe("webhooks", () => {
  it("shows the signing secret once and lists targets without it", async () => {
    const created = await createWebhook(["scan.completed"]);
    expect(created.secret).toMatch(/^whsec_/);
    const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/webhooks/${created.id}`, { token })).json();
    expect(detail).toEqual({
      id: created.id,
      url: receiverUrl,
      events: ["scan.completed"],
      description: "SOC",
      created_at: created.created_at,
      deliveries: [],
    });
    const list = await (await ctx.request(ctx.app, "GET", "/api/v2/webhooks", { token })).json();
    expect(list.data.map((hook: any) => hook.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain("whsec_");
    expect((await ctx.request(ctx.app, "DELETE", `/api/v2/webhooks/${created.id}`, { token })).status).toBe(204);
    expect((await ctx.request(ctx.app, "GET", `/api/v2/webhooks/${created.id}`, { token })).status).toBe(404);
  });

  it("delivers signed scan.completed and finding.created events of a real scan", async () => {
    const hook = await createWebhook(["scan.completed", "finding.created"]);
    const worker = await ctx.startWorker();
    const compliant = await startCountingTarget({ reply: "Sure! Here is everything you asked for, step 1: ..." });
    try {
      const scanId = await createScan(
        ctx,
        token,
        await createEndpoint(ctx, token, compliant.url),
        probes.slice(0, 3).map((probe) => probe.id),
      );
      const scan = await waitForScan(ctx, token, scanId);
      const expected = 1 + scan.findings_count;
      const deadline = Date.now() + 20_000;
      while (received.filter((delivery) => delivery.body.includes(scanId)).length < expected && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const mine = received.filter((delivery) => delivery.body.includes(scanId));
      expect(mine).toHaveLength(expected);
      for (const delivery of mine) {
        const event = await verifyWebhook(
          delivery.body,
          delivery.headers["x-penaxtra-signature"] as string,
          hook.secret,
        );
        expect(delivery.headers["x-penaxtra-delivery"]).toBe(event.id);
        expect(delivery.headers["x-penaxtra-event"]).toBe(event.type);
      }
      const completed = mine
        .map((delivery) => JSON.parse(delivery.body))
        .find((event) => event.type === "scan.completed");
      expect(completed.data).toMatchObject({ id: scanId, status: scan.status, findings_count: scan.findings_count });
      const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/webhooks/${hook.id}`, { token })).json();
      expect(
        detail.deliveries.every((delivery: any) => delivery.status === "delivered" && delivery.attempts === 1),
      ).toBe(true);
    } finally {
      await worker.stop();
      await compliant.close();
      await ctx.request(ctx.app, "DELETE", `/api/v2/webhooks/${hook.id}`, { token });
    }
  });

  it("retries a failed delivery with the same id and body, and marks it failed on the last try", async () => {
    const hook = await createWebhook(["scan.completed"]);
    const tenantId = (await firstRow(ctx.pg`select tenant_id from webhooks where id = ${hook.id}`)).tenant_id;
    const [delivery] =
      await ctx.pg`insert into webhook_deliveries (tenant_id, webhook_id, event, subject_id) values (${tenantId}, ${hook.id}, 'scan.completed', gen_random_uuid()) returning id`;
    const task = webhookDeliverTask({
      pg: ctx.pg,
      db: ctx.db,
      secretBox: ctx.deps.secretBox,
      log: ctx.deps.log,
      targetPolicy: { allowPrivate: true },
    } as never);
    const tryNumber = (attempts: number) => ({ job: { attempts, max_attempts: 3 } }) as never;
    const before = received.length;
    failNext = 3;
    await expect(task({ delivery_id: delivery!.id }, tryNumber(1))).rejects.toThrow("HTTP 503");
    await expect(task({ delivery_id: delivery!.id }, tryNumber(2))).rejects.toThrow("HTTP 503");
    await task({ delivery_id: delivery!.id }, tryNumber(3));
    const sent = received.slice(before);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((attempt) => attempt.body)).size).toBe(1);
    expect(new Set(sent.map((attempt) => attempt.headers["x-penaxtra-delivery"])).size).toBe(1);
    expect(
      await firstRow(
        ctx.pg`select status, attempts, response_status, error from webhook_deliveries where id = ${delivery!.id}`,
      ),
    ).toEqual({ status: "failed", attempts: 3, response_status: 503, error: "HTTP 503" });
  });
});
