// Writes a scan's findings for the probes a batch ran, with their framework refs and every judge's
// vote, and stamps those probes' attempts as recorded, in one statement. Below the tenant's
// confidence threshold a finding goes to human review instead of being confirmed. A unique
// (scan, probe) index makes a retry write nothing twice. The stamp is what closing waits for
// (close-scan.ts); the first statement to see every planned attempt answered moves the scan to
// `judging`.
import type postgres from "postgres";
import type { findings } from "../schema.ts";
import type { SqlRow } from "../sql-row.ts";
import { storableJson } from "../storable-text.ts";

type FindingColumns = SqlRow<typeof findings>;

export interface VoteToWrite {
  judge: string;
  kind: "judge" | "meta";
  verdict: FindingColumns["verdict"];
  confidence: number;
  rationale: string;
}

export type ScanFindingToWrite = Pick<
  FindingColumns,
  "probe_id" | "title" | "category" | "severity" | "verdict" | "confidence" | "risk_refs"
> & {
  /** The attempt shown as evidence: its prompt and answer are read from there, not copied. */
  attempt_id: string;
  details: Record<string, unknown>;
  votes: VoteToWrite[];
};

export async function writeScanFindings(
  pg: postgres.Sql,
  scan: { id: string; tenantId: string },
  probeIds: readonly string[],
  rows: readonly ScanFindingToWrite[],
): Promise<void> {
  // JSON goes in as text: the shared client's json serializer is drizzle's pass-through.
  await pg`
    with planned as (
      select * from json_to_recordset(${storableJson(rows)}::json) as p(
        probe_id text, attempt_id uuid, title text, category text, severity text, verdict text,
        confidence real, risk_refs json, details jsonb, votes jsonb)),
    scan as (
      select s.endpoint_id, t.review_confidence_threshold as threshold
      from scans s join tenants t on t.id = s.tenant_id where s.id = ${scan.id} and s.tenant_id = ${scan.tenantId}),
    inserted as (
      insert into findings (tenant_id, scan_id, endpoint_id, probe_id, title, category, severity, status, verdict, confidence, risk_refs, scan_attempt_id, evidence,
                            fingerprint, lifecycle)
      select ${scan.tenantId}, ${scan.id}, scan.endpoint_id, p.probe_id, p.title, p.category, p.severity,
             case when p.verdict = 'vulnerable' and p.confidence >= scan.threshold then 'confirmed' else 'needs_review' end,
             p.verdict, p.confidence, array(select json_array_elements_text(p.risk_refs)), p.attempt_id,
             jsonb_build_object('details', p.details), fp.fingerprint, penaxtra_finding_lifecycle(${scan.tenantId}, fp.fingerprint)
      from planned p cross join scan
      cross join lateral (select penaxtra_finding_fingerprint(scan.endpoint_id::text, p.probe_id) as fingerprint) fp
      on conflict do nothing
      returning id, probe_id, risk_refs, created_at),
    refs as (
      insert into finding_refs (tenant_id, ref, created_at, finding_id)
      select ${scan.tenantId}, unnest(i.risk_refs), i.created_at, i.id from inserted i),
    votes as (
      insert into judge_votes (tenant_id, finding_id, judge, kind, verdict, confidence, rationale)
      select ${scan.tenantId}, i.id, v.judge, v.kind, v.verdict, v.confidence, v.rationale
      from inserted i
      join planned p on p.probe_id = i.probe_id
      cross join lateral rows from (jsonb_to_recordset(p.votes) as (judge text, kind text, verdict text, confidence real, rationale text))
        with ordinality as v(judge, kind, verdict, confidence, rationale, n)
      order by i.id, v.n),
    -- Every planned attempt has its answer (or error): what is left is writing findings, judging.
    judging as (
      update scans set status = 'judging'
      where id = ${scan.id} and status = 'running'
        and attempts_total <= (select count(*) from scan_attempts where scan_id = ${scan.id}))
    -- Done for these probes, finding or not, in the same statement (see closeScanIfDone).
    update scan_attempts set findings_recorded_at = now()
    where scan_id = ${scan.id} and probe_id in ${pg(probeIds as string[])}`;
}
