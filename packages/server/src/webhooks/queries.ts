// The webhook targets of a tenant and their recent deliveries.
import { randomBytes } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import type { GuardPolicy } from "@penaxtra/engine";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { webhookDeliveries, webhooks } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import type { listWebhooksRoute, WebhookCreateSchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { checkTargetUrl } from "../security/check-target-url.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { WebhookDeliveryRow, WebhookRow } from "./present.ts";

export type WebhookListQuery = z.output<typeof listWebhooksRoute.request.query>;
export type WebhookCreate = z.output<typeof WebhookCreateSchema>;
// What GET /webhooks/{id} shows of a target's deliveries (openapi.yaml says "the latest 50").
const RECENT_DELIVERIES = 50;

/** A page of the tenant's webhook targets that are not deleted, newest first. */
export async function listWebhooks(db: Database, tenantId: string, query: WebhookListQuery) {
  const rows = await db
    .select()
    .from(webhooks)
    .where(
      and(
        eq(webhooks.tenantId, tenantId),
        isNull(webhooks.deletedAt),
        afterCursor(decodeCursor(query.cursor), webhooks.createdAt, webhooks.id),
      ),
    )
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

/** The webhook target, unless it is another tenant's or deleted: then 404 webhook_not_found. */
export async function findWebhook(db: Database, tenantId: string, id: string): Promise<WebhookRow> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.tenantId, tenantId), isNull(webhooks.deletedAt)));
  if (!row) throw notFound("webhook_not_found");
  return row;
}

/** The target's latest deliveries, newest first. */
export function listRecentDeliveries(db: Database, webhookId: string): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(RECENT_DELIVERIES);
}

/** Stores the target with a new signing secret, sealed; the secret itself is returned to be shown once. */
export async function createWebhook(
  deps: { db: Database; secretBox: SecretBox; targetPolicy: GuardPolicy },
  tenantId: string,
  body: WebhookCreate,
): Promise<{ row: WebhookRow; secret: string }> {
  await checkTargetUrl(body.url, deps.targetPolicy);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const [row] = await deps.db
    .insert(webhooks)
    .values({
      tenantId,
      url: body.url,
      events: [...new Set(body.events)],
      description: body.description ?? null,
      secretEncrypted: deps.secretBox.seal(secret, tenantId),
    })
    .returning();
  return { row: row!, secret };
}

/** Soft delete; 404 as findWebhook. */
export async function deleteWebhook(db: Database, tenantId: string, id: string): Promise<void> {
  await findWebhook(db, tenantId, id);
  await db
    .update(webhooks)
    .set({ deletedAt: new Date() })
    .where(and(eq(webhooks.id, id), eq(webhooks.tenantId, tenantId)));
}
