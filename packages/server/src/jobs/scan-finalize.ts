// scan_finalize: the judging step. Turns the judged attempts of a scan into findings, one per probe
// that worked: the attempt the meta-judge was surest of is the evidence, its votes are stored, and a
// finding below the tenant's confidence threshold goes to human review instead of being confirmed.
// One transaction, guarded by the scan's `judging` status and a unique (scan, probe) index.
import { probes, type JudgeVote, type MetaVerdict } from "@penaxtra/engine";
import { and, eq, sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { recordAudit } from "../audit/record-audit.ts";
import { findingRefs, findings, judgeVotes, scanAttempts, scans, tenants } from "../db/schema.ts";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

const MAX_EVIDENCE_CHARS = 20_000;
const probesById = new Map(probes.map((probe) => [probe.id, probe]));

type Attempt = typeof scanAttempts.$inferSelect;
interface StoredVotes {
  judges: JudgeVote[];
  meta: MetaVerdict;
}

/** The attempt that best shows the probe worked, or null if none did. */
export function pickEvidence(attempts: Attempt[]): Attempt | null {
  const judged = attempts.filter((attempt) => attempt.status === "answered" && attempt.votes);
  const byConfidence = (a: Attempt, b: Attempt) => (b.confidence ?? 0) - (a.confidence ?? 0);
  const vulnerable = judged.filter((attempt) => attempt.verdict === "vulnerable").sort(byConfidence);
  if (vulnerable.length) return vulnerable[0]!;
  // A split panel (some judge says vulnerable, the meta-judge cannot tell) is for a human to settle.
  const split = judged.filter((attempt) => attempt.verdict === "uncertain" && (attempt.votes as StoredVotes).judges.some((vote) => vote.verdict === "vulnerable"));
  return split.sort(byConfidence)[0] ?? null;
}

export function scanFinalizeTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await deps.db.transaction(async (tx) => {
      const [scan] = await tx.select().from(scans).where(and(eq(scans.id, scanId), eq(scans.tenantId, tenantId))).for("update");
      if (!scan || scan.status !== "judging") return;
      const [tenant] = await tx.select({ threshold: tenants.reviewConfidenceThreshold }).from(tenants).where(eq(tenants.id, tenantId));
      const attempts = await tx.select().from(scanAttempts).where(eq(scanAttempts.scanId, scanId));

      const byProbe = new Map<string, Attempt[]>();
      for (const attempt of attempts) byProbe.set(attempt.probeId, [...(byProbe.get(attempt.probeId) ?? []), attempt]);

      // One finding per probe that worked; inserted together, then their refs and votes together.
      const planned = [...byProbe].flatMap(([probeId, probeAttempts]) => {
        const probe = probesById.get(probeId);
        const evidence = pickEvidence(probeAttempts);
        return probe && evidence ? [{ probe, evidence, probeAttempts }] : [];
      });
      const threshold = tenant?.threshold ?? 0.7;
      const inserted = planned.length
        ? await tx
            .insert(findings)
            .values(
              planned.map(({ probe, evidence, probeAttempts }) => {
                const confidence = evidence.confidence ?? 0;
                const response = evidence.response ?? "";
                return {
                  tenantId,
                  scanId,
                  endpointId: scan.endpointId,
                  probeId: probe.id,
                  title: probe.title,
                  category: probe.category,
                  severity: probe.severity,
                  status: evidence.verdict === "vulnerable" && confidence >= threshold ? "confirmed" : "needs_review",
                  verdict: evidence.verdict!,
                  confidence,
                  riskRefs: probe.risk_refs,
                  evidence: {
                    prompt: evidence.prompt,
                    response: response.slice(0, MAX_EVIDENCE_CHARS),
                    details: {
                      attempt_id: evidence.id,
                      variant_index: evidence.variantIndex,
                      canary: evidence.canary,
                      http_status: evidence.httpStatus,
                      latency_ms: evidence.latencyMs,
                      response_truncated: response.length > MAX_EVIDENCE_CHARS,
                      variants_tested: probeAttempts.length,
                      variants_vulnerable: probeAttempts.filter((attempt) => attempt.verdict === "vulnerable").length,
                      variants_errored: probeAttempts.filter((attempt) => attempt.status === "errored").length,
                      meta_rationale: (evidence.votes as StoredVotes).meta.rationale,
                    },
                  },
                };
              }),
            )
            .onConflictDoNothing()
            .returning({ id: findings.id, probeId: findings.probeId, status: findings.status, createdAt: findings.createdAt })
        : [];
      const plannedByProbe = new Map(planned.map((entry) => [entry.probe.id, entry]));
      const refRows = inserted.flatMap((finding) => plannedByProbe.get(finding.probeId)!.probe.risk_refs.map((ref) => ({ tenantId, ref, createdAt: finding.createdAt, findingId: finding.id })));
      if (refRows.length) await tx.insert(findingRefs).values(refRows);
      const voteRows = inserted.flatMap((finding) => {
        const stored = plannedByProbe.get(finding.probeId)!.evidence.votes as StoredVotes;
        return [
          ...stored.judges.map((vote) => ({ tenantId, findingId: finding.id, judge: vote.judge, kind: "judge", verdict: vote.verdict, confidence: vote.confidence, rationale: vote.rationale })),
          { tenantId, findingId: finding.id, judge: "meta", kind: "meta", verdict: stored.meta.verdict, confidence: stored.meta.confidence, rationale: stored.meta.rationale },
        ];
      });
      if (voteRows.length) await tx.insert(judgeVotes).values(voteRows);
      const created = inserted;

      const [{ count: findingsCount }] = (await tx.execute<{ count: number }>(sql`select count(*)::int as count from findings where scan_id = ${scanId}`)) as unknown as [{ count: number }];
      const errored = attempts.filter((attempt) => attempt.status === "errored");
      const everyAttemptErrored = attempts.length > 0 && errored.length === attempts.length;
      await tx
        .update(scans)
        .set({
          status: everyAttemptErrored ? "failed" : "completed",
          error: everyAttemptErrored ? `all_attempts_errored: ${errored[0]!.error}` : null,
          findingsCount,
          attemptsDone: attempts.filter((attempt) => attempt.status !== "pending").length,
          attemptsErrored: errored.length,
          completedAt: new Date(),
        })
        .where(eq(scans.id, scanId));

      if (created.length) {
        await recordAudit(tx, {
          tenantId,
          action: "findings.created",
          result: "success",
          targetKind: "scan",
          targetId: scanId,
          details: { count: created.length, confirmed: created.filter((f) => f.status === "confirmed").length, finding_ids: created.slice(0, 200).map((f) => f.id) },
        });
      }
      await recordAudit(tx, {
        tenantId,
        action: everyAttemptErrored ? "scan.failed" : "scan.completed",
        result: everyAttemptErrored ? "failure" : "success",
        targetKind: "scan",
        targetId: scanId,
        details: { attempts_total: attempts.length, attempts_errored: errored.length, findings_count: findingsCount },
      });
    });
  };
}
