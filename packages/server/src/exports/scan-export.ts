// What a CI export needs of a scan: the scan, the probes it sent (with how their attempts ended)
// and its findings. Loaded once, turned into SARIF (sarif.ts) or JUnit (junit.ts).
import type postgres from "postgres";

export interface ExportFinding {
  id: string;
  probe_id: string;
  title: string;
  category: string;
  severity: "critical" | "high" | "medium" | "low" | "info";
  status: string;
  verdict: string;
  confidence: number;
  risk_refs: string[];
  fingerprint: string;
  lifecycle: string;
}

export interface ScanExport {
  scan: {
    id: string;
    status: string;
    /** `target_errors: ...` on a degraded completed scan (see openapi.yaml's Scan.error). */
    error: string | null;
    endpoint_id: string;
    endpoint_name: string;
    endpoint_url: string;
    created_at: Date;
    started_at: Date | null;
    completed_at: Date | null;
  };
  /** Every probe the scan sent, with its attempt counts. */
  probes: Array<{ probe_id: string; attempts: number; errored: number; latency_ms: number }>;
  /** How each strategy did ('' is the variants as written, 'adaptive' the adaptive search). */
  strategies: StrategyOutcome[];
  findings: ExportFinding[];
}

export interface StrategyOutcome {
  strategy: string;
  attempts: number;
  answered: number;
  /** Attempts the panel judged vulnerable. */
  vulnerable: number;
  /** Probes with at least one vulnerable attempt under this strategy. */
  probes_broken: number;
}

// Left out of CI exports: people have decided these are not problems.
const DISMISSED = ["false_positive", "accepted_risk"];

export async function loadScanExport(pg: postgres.Sql, tenantId: string, scanId: string): Promise<ScanExport | null> {
  const [scan] = await pg<ScanExport["scan"][]>`
    select s.id, s.status, s.error, s.endpoint_id, e.name as endpoint_name, e.url as endpoint_url, s.created_at, s.started_at, s.completed_at
    from scans s join endpoints e on e.id = s.endpoint_id where s.id = ${scanId} and s.tenant_id = ${tenantId}`;
  if (!scan) return null;
  const [probes, strategies, findings] = await Promise.all([
    pg<ScanExport["probes"]>`
      select probe_id, count(*)::int as attempts, count(*) filter (where status = 'errored')::int as errored, coalesce(sum(latency_ms), 0)::int as latency_ms
      from scan_attempts where scan_id = ${scanId} group by probe_id order by probe_id`,
    pg<StrategyOutcome[]>`
      select strategy, count(*)::int as attempts, count(*) filter (where status = 'answered')::int as answered,
             count(*) filter (where verdict = 'vulnerable')::int as vulnerable,
             count(distinct probe_id) filter (where verdict = 'vulnerable')::int as probes_broken
      from scan_attempts where scan_id = ${scanId} group by strategy order by strategy`,
    pg<ExportFinding[]>`
      select id, probe_id, title, category, severity, status, verdict, confidence, risk_refs, lifecycle, fingerprint
      from findings where scan_id = ${scanId} and tenant_id = ${tenantId} and status <> all(${DISMISSED}) order by probe_id`,
  ]);
  return { scan, probes, strategies, findings };
}
