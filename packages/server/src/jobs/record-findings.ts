// Findings of a scan, written by each batch for the probes it ran, as soon as its answers are
// saved: one finding per probe that worked, pointing at the attempt the meta-judge was surest of as
// evidence, with every judge's vote (the statement: db/statements/write-scan-findings.ts).
import { type AttemptConversation, type JudgeVote, type MetaVerdict, type Probe, probes } from "@penaxtra/engine";
import type postgres from "postgres";
import type { scanAttempts } from "../db/schema.ts";
import type { SqlRow } from "../db/sql-row.ts";
import { type ScanFindingToWrite, writeScanFindings } from "../db/statements/write-scan-findings.ts";

const probesById = new Map(probes.map((probe) => [probe.id, probe]));

export type JudgedAttempt = Pick<
  SqlRow<typeof scanAttempts>,
  | "id"
  | "probe_id"
  | "variant_index"
  | "strategy"
  | "canary"
  | "status"
  | "http_status"
  | "latency_ms"
  | "verdict"
  | "confidence"
> & {
  votes: { judges: JudgeVote[]; meta: MetaVerdict } | null;
  conversation?: AttemptConversation | null;
};

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
  pg: postgres.Sql,
  scanId: string,
  tenantId: string,
  probeIds: readonly string[],
  known?: JudgedAttempt[],
): Promise<void> {
  if (!probeIds.length) return;
  const attempts =
    known ??
    (await pg<JudgedAttempt[]>`
      select id, probe_id, variant_index, strategy, canary, status, http_status, latency_ms, verdict, confidence, votes,
             conversation
      from scan_attempts where scan_id = ${scanId} and probe_id in ${pg(probeIds as string[])}`);
  // The tenant's own probes of this scan, as it was created with them.
  const custom = probeIds.some((id) => !probesById.has(id))
    ? ((await pg<Array<{ custom: Probe[] | null }>>`select custom_probes as custom from scans where id = ${scanId}`)[0]
        ?.custom ?? [])
    : [];
  const byProbe = new Map<string, JudgedAttempt[]>();
  for (const attempt of attempts) byProbe.set(attempt.probe_id, [...(byProbe.get(attempt.probe_id) ?? []), attempt]);
  const planned = [...byProbe].flatMap(([probeId, probeAttempts]) => {
    const probe = probesById.get(probeId) ?? custom.find((candidate) => candidate.id === probeId);
    const evidence = pickEvidence(probeAttempts);
    return probe && evidence ? [{ probe, evidence, probeAttempts }] : [];
  });

  const rows = planned.map(({ probe, evidence, probeAttempts }): ScanFindingToWrite => {
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
        strategy: evidence.strategy || null,
        ...(evidence.conversation?.lineage
          ? { lineage: evidence.conversation.lineage, adaptive_tries: evidence.conversation.tries }
          : {}),
        canary: evidence.canary,
        http_status: evidence.http_status,
        latency_ms: evidence.latency_ms,
        variants_tested: probeAttempts.length,
        variants_vulnerable: probeAttempts.filter((attempt) => attempt.verdict === "vulnerable").length,
        variants_errored: probeAttempts.filter((attempt) => attempt.status === "errored").length,
        meta_rationale: meta.rationale,
      },
      votes: [
        ...judges.map((vote) => ({ ...vote, kind: "judge" as const })),
        { judge: "meta", kind: "meta" as const, ...meta },
      ],
    };
  });
  await writeScanFindings(pg, { id: scanId, tenantId }, probeIds, rows);
}
