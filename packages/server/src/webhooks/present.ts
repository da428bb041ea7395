// A webhook target as the API shows it (the Webhook schema of openapi.yaml), and one of its deliveries.
import type { z } from "@hono/zod-openapi";
import type { webhookDeliveries, webhooks } from "../db/schema.ts";
import type { WebhookEventSchema } from "../generated/contract.ts";

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
type WebhookEvent = z.output<typeof WebhookEventSchema>;

export function toWebhook(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEvent[],
    description: row.description,
    created_at: row.createdAt.toISOString(),
  };
}

export function toWebhookDelivery(delivery: WebhookDeliveryRow) {
  return {
    id: delivery.id,
    event: delivery.event as WebhookEvent,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.responseStatus,
    error: delivery.error,
    created_at: delivery.createdAt.toISOString(),
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
  };
}
