// webhook_deliver: sends one delivery, signed, through the SSRF-guarded client. The body is built at
// the first attempt and stored, so retries are byte-identical; graphile-worker retries a failure
// with exponential backoff, and the last try marks the delivery failed.
import { createHmac } from "node:crypto";
import { requestTarget } from "@penaxtra/engine";
import { eq } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { findings, ragRuns, scans } from "../db/schema.ts";
import { toFinding } from "../findings/present.ts";
import { webhookDeliveries } from "../metrics/metrics.ts";
import { toRagRun } from "../rag-runs/present.ts";
import { scanColumns, toScan } from "../scans/present.ts";
import type { WorkerDeps } from "./worker-deps.ts";

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

interface DeliveryRow {
  id: string;
  tenant_id: string;
  event: string;
  subject_id: string;
  body: string | null;
  status: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret_encrypted: string;
  webhook_deleted: boolean;
}

/** `X-Penaxtra-Signature`: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex")}`;
}

export function webhookDeliverTask(deps: WorkerDeps): Task<"webhook_deliver"> {
  return async (payload, helpers) => {
    const deliveryId: unknown = payload?.delivery_id;
    if (typeof deliveryId !== "string") throw new Error("webhook_deliver payload needs delivery_id");
    const [delivery] = await deps.pg<DeliveryRow[]>`
      select d.id, d.tenant_id, d.event, d.subject_id, d.body, d.status, d.attempts, d.created_at, w.url, w.secret_encrypted,
             (w.deleted_at is not null) as webhook_deleted
      from webhook_deliveries d join webhooks w on w.id = d.webhook_id where d.id = ${deliveryId}`;
    if (delivery?.status !== "pending") return;
    if (delivery.webhook_deleted) {
      await deps.pg`update webhook_deliveries set status = 'failed', error = 'webhook_deleted' where id = ${deliveryId}`;
      return;
    }
    let body = delivery.body;
    if (body === null) {
      body = JSON.stringify({
        id: delivery.id,
        type: delivery.event,
        created_at: new Date(delivery.created_at).toISOString(),
        data: await eventData(deps, delivery),
      });
      await deps.pg`update webhook_deliveries set body = ${body} where id = ${deliveryId}`;
    }

    const secret = deps.secretBox.open(delivery.secret_encrypted, delivery.tenant_id);
    let responseStatus: number | null = null;
    let error: string;
    try {
      const response = await requestTarget(
        {
          url: delivery.url,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Penaxtra-Webhooks/1",
            "x-penaxtra-event": delivery.event,
            "x-penaxtra-delivery": delivery.id,
            "x-penaxtra-signature": signWebhook(secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          timeoutMs: TIMEOUT_MS,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        },
        deps.targetPolicy,
      );
      responseStatus = response.status;
      if (response.status >= 200 && response.status < 300) {
        await deps.pg`update webhook_deliveries set status = 'delivered', attempts = attempts + 1, response_status = ${response.status}, error = null, delivered_at = now()
                       where id = ${deliveryId}`;
        webhookDeliveries.inc({ outcome: "delivered" });
        deps.log.info(
          { delivery_id: deliveryId, tenant_id: delivery.tenant_id, event: delivery.event, status: response.status },
          "webhook delivered",
        );
        return;
      }
      error = `HTTP ${response.status}`;
    } catch (caught) {
      error = (caught as Error).message;
    }
    const lastTry = !helpers?.job || helpers.job.attempts >= helpers.job.max_attempts;
    await deps.pg`update webhook_deliveries set attempts = attempts + 1, response_status = ${responseStatus}, error = ${error},
                     status = ${lastTry ? "failed" : "pending"} where id = ${deliveryId}`;
    webhookDeliveries.inc({ outcome: lastTry ? "failed" : "retrying" });
    deps.log.warn(
      { delivery_id: deliveryId, tenant_id: delivery.tenant_id, event: delivery.event, error, last_try: lastTry },
      lastTry ? "webhook delivery failed for good" : "webhook delivery failed; it will be retried",
    );
    if (!lastTry) throw new Error(`webhook delivery ${deliveryId} failed: ${error}`);
  };
}

async function eventData(deps: WorkerDeps, delivery: DeliveryRow): Promise<unknown> {
  const { db } = deps;
  if (delivery.event === "scan.completed") {
    const [row] = await db.select(scanColumns).from(scans).where(eq(scans.id, delivery.subject_id));
    return row ? toScan(row) : { id: delivery.subject_id };
  }
  if (delivery.event === "rag_run.completed") {
    const [row] = await db.select().from(ragRuns).where(eq(ragRuns.id, delivery.subject_id));
    return row ? toRagRun(row) : { id: delivery.subject_id };
  }
  const [row] = await db.select().from(findings).where(eq(findings.id, delivery.subject_id));
  return row ? toFinding(row) : { id: delivery.subject_id };
}
