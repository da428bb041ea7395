// Webhook targets: register a URL for some events, get a signing secret once, see recent deliveries.
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import { createWebhookRoute, deleteWebhookRoute, getWebhookRoute, listWebhooksRoute } from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";
import { toWebhook, toWebhookDelivery } from "../webhooks/present.ts";
import { createWebhook, deleteWebhook, findWebhook, listRecentDeliveries, listWebhooks } from "../webhooks/queries.ts";

export function registerWebhookRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(createWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const { row, secret } = await changeWithAudit(
      db,
      c,
      (tx) => createWebhook({ ...deps, db: tx }, identity.tenantId, body),
      ({ row: created }) => ({
        action: "webhook.created",
        targetKind: "webhook",
        targetId: created.id,
        details: { url: created.url, events: created.events },
      }),
    );
    return c.json({ ...toWebhook(row), secret }, 201);
  });

  app.openapi(listWebhooksRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listWebhooks(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toWebhook), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const row = await findWebhook(db, identity.tenantId, c.req.valid("param").id);
    const deliveries = await listRecentDeliveries(db, row.id);
    return c.json({ ...toWebhook(row), deliveries: deliveries.map(toWebhookDelivery) }, 200);
  });

  app.openapi(deleteWebhookRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    await changeWithAudit(
      db,
      c,
      (tx) => deleteWebhook(tx, identity.tenantId, id),
      () => ({ action: "webhook.deleted", targetKind: "webhook", targetId: id }),
    );
    return c.body(null, 204);
  });
}
