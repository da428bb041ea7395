// A RAG run's findings (one per failed test) with their framework refs and votes, and the fixing of
// earlier runs' findings whose test passed now. Both run inside the run's closing transaction.
import type postgres from "postgres";
import type { findings } from "../schema.ts";
import type { SqlRow } from "../sql-row.ts";
import { storableJson } from "../storable-text.ts";

type Sql = postgres.Sql | postgres.TransactionSql;

export type RagFindingToWrite = Pick<
  SqlRow<typeof findings>,
  "probe_id" | "title" | "category" | "severity" | "risk_refs"
> & {
  evidence: { prompt: string; response: string; details: Record<string, unknown> };
  /** The deciding observation, recorded as the vote's rationale. */
  rationale: string;
};

/**
 * RAG verdicts are exact matches (a canary, a foreign document, an injected marker), so the
 * findings are confirmed with full confidence; the vote records the deciding observation.
 */
export async function writeRagFindings(
  tx: Sql,
  run: { id: string; tenantId: string; aiAssetId: string },
  rows: readonly RagFindingToWrite[],
): Promise<string[]> {
  const inserted = await tx<Array<{ id: string }>>`
    with planned as (
      select * from json_to_recordset(${storableJson(rows)}::json)
        as p(probe_id text, title text, category text, severity text, risk_refs json, evidence jsonb, rationale text)),
    inserted as (
      insert into findings (tenant_id, rag_run_id, ai_asset_id, probe_id, title, category, severity, status, verdict, confidence, risk_refs, evidence,
                            fingerprint, lifecycle)
      select ${run.tenantId}, ${run.id}, ${run.aiAssetId}, p.probe_id, p.title, p.category, p.severity, 'confirmed', 'vulnerable', 1,
             array(select json_array_elements_text(p.risk_refs)), p.evidence, fp.fingerprint, penaxtra_finding_lifecycle(${run.tenantId}, fp.fingerprint)
      from planned p
      cross join lateral (select penaxtra_finding_fingerprint('rag:' || ${run.aiAssetId}, p.probe_id) as fingerprint) fp
      on conflict do nothing
      returning id, probe_id, risk_refs, created_at),
    refs as (
      insert into finding_refs (tenant_id, ref, created_at, finding_id)
      select ${run.tenantId}, unnest(i.risk_refs), i.created_at, i.id from inserted i),
    votes as (
      insert into judge_votes (tenant_id, finding_id, judge, kind, verdict, confidence, rationale)
      select ${run.tenantId}, i.id, v.judge, v.kind, 'vulnerable', 1, p.rationale
      from inserted i join planned p on p.probe_id = i.probe_id
      cross join (values ('exact_match', 'judge', 1), ('meta', 'meta', 2)) as v(judge, kind, n)
      order by i.id, v.n)
    select id from inserted`;
  return inserted.map((row) => row.id);
}

/**
 * Findings of the asset's earlier runs whose test passed now: fixed (the latest of each
 * fingerprint, looked up per test, so the cost does not grow with the asset's history).
 */
export async function markRagFindingsFixed(
  tx: Sql,
  run: { id: string; tenantId: string; aiAssetId: string },
  passedTestIds: readonly string[],
): Promise<void> {
  if (!passedTestIds.length) return;
  await tx`
    update findings old set lifecycle = 'fixed', updated_at = now()
    from unnest(${passedTestIds as string[]}::text[]) as passed(test_id)
    cross join lateral (
      select latest.id from findings latest
      where latest.tenant_id = ${run.tenantId} and latest.fingerprint = penaxtra_finding_fingerprint('rag:' || ${run.aiAssetId}, passed.test_id)
      order by latest.created_at desc, latest.id desc limit 1) latest
    where old.id = latest.id and old.rag_run_id <> ${run.id} and old.lifecycle <> 'fixed'`;
}
