// Findings of a scan, written by each batch for the probes it ran, as soon as its answers are
// saved: one finding per probe that worked, pointing at the attempt the meta-judge was surest of as
// evidence (its prompt and answer are read from there), with every judge's vote. Below the tenant's confidence threshold a finding goes to human
// review instead of being confirmed. A unique (scan, probe) index makes a retry write nothing twice,
// and the same statement stamps the probes' attempts as recorded, which is what closing waits for.
// The first of these statements to see every planned attempt recorded moves the scan to `judging`.
import { type JudgeVote, type MetaVerdict, probes, type Verdict } from "@penaxtra/engine";
import type postgres from "postgres";
import { storableJson } from "./attempt-recorder.ts";

const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export interface JudgedAttempt {
  id: string;
  probe_id: string;
  variant_index: number;
  canary: string;
  status: "answered" | "errored";
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
  const split = judged.filter(
    (attempt) => attempt.verdict === "uncertain" && attempt.votes!.judges.some((vote) => vote.verdict === "vulnerable"),
  );
  return split.sort(byConfidence)[0] ?? null;
}

/**
 * `known`: every attempt of these probes as the batch just recorded them, when it ran them all;
 * otherwise they are read back.
 */
export async function recordFindings(
  sql: postgres.Sql,
  scanId: string,
  tenantId: string,
  probeIds: readonly string[],
  known?: JudgedAttempt[],
): Promise<void> {
  if (!probeIds.length) return;
  const attempts =
    known ??
    (await sql<JudgedAttempt[]>`
      select id, probe_id, variant_index, canary, status, http_status, latency_ms, verdict, confidence, votes
      from scan_attempts where scan_id = ${scanId} and probe_id in ${sql(probeIds as string[])}`);
  const byProbe = new Map<string, JudgedAttempt[]>();
  for (const attempt of attempts) byProbe.set(attempt.probe_id, [...(byProbe.get(attempt.probe_id) ?? []), attempt]);
  const planned = [...byProbe].flatMap(([probeId, probeAttempts]) => {
    const probe = probesById.get(probeId);
    const evidence = pickEvidence(probeAttempts);
    return probe && evidence ? [{ probe, evidence, probeAttempts }] : [];
  });

  // One statement writes the findings, their framework refs and their votes.
  const rows = planned.map(({ probe, evidence, probeAttempts }) => {
    const { judges, meta } = evidence.votes!;
    return {
      probe_id: probe.id,
      attempt_id: evidence.id,
      title: probe.title,
      category: probe.category,
      severity: probe.severity,
      verdict: evidence.verdict!,
      confidence: evidence.confidence ?? 0,
      risk_refs: probe.risk_refs,
      details: {
        attempt_id: evidence.id,
        variant_index: evidence.variant_index,
        canary: evidence.canary,
        http_status: evidence.http_status,
        latency_ms: evidence.latency_ms,
        variants_tested: probeAttempts.length,
        variants_vulnerable: probeAttempts.filter((attempt) => attempt.verdict === "vulnerable").length,
        variants_errored: probeAttempts.filter((attempt) => attempt.status === "errored").length,
        meta_rationale: meta.rationale,
      },
      votes: [...judges.map((vote) => ({ ...vote, kind: "judge" })), { judge: "meta", kind: "meta", ...meta }],
    };
  });
  // JSON goes in as text: the shared client's json serializer is drizzle's pass-through.
  await sql`
    with planned as (
      select * from json_to_recordset(${storableJson(rows)}::json) as p(
        probe_id text, attempt_id uuid, title text, category text, severity text, verdict text,
        confidence real, risk_refs json, details jsonb, votes jsonb)),
    scan as (
      select s.endpoint_id, t.review_confidence_threshold as threshold
      from scans s join tenants t on t.id = s.tenant_id where s.id = ${scanId} and s.tenant_id = ${tenantId}),
    inserted as (
      insert into findings (tenant_id, scan_id, endpoint_id, probe_id, title, category, severity, status, verdict, confidence, risk_refs, scan_attempt_id, evidence,
                            fingerprint, lifecycle)
      select ${tenantId}, ${scanId}, scan.endpoint_id, p.probe_id, p.title, p.category, p.severity,
             case when p.verdict = 'vulnerable' and p.confidence >= scan.threshold then 'confirmed' else 'needs_review' end,
             p.verdict, p.confidence, array(select json_array_elements_text(p.risk_refs)), p.attempt_id,
             jsonb_build_object('details', p.details), fp.fingerprint, penaxtra_finding_lifecycle(${tenantId}, fp.fingerprint)
      from planned p cross join scan
      cross join lateral (select penaxtra_finding_fingerprint(scan.endpoint_id::text, p.probe_id) as fingerprint) fp
      on conflict do nothing
      returning id, probe_id, risk_refs, created_at),
    refs as (
      insert into finding_refs (tenant_id, ref, created_at, finding_id)
      select ${tenantId}, unnest(i.risk_refs), i.created_at, i.id from inserted i),
    votes as (
      insert into judge_votes (tenant_id, finding_id, judge, kind, verdict, confidence, rationale)
      select ${tenantId}, i.id, v.judge, v.kind, v.verdict, v.confidence, v.rationale
      from inserted i
      join planned p on p.probe_id = i.probe_id
      cross join lateral rows from (jsonb_to_recordset(p.votes) as (judge text, kind text, verdict text, confidence real, rationale text))
        with ordinality as v(judge, kind, verdict, confidence, rationale, n)
      order by i.id, v.n),
    -- Every planned attempt has its answer (or error): what is left is writing findings, judging.
    judging as (
      update scans set status = 'judging'
      where id = ${scanId} and status = 'running'
        and attempts_total <= (select count(*) from scan_attempts where scan_id = ${scanId}))
    -- Done for these probes, finding or not, in the same statement (see closeScanIfDone).
    update scan_attempts set findings_recorded_at = now()
    where scan_id = ${scanId} and probe_id in ${sql(probeIds as string[])}`;
}
