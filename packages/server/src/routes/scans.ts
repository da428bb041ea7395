import { probes } from "@penaxtra/engine";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { scanAttempts, scans } from "../db/schema.ts";
import { cancelScanRoute, createScanRoute, documentInfo, exportScanRoute, getScanRoute, listScansRoute } from "../generated/contract.ts";
import { toJunit } from "../exports/junit.ts";
import { toSarif } from "../exports/sarif.ts";
import { loadScanExport } from "../exports/scan-export.ts";
import { ApiError, badRequest, notFound, rateLimited } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { validationHook } from "../http/validation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { enqueueScanPlan, planScan } from "../scans/plan.ts";
import { withLiveProgress } from "../scans/live-progress.ts";
import { toScan } from "../scans/present.ts";
import { idempotent } from "../http/idempotency.ts";

const ACTIVE_STATUSES = ["queued", "running", "judging"];
const knownProbeIds = new Set(probes.map((probe) => probe.id));

export function registerScanRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(
    createScanRoute,
    async (c) => {
      const identity = identityOf(c);
      const body = c.req.valid("json");
      const create = () => createScan(c, identity, body);
      return idempotent(c, deps.sql, identity.tenantId, "createScan", body, create) as ReturnType<typeof create>;
    },
    validationHook({
      endpoint_id: "invalid_endpoint_id",
      probe_ids: (issue) => (issue.code === "too_big" && issue.path.length === 1 ? "too_many_probe_ids" : "invalid_probe_ids"),
    }),
  );

  async function createScan(c: Context, identity: ReturnType<typeof identityOf>, body: { endpoint_id: string; probe_ids?: string[] | null }) {
    const probeIds = body.probe_ids ? [...new Set(body.probe_ids)] : null;
    const unknown = probeIds?.filter((id) => !knownProbeIds.has(id)) ?? [];
    if (unknown.length) throw badRequest("invalid_probe_ids", { unknown_probe_ids: unknown });

    const plan = planScan(probeIds, deps.config.scanBatchSize);
    // One round trip on the path to the first request: the endpoint; a token from the tenant's
    // scan-creation bucket, taken only when the endpoint exists; the scan row, only when granted.
    const bucket = { key: `scan_create:${identity.tenantId}`, capacity: deps.config.scanCreatesPerMinute, refillPerSecond: deps.config.scanCreatesPerMinute / 60 };
    const [created] = await deps.sql<Array<{ endpoint_id: string; limits: { concurrency: number; requests_per_minute: number }; allowed: boolean; retry_after_seconds: number; scan_id: string | null }>>`
      with endpoint as (
        select id, limits from endpoints
        where id = ${body.endpoint_id} and tenant_id = ${identity.tenantId} and status = 'active' and deleted_at is null),
      bucket as (
        select t.allowed, t.retry_after_seconds from endpoint cross join lateral penaxtra_take_token(${bucket.key}, ${bucket.capacity}, ${bucket.refillPerSecond}) t),
      scan as (
        insert into scans (tenant_id, endpoint_id, status, probe_ids, attempts_total, requested_by_token_id)
        select ${identity.tenantId}, endpoint.id, 'queued', ${probeIds}::text[], ${plan.attemptsTotal}, ${identity.tokenId}
        from endpoint cross join bucket where bucket.allowed
        returning id)
      select endpoint.id as endpoint_id, endpoint.limits, bucket.allowed, bucket.retry_after_seconds, (select id from scan) as scan_id
      from endpoint cross join bucket`;
    if (!created) throw notFound("endpoint_not_found_or_inactive");
    if (!created.allowed) throw rateLimited(created.retry_after_seconds);
    const scanId = created.scan_id!;
    try {
      const { concurrency, requests_per_minute } = created.limits;
      await enqueueScanPlan(deps.queue, { id: scanId, tenantId: identity.tenantId, endpoint: { id: created.endpoint_id, concurrency, requests_per_minute } }, plan);
    } catch (error) {
      deps.log.error({ err: error, scanId }, "could not enqueue scan");
      await db.update(scans).set({ status: "failed", error: "enqueue_failed", completedAt: new Date() }).where(eq(scans.id, scanId));
      await recordRequestEvent(db, c, { action: "scan.enqueue_failed", result: "failure", targetKind: "scan", targetId: scanId, details: { message: (error as Error).message } });
      return c.json({ error: "enqueue_failed" as const, scan_id: scanId }, 502);
    }
    await recordRequestEvent(db, c, { action: "scan.started", targetKind: "scan", targetId: scanId, details: { endpoint_id: created.endpoint_id, probe_count: probeIds?.length ?? null } });
    return c.json(
      { accepted: true as const, scan_id: scanId, endpoint_id: created.endpoint_id, probe_count: probeIds?.length ?? null, poll: `/api/v2/scans/${scanId}` },
      202,
    );
  }

  app.openapi(listScansRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(scans)
      .where(
        and(
          eq(scans.tenantId, identity.tenantId),
          query.status ? eq(scans.status, query.status) : undefined,
          query.endpoint_id ? eq(scans.endpointId, query.endpoint_id) : undefined,
          afterCursor(decodeCursor(query.cursor), scans.createdAt, scans.id),
        ),
      )
      .orderBy(desc(scans.createdAt), desc(scans.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: (await withLiveProgress(db, result.data)).map(toScan), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getScanRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const [row] = await db.select().from(scans).where(and(eq(scans.id, id), eq(scans.tenantId, identity.tenantId)));
    if (!row) throw notFound("scan_not_found");
    const [current] = await withLiveProgress(db, [row]);
    return c.json(toScan(current!), 200);
  });

  app.openapi(cancelScanRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const [cancelled] = await db
      .update(scans)
      .set({ status: "cancelled", completedAt: sql`now()` })
      .where(and(eq(scans.id, id), eq(scans.tenantId, identity.tenantId), inArray(scans.status, ACTIVE_STATUSES)))
      .returning();
    if (cancelled) {
      await recordRequestEvent(db, c, { action: "scan.cancelled", targetKind: "scan", targetId: id });
      const [current] = await withLiveProgress(db, [cancelled]);
      return c.json(toScan(current!), 202);
    }
    const [existing] = await db.select({ status: scans.status }).from(scans).where(and(eq(scans.id, id), eq(scans.tenantId, identity.tenantId)));
    if (!existing) throw notFound("scan_not_found");
    throw new ApiError(409, "scan_not_cancellable", { status: existing.status });
  });

  app.openapi(exportScanRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const loaded = await loadScanExport(deps.sql, identity.tenantId, id);
    if (!loaded) throw notFound("scan_not_found");
    const filename = `penaxtra-scan-${id}.${format === "sarif" ? "sarif" : "xml"}`;
    c.header("content-disposition", `attachment; filename="${filename}"`);
    if (format === "sarif") return c.body(JSON.stringify(toSarif(loaded, documentInfo.info.version), null, 2), 200, { "content-type": "application/sarif+json" }) as never;
    return c.body(toJunit(loaded), 200, { "content-type": "application/xml; charset=utf-8" }) as never;
  });
}
