// scan_finalize: the judging step. Turns the judged attempts of a scan into findings, one per probe
// that worked: the attempt the meta-judge was surest of is the evidence, its votes are stored, and a
// finding below the tenant's confidence threshold goes to human review instead of being confirmed.
// One transaction, guarded by the scan's `judging` status and a unique (scan, probe) index. Raw SQL
// with bulk inserts: a full-library scan writes a hundred findings with their refs and votes at once.
import { probes, type JudgeVote, type MetaVerdict, type Verdict } from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import { readScanPayload, type WorkerDeps } from "./worker-deps.ts";

const MAX_EVIDENCE_CHARS = 20_000;
const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export interface JudgedAttempt {
  id: string;
  probe_id: string;
  variant_index: number;
  canary: string;
  prompt: string;
  status: "pending" | "answered" | "errored";
  error: string | null;
  http_status: number | null;
  latency_ms: number | null;
  verdict: Verdict | null;
  confidence: number | null;
  votes: { judges: JudgeVote[]; meta: MetaVerdict } | null;
}

/** The attempt that best shows the probe worked, or null if none did. */
export function pickEvidence(attempts: JudgedAttempt[]): JudgedAttempt | null {
  const judged = attempts.filter((attempt) => attempt.status === "answered" && attempt.votes);
  const byConfidence = (a: JudgedAttempt, b: JudgedAttempt) => (b.confidence ?? 0) - (a.confidence ?? 0);
  const vulnerable = judged.filter((attempt) => attempt.verdict === "vulnerable").sort(byConfidence);
  if (vulnerable.length) return vulnerable[0]!;
  // A split panel (some judge says vulnerable, the meta-judge cannot tell) is for a human to settle.
  const split = judged.filter((attempt) => attempt.verdict === "uncertain" && attempt.votes!.judges.some((vote) => vote.verdict === "vulnerable"));
  return split.sort(byConfidence)[0] ?? null;
}

export function scanFinalizeTask(deps: WorkerDeps): Task {
  return async (payload) => {
    const { scan_id: scanId, tenant_id: tenantId } = readScanPayload(payload);
    await finalizeScan(deps, scanId, tenantId);
  };
}

export async function finalizeScan(deps: WorkerDeps, scanId: string, tenantId: string): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const [scan] = await tx<Array<{ status: string; endpoint_id: string; threshold: number }>>`
      select s.status, s.endpoint_id, t.review_confidence_threshold as threshold
      from scans s join tenants t on t.id = s.tenant_id
      where s.id = ${scanId} and s.tenant_id = ${tenantId} for update of s`;
    if (!scan || scan.status !== "judging") return;
    // Answers are fetched only for the attempts that become evidence: runaway-output probes
    // return hundreds of kilobytes each.
    const attempts = await tx<JudgedAttempt[]>`
      select id, probe_id, variant_index, canary, prompt, status, error, http_status, latency_ms, verdict, confidence, votes
      from scan_attempts where scan_id = ${scanId}`;

    const byProbe = new Map<string, JudgedAttempt[]>();
    for (const attempt of attempts) byProbe.set(attempt.probe_id, [...(byProbe.get(attempt.probe_id) ?? []), attempt]);
    const planned = [...byProbe].flatMap(([probeId, probeAttempts]) => {
      const probe = probesById.get(probeId);
      const evidence = pickEvidence(probeAttempts);
      return probe && evidence ? [{ probe, evidence, probeAttempts }] : [];
    });

    let created: Array<{ id: string; probe_id: string; status: string; created_at: Date }> = [];
    if (planned.length) {
      const responses = await tx<Array<{ id: string; response: string | null }>>`
        select id, left(response, ${MAX_EVIDENCE_CHARS}) as response, length(response) > ${MAX_EVIDENCE_CHARS} as truncated
        from scan_attempts where id in ${tx(planned.map((entry) => entry.evidence.id))}`;
      const responseOf = new Map(responses.map((row) => [row.id, row as { response: string | null; truncated?: boolean }]));
      const rows = planned.map(({ probe, evidence, probeAttempts }) => {
        const confidence = evidence.confidence ?? 0;
        const answer = responseOf.get(evidence.id);
        return {
          tenant_id: tenantId,
          scan_id: scanId,
          endpoint_id: scan.endpoint_id,
          probe_id: probe.id,
          title: probe.title,
          category: probe.category,
          severity: probe.severity,
          status: evidence.verdict === "vulnerable" && confidence >= scan.threshold ? "confirmed" : "needs_review",
          verdict: evidence.verdict!,
          confidence,
          risk_refs: tx.array(probe.risk_refs),
          // As text: the shared client serializes json as drizzle expects, i.e. not at all.
          evidence: JSON.stringify({
            prompt: evidence.prompt,
            response: answer?.response ?? "",
            details: {
              attempt_id: evidence.id,
              variant_index: evidence.variant_index,
              canary: evidence.canary,
              http_status: evidence.http_status,
              latency_ms: evidence.latency_ms,
              response_truncated: Boolean(answer?.truncated),
              variants_tested: probeAttempts.length,
              variants_vulnerable: probeAttempts.filter((attempt) => attempt.verdict === "vulnerable").length,
              variants_errored: probeAttempts.filter((attempt) => attempt.status === "errored").length,
              meta_rationale: evidence.votes!.meta.rationale,
            },
          }),
        };
      });
      created = await tx`insert into findings ${tx(rows)} on conflict do nothing returning id, probe_id, status, created_at`;
      const byProbeId = new Map(planned.map((entry) => [entry.probe.id, entry]));
      const refRows = created.flatMap((finding) =>
        byProbeId.get(finding.probe_id)!.probe.risk_refs.map((ref) => ({ tenant_id: tenantId, ref, created_at: finding.created_at, finding_id: finding.id })),
      );
      if (refRows.length) await tx`insert into finding_refs ${tx(refRows)}`;
      const voteRows = created.flatMap((finding) => {
        const { judges, meta } = byProbeId.get(finding.probe_id)!.evidence.votes!;
        return [
          ...judges.map((vote) => ({ tenant_id: tenantId, finding_id: finding.id, judge: vote.judge, kind: "judge", verdict: vote.verdict, confidence: vote.confidence, rationale: vote.rationale })),
          { tenant_id: tenantId, finding_id: finding.id, judge: "meta", kind: "meta", verdict: meta.verdict, confidence: meta.confidence, rationale: meta.rationale },
        ];
      });
      if (voteRows.length) await tx`insert into judge_votes ${tx(voteRows)}`;
    }

    const errored = attempts.filter((attempt) => attempt.status === "errored");
    const everyAttemptErrored = attempts.length > 0 && errored.length === attempts.length;
    const [{ findings_count: findingsCount }] = (await tx`
      update scans set
        status = ${everyAttemptErrored ? "failed" : "completed"},
        error = ${everyAttemptErrored ? `all_attempts_errored: ${errored[0]!.error}` : null},
        findings_count = (select count(*) from findings where scan_id = ${scanId}),
        attempts_done = ${attempts.filter((attempt) => attempt.status !== "pending").length},
        attempts_errored = ${errored.length},
        completed_at = now()
      where id = ${scanId}
      returning findings_count`) as unknown as [{ findings_count: number }];

    const events = [
      ...(created.length
        ? [{ action: "findings.created", result: "success", details: { count: created.length, confirmed: created.filter((f) => f.status === "confirmed").length, finding_ids: created.slice(0, 200).map((f) => f.id) } }]
        : []),
      {
        action: everyAttemptErrored ? "scan.failed" : "scan.completed",
        result: everyAttemptErrored ? "failure" : "success",
        details: { attempts_total: attempts.length, attempts_errored: errored.length, findings_count: findingsCount },
      },
    ];
    await tx`insert into audit_events ${tx(events.map((event) => ({ tenant_id: tenantId, action: event.action, result: event.result, target_kind: "scan", target_id: scanId, details: JSON.stringify(event.details) })))}`;
  });
}
