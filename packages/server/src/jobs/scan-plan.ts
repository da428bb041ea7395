// scan_run: the first job of a scan. Plans every (probe, variant) attempt with its own canary,
// splits them into batches and enqueues one scan_batch job per batch, all in one transaction:
// either the whole plan exists or none of it does, and a retried plan finds it already made.
import { makeCanary, probes, renderPayload } from "@penaxtra/engine";
import { and, eq } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { recordAudit } from "../audit/record-audit.ts";
import { endpoints, scanAttempts, scans } from "../db/schema.ts";
import { addJobsStatement, addJobStatement } from "./job-queue.ts";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

export function scanPlanTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.db.transaction(async (tx) => {
      const [scan] = await tx.select().from(scans).where(and(eq(scans.id, scanId), eq(scans.tenantId, tenantId))).for("update");
      // Any other status means the plan already committed (with its batch jobs) or the scan ended.
      if (!scan || scan.status !== "queued") return;

      const [endpoint] = await tx.select().from(endpoints).where(and(eq(endpoints.id, scan.endpointId), eq(endpoints.tenantId, tenantId)));
      if (!endpoint || endpoint.deletedAt || endpoint.status !== "active") {
        await tx.update(scans).set({ status: "failed", error: "endpoint_unavailable", completedAt: new Date() }).where(eq(scans.id, scanId));
        await recordAudit(tx, { tenantId, action: "scan.failed", result: "failure", targetKind: "scan", targetId: scanId, details: { error: "endpoint_unavailable" } });
        return;
      }

      const selected = scan.probeIds ? probes.filter((probe) => scan.probeIds!.includes(probe.id)) : probes;
      const batchSize = deps.config.scanBatchSize;
      const planned = selected.flatMap((probe) =>
        probe.variants.map((_, variantIndex) => {
          const canary = makeCanary();
          return { probe, variantIndex, canary, prompt: renderPayload(probe, variantIndex, canary) };
        }),
      );
      const rows = planned.map((attempt, index) => ({
        tenantId,
        scanId,
        batch: Math.floor(index / batchSize),
        probeId: attempt.probe.id,
        variantIndex: attempt.variantIndex,
        canary: attempt.canary,
        prompt: attempt.prompt,
      }));
      if (rows.length) await tx.insert(scanAttempts).values(rows).onConflictDoNothing();

      const batchCount = Math.ceil(rows.length / batchSize);
      await tx.update(scans).set({ status: "running", attemptsTotal: rows.length, startedAt: new Date() }).where(eq(scans.id, scanId));
      if (batchCount) {
        const batches = Array.from({ length: batchCount }, (_, batch) => ({ payload: { scan_id: scanId, tenant_id: tenantId, batch }, jobKey: `scan:${scanId}:batch:${batch}` }));
        await tx.execute(addJobsStatement("scan_batch", batches, { maxAttempts: 10 }));
      }
      if (!batchCount) {
        await tx.update(scans).set({ status: "judging" }).where(eq(scans.id, scanId));
        await tx.execute(addJobStatement("scan_finalize", { scan_id: scanId, tenant_id: tenantId }, { jobKey: `scan:${scanId}:finalize` }));
      }
    });
  };
}
