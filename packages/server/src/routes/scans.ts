import type { Context } from "hono";
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import type { TokenIdentity } from "../auth/tokens.ts";
import { notFound } from "../errors/api-error.ts";
import { toJunit } from "../exports/junit.ts";
import { toSarif } from "../exports/sarif.ts";
import { loadScanExport } from "../exports/scan-export.ts";
import { loadScanHtmlReport, toScanHtml } from "../exports/scan-html.ts";
import {
  cancelScanRoute,
  createScanRoute,
  documentInfo,
  exportScanRoute,
  getScanRoute,
  listScansRoute,
  streamScanEventsRoute,
} from "../generated/contract.ts";
import { eventStream } from "../http/event-stream.ts";
import { identityOf } from "../http/guard-operation.ts";
import { validationHook } from "../http/validation.ts";
import { withLiveProgress } from "../scans/live-progress.ts";
import { toScan } from "../scans/present.ts";
import {
  cancelScan,
  closeUnqueuedScan,
  createQueuedScan,
  enqueueCreatedScan,
  findScan,
  listScans,
  type ScanCreate,
} from "../scans/queries.ts";
import { scanEventReader } from "../scans/scan-events.ts";

export function registerScanRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(
    createScanRoute,
    async (c) => {
      const identity = identityOf(c);
      const body = c.req.valid("json");
      return createScan(c, identity, body);
    },
    validationHook({
      endpoint_id: "invalid_endpoint_id",
      probe_ids: (issue) =>
        issue.code === "too_big" && issue.path.length === 1 ? "too_many_probe_ids" : "invalid_probe_ids",
    }),
  );

  async function createScan(c: Context, identity: TokenIdentity, body: ScanCreate) {
    const scan = await createQueuedScan(deps, { ...identity, requestId: c.get("requestId") }, body);
    const failure = await enqueueCreatedScan(deps, identity.tenantId, scan);
    if (failure) {
      await changeWithAudit(
        db,
        c,
        (tx) => closeUnqueuedScan(tx, scan.id),
        () => ({
          action: "scan.enqueue_failed",
          result: "failure",
          targetKind: "scan",
          targetId: scan.id,
          details: { message: failure.message },
        }),
      );
      return c.json({ error: "enqueue_failed" as const, scan_id: scan.id }, 502);
    }
    deps.log.info(
      {
        scan_id: scan.id,
        tenant_id: identity.tenantId,
        endpoint_id: scan.endpoint.id,
        attempts_total: scan.plan.attemptsTotal,
        request_id: c.get("requestId") ?? null,
      },
      "scan queued",
    );
    return c.json(
      {
        accepted: true as const,
        scan_id: scan.id,
        endpoint_id: scan.endpoint.id,
        probe_count: scan.probeCount,
        poll: `/api/v2/scans/${scan.id}`,
      },
      202,
    );
  }

  app.openapi(listScansRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listScans(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toScan), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getScanRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toScan(await findScan(db, identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(cancelScanRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const cancelled = await changeWithAudit(
      db,
      c,
      (tx) => cancelScan(tx, identity.tenantId, id),
      () => ({ action: "scan.cancelled", targetKind: "scan", targetId: id }),
    );
    const [current] = await withLiveProgress(db, [cancelled]);
    return c.json(toScan(current!), 202);
  });

  app.openapi(streamScanEventsRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const read = scanEventReader(db, identity.tenantId, id);
    // Read once before the stream starts: a missing scan is a JSON 404.
    return eventStream(c, deps, { kind: "scan", id, read, first: await read() }) as never;
  });

  app.openapi(exportScanRoute, async (c) => {
    const identity = identityOf(c);
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    if (format === "html") {
      const report = await loadScanHtmlReport(deps.pg, identity.tenantId, id);
      if (!report) throw notFound("scan_not_found");
      c.header("content-disposition", `attachment; filename="penaxtra-scan-${id}.html"`);
      return c.body(toScanHtml(report, documentInfo.info.version), 200, {
        "content-type": "text/html; charset=utf-8",
      }) as never;
    }
    const loaded = await loadScanExport(deps.pg, identity.tenantId, id);
    if (!loaded) throw notFound("scan_not_found");
    const filename = `penaxtra-scan-${id}.${format === "sarif" ? "sarif" : "xml"}`;
    c.header("content-disposition", `attachment; filename="${filename}"`);
    if (format === "sarif")
      return c.body(JSON.stringify(toSarif(loaded, documentInfo.info.version), null, 2), 200, {
        "content-type": "application/sarif+json",
      }) as never;
    return c.body(toJunit(loaded), 200, { "content-type": "application/xml; charset=utf-8" }) as never;
  });
}
