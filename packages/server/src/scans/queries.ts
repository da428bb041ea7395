// The scans of a tenant: start one (the row and its plan's jobs), list them, read one, cancel one.
import type { z } from "@hono/zod-openapi";
import { bindProbe, type EndpointPurpose, type Probe, probes } from "@penaxtra/engine";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type postgres from "postgres";
import type { TokenIdentity } from "../auth/tokens.ts";
import type { ServerConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import { scans } from "../db/schema.ts";
import { ApiError, badRequest, notFound, rateLimited } from "../errors/api-error.ts";
import type { listScansRoute, ScanCreateSchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import type { JobQueue } from "../queue/job-queue.ts";
import type { ScanBatchPayload } from "../queue/payloads.ts";
import { CREATION_WINDOW_SECONDS } from "../rate-limit/take-token.ts";
import { attackOptions } from "./attack-options.ts";
import { withLiveProgress } from "./live-progress.ts";
import { enqueueScanPlan, planScan, type ScanPlan } from "./plan.ts";
import { type ScanRow, scanColumns } from "./present.ts";

export type ScanListQuery = z.output<typeof listScansRoute.request.query>;
export type ScanCreate = z.output<typeof ScanCreateSchema>;

const ACTIVE_STATUSES = ["queued", "running", "judging"] as const;
const knownProbeIds = new Set(probes.map((probe) => probe.id));
const MAX_CUSTOM_PROBE_CHARS = 2_000_000;

/** A created scan, queued but not yet enqueued. */
export interface CreatedScan {
  id: string;
  endpoint: NonNullable<ScanBatchPayload["endpoint"]>;
  /** Number of probes requested; null when all probes. */
  probeCount: number | null;
  plan: ScanPlan;
  batchSize: number;
  /** The queue priority of its batches: how many other scans of the tenant are sending (scans/plan.ts). */
  priority: number;
}

/** The endpoint's declared purpose (null when it declares none, or is not the tenant's: the insert then 404s). */
async function endpointPurpose(
  pg: postgres.Sql,
  tenantId: string,
  endpointId: string,
): Promise<EndpointPurpose | null> {
  const [row] = await pg<Array<{ purpose: EndpointPurpose | null }>>`
    select purpose from endpoints where id = ${endpointId} and tenant_id = ${tenantId}`;
  return row?.purpose ?? null;
}

/**
 * The probes asked for, each once (null for the whole library), and the tenant's own among them;
 * 400 when neither the library nor the tenant has some.
 */
async function requestedProbes(
  pg: postgres.Sql,
  tenantId: string,
  probeIds: string[] | null | undefined,
): Promise<{ probeIds: string[] | null; custom: Probe[] }> {
  // Omitted, null or empty: every probe (as documented), stored as null.
  const unique = probeIds?.length ? [...new Set(probeIds)] : null;
  const notBuiltIn = unique?.filter((id) => !knownProbeIds.has(id)) ?? [];
  const custom = notBuiltIn.length
    ? (
        await pg<Array<{ definition: Probe }>>`
          select definition from custom_probes where tenant_id = ${tenantId} and probe_id in ${pg(notBuiltIn)}`
      ).map((row) => row.definition)
    : [];
  const unknown = notBuiltIn.filter((id) => !custom.some((probe) => probe.id === id));
  if (unknown.length) throw badRequest("invalid_probe_ids", { unknown_probe_ids: unknown });
  // Every batch of the scan reads the copy it keeps of them: bounded, whatever the tenant wrote.
  const copied = JSON.stringify(custom).length;
  if (copied > MAX_CUSTOM_PROBE_CHARS)
    throw badRequest("invalid_probe_ids", {
      message: `the custom probes named come to ${copied} characters; one scan takes at most ${MAX_CUSTOM_PROBE_CHARS}`,
    });
  return { probeIds: unique, custom };
}

/**
 * Plans the scan and inserts it `queued`, with its `scan.started` audit row in the same statement.
 * 404 endpoint_not_found_or_inactive unless the endpoint is the tenant's and active; 429 when the
 * tenant created its six scans (PENAXTRA_SCAN_CREATES_PER_MINUTE) in the last 60 seconds.
 */
export async function createQueuedScan(
  deps: {
    pg: postgres.Sql;
    config: Pick<ServerConfig, "scanBatchSize" | "scanCreatesPerMinute"> & Partial<Pick<ServerConfig, "attacker">>;
  },
  requester: Pick<TokenIdentity, "tenantId" | "tokenId"> & { requestId: string },
  body: ScanCreate,
): Promise<CreatedScan> {
  const attack = attackOptions(body, Boolean(deps.config.attacker));
  const { probeIds, custom } = await requestedProbes(deps.pg, requester.tenantId, body.probe_ids);
  const purpose = await endpointPurpose(deps.pg, requester.tenantId, body.endpoint_id);
  const unbound = [...probes, ...custom].filter(
    (probe) => probeIds?.includes(probe.id) && probe.requires && !bindProbe(probe, purpose),
  );
  if (unbound.length)
    throw badRequest("invalid_probe_ids", {
      needs_purpose: unbound.map((probe) => probe.id),
      message:
        "these probes are written against the endpoint's purpose (and competitors): declare them on the endpoint",
    });
  const plan = planScan(probeIds, deps.config.scanBatchSize, {
    strategies: attack.strategies,
    adaptive: attack.adaptive !== null,
    custom,
    purpose,
  });
  // One round trip on the path to the first request: the endpoint; a token from the tenant's
  // scan-creation window (six in any 60 seconds), taken only when the endpoint exists; the scan row, only when granted.
  const windowKey = `scan_create:${requester.tenantId}`;
  const probeCount = probeIds?.length ?? null;
  const [created] = await deps.pg<
    Array<{
      endpoint_id: string;
      limits: { concurrency: number; requests_per_minute: number };
      allowed: boolean;
      retry_after_seconds: number;
      scan_id: string | null;
      sending: number;
    }>
  >`
    with endpoint as (
      select id, limits from endpoints
      where id = ${body.endpoint_id} and tenant_id = ${requester.tenantId} and status = 'active' and deleted_at is null),
    take as (
      select t.allowed, t.retry_after_seconds from endpoint cross join lateral penaxtra_take_window(${windowKey}, ${deps.config.scanCreatesPerMinute}, ${CREATION_WINDOW_SECONDS.scans}) t),
    scan as (
      insert into scans (tenant_id, endpoint_id, status, probe_ids, strategies, adaptive, custom_probes, attempts_total,
                         requested_by_token_id)
      select ${requester.tenantId}, endpoint.id, 'queued', ${probeIds}::text[], ${attack.strategies}::text[],
        ${attack.adaptive ? JSON.stringify(attack.adaptive) : null}::jsonb,
        ${custom.length ? JSON.stringify(custom) : null}::jsonb, ${plan.attemptsTotal}, ${requester.tokenId}
      from endpoint cross join take where take.allowed
      returning id, endpoint_id),
    audited as (
      insert into audit_events (tenant_id, token_id, request_id, action, result, target_kind, target_id, details)
      select ${requester.tenantId}, ${requester.tokenId}, ${requester.requestId}, 'scan.started', 'success', 'scan', scan.id,
        jsonb_build_object('endpoint_id', scan.endpoint_id, 'probe_count', ${probeCount}::int)
      from scan)
    select endpoint.id as endpoint_id, endpoint.limits, take.allowed, take.retry_after_seconds, (select id from scan) as scan_id,
      (select count(*)::int from scans where tenant_id = ${requester.tenantId} and status in ('queued', 'running')) as sending
    from endpoint cross join take`;
  if (!created) throw notFound("endpoint_not_found_or_inactive");
  if (!created.allowed) throw rateLimited(created.retry_after_seconds);
  const { concurrency, requests_per_minute } = created.limits;
  return {
    id: created.scan_id!,
    endpoint: { id: created.endpoint_id, concurrency, requests_per_minute },
    probeCount,
    plan,
    batchSize: deps.config.scanBatchSize,
    priority: created.sending,
  };
}

/** Queues the scan's batch jobs; returns the error when that fails, for `closeUnqueuedScan`. */
export async function enqueueCreatedScan(
  deps: { queue: JobQueue; log: Logger },
  tenantId: string,
  scan: CreatedScan,
): Promise<Error | undefined> {
  try {
    await enqueueScanPlan(deps.queue, { id: scan.id, tenantId, endpoint: scan.endpoint }, scan.plan, scan);
    return undefined;
  } catch (error) {
    deps.log.error({ err: error, scanId: scan.id }, "could not enqueue scan");
    return error as Error;
  }
}

/** Closes a scan whose jobs could not be queued `failed` (enqueue_failed); it stays addressable. */
export async function closeUnqueuedScan(db: Database, scanId: string): Promise<void> {
  await db
    .update(scans)
    .set({ status: "failed", error: "enqueue_failed", completedAt: new Date() })
    .where(eq(scans.id, scanId));
}

/** A page of the tenant's scans, newest first, with the live progress of those not finished. */
export async function listScans(db: Database, tenantId: string, query: ScanListQuery) {
  const rows = await db
    .select(scanColumns)
    .from(scans)
    .where(
      and(
        eq(scans.tenantId, tenantId),
        query.status ? eq(scans.status, query.status) : undefined,
        query.endpoint_id ? eq(scans.endpointId, query.endpoint_id) : undefined,
        afterCursor(decodeCursor(query.cursor), scans.createdAt, scans.id),
      ),
    )
    .orderBy(desc(scans.createdAt), desc(scans.id))
    .limit(query.limit + 1);
  const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return { data: await withLiveProgress(db, result.data), next_cursor: result.next_cursor };
}

/** The scan with its live progress, unless it is another tenant's: then 404 scan_not_found. */
export async function findScan(db: Database, tenantId: string, id: string): Promise<ScanRow> {
  const [row] = await db
    .select(scanColumns)
    .from(scans)
    .where(and(eq(scans.id, id), eq(scans.tenantId, tenantId)));
  if (!row) throw notFound("scan_not_found");
  const [current] = await withLiveProgress(db, [row]);
  return current!;
}

/**
 * Marks a queued, running or judging scan cancelled (workers stop picking up its batches) and
 * returns it as stored. 404 scan_not_found; 409 scan_not_cancellable once it has finished.
 */
export async function cancelScan(db: Database, tenantId: string, id: string): Promise<ScanRow> {
  const [cancelled] = await db
    .update(scans)
    .set({ status: "cancelled", completedAt: sql`now()` })
    .where(and(eq(scans.id, id), eq(scans.tenantId, tenantId), inArray(scans.status, ACTIVE_STATUSES)))
    .returning(scanColumns);
  if (cancelled) return cancelled;
  const [existing] = await db
    .select({ status: scans.status })
    .from(scans)
    .where(and(eq(scans.id, id), eq(scans.tenantId, tenantId)));
  if (!existing) throw notFound("scan_not_found");
  throw new ApiError(409, "scan_not_cancellable", { status: existing.status });
}
