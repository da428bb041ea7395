// Webhook targets: register a URL for some events, get a signing secret once, see recent deliveries.
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { webhookDeliveries, webhooks } from "../db/schema.ts";
import { createWebhookRoute, deleteWebhookRoute, getWebhookRoute, listWebhooksRoute } from "../generated/contract.ts";
import { notFound } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";

type WebhookRow = typeof webhooks.$inferSelect;
type WebhookEvent = "scan.completed" | "finding.created" | "rag_run.completed";
const RECENT_DELIVERIES = 50;

export function toWebhook(row: WebhookRow) {
  return { id: row.id, url: row.url, events: row.events as WebhookEvent[], description: row.description, created_at: row.createdAt.toISOString() };
}

export function registerWebhookRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  async function loadWebhook(tenantId: string, id: string): Promise<WebhookRow> {
    const [row] = await db.select().from(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.tenantId, tenantId), isNull(webhooks.deletedAt)));
    if (!row) throw notFound("webhook_not_found");
    return row;
  }

  app.openapi(createWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    await checkTargetUrl(body.url, deps.targetPolicy);
    const secret = `whsec_${randomBytes(32).toString("base64url")}`;
    const [row] = await db
      .insert(webhooks)
      .values({ tenantId: identity.tenantId, url: body.url, events: [...new Set(body.events)], description: body.description ?? null, secretEncrypted: deps.secretBox.seal(secret, identity.tenantId) })
      .returning();
    await recordRequestEvent(db, c, { action: "webhook.created", targetKind: "webhook", targetId: row!.id, details: { url: row!.url, events: row!.events } });
    return c.json({ ...toWebhook(row!), secret }, 201);
  });

  app.openapi(listWebhooksRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.tenantId, identity.tenantId), isNull(webhooks.deletedAt), afterCursor(decodeCursor(query.cursor), webhooks.createdAt, webhooks.id)))
      .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: result.data.map(toWebhook), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const row = await loadWebhook(identity.tenantId, c.req.valid("param").id);
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, row.id)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(RECENT_DELIVERIES);
    return c.json(
      {
        ...toWebhook(row),
        deliveries: deliveries.map((delivery) => ({
          id: delivery.id,
          event: delivery.event as WebhookEvent,
          status: delivery.status as "pending",
          attempts: delivery.attempts,
          response_status: delivery.responseStatus,
          error: delivery.error,
          created_at: delivery.createdAt.toISOString(),
          delivered_at: delivery.deliveredAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });

  app.openapi(deleteWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await loadWebhook(identity.tenantId, id);
    await db.update(webhooks).set({ deletedAt: new Date() }).where(and(eq(webhooks.id, id), eq(webhooks.tenantId, identity.tenantId)));
    await recordRequestEvent(db, c, { action: "webhook.deleted", targetKind: "webhook", targetId: id });
    return c.body(null, 204);
  });
}
