// A report's document (schema_version "1"): the findings in scope, a summary, and per framework
// each control (risk ref) with the findings mapped to it. Its PDF: report-pdf.ts.
import type { z } from "@hono/zod-openapi";
import { type FrameworkId, frameworks } from "@penaxtra/engine";
import { and, asc, eq, gte, inArray, lt, notInArray, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { findings } from "../db/schema.ts";
import { toFinding } from "../findings/present.ts";
import type { SeveritySchema } from "../generated/contract.ts";

type Severity = z.infer<typeof SeveritySchema>;

export const REPORT_SCHEMA_VERSION = "1";
// A report is a document people read: past this many findings it should be narrowed by scope.
export const MAX_REPORT_FINDINGS = 10_000;
const DISMISSED = ["false_positive", "accepted_risk"] as const;

export interface ReportRequest {
  title: string;
  frameworks: FrameworkId[];
  severities: Severity[] | null;
  scope: { scan_ids?: string[]; endpoint_ids?: string[]; ai_asset_ids?: string[]; from?: string; to?: string };
}

type FindingView = ReturnType<typeof toFinding>;

export async function buildReportDocument(db: Database, tenantId: string, reportId: string, request: ReportRequest) {
  const { scope } = request;
  const subject: SQL[] = [
    ...(scope.scan_ids?.length ? [inArray(findings.scanId, scope.scan_ids)] : []),
    ...(scope.endpoint_ids?.length ? [inArray(findings.endpointId, scope.endpoint_ids)] : []),
    ...(scope.ai_asset_ids?.length ? [inArray(findings.aiAssetId, scope.ai_asset_ids)] : []),
  ];
  const inScope = and(
    eq(findings.tenantId, tenantId),
    subject.length ? or(...subject) : undefined,
    scope.from ? gte(findings.createdAt, new Date(scope.from)) : undefined,
    scope.to ? lt(findings.createdAt, new Date(scope.to)) : undefined,
    request.severities ? inArray(findings.severity, request.severities) : undefined,
  );
  const rows = await db
    .select()
    .from(findings)
    .where(and(inScope, notInArray(findings.status, [...DISMISSED])))
    .orderBy(asc(findings.createdAt), asc(findings.id))
    .limit(MAX_REPORT_FINDINGS + 1);
  const dismissed = (
    await db
      .select({ id: findings.id })
      .from(findings)
      .where(and(inScope, inArray(findings.status, DISMISSED)))
  ).length;

  // Only findings mapped to at least one chosen framework belong in a framework report.
  const chosen = frameworks.filter((framework) => request.frameworks.includes(framework.id));
  const chosenRefs = new Set(chosen.flatMap((framework) => framework.refs.map((entry) => entry.ref)));
  const listed: FindingView[] = rows
    .map(toFinding)
    .filter((finding) => finding.risk_refs.some((ref) => chosenRefs.has(ref)));
  const truncated = listed.length > MAX_REPORT_FINDINGS;
  const shown = listed.slice(0, MAX_REPORT_FINDINGS);

  const count = (items: FindingView[], key: "severity" | "status") =>
    Object.fromEntries(
      [...new Set(items.map((item) => item[key]))]
        .sort()
        .map((value) => [value, items.filter((item) => item[key] === value).length]),
    );
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    report_id: reportId,
    title: request.title,
    generated_at: new Date().toISOString(),
    scope,
    severities: request.severities,
    summary: {
      findings: shown.length,
      by_severity: count(shown, "severity"),
      by_status: count(shown, "status"),
      dismissed,
      ...(truncated ? { truncated_at: MAX_REPORT_FINDINGS } : {}),
    },
    frameworks: chosen.map((framework) => ({
      id: framework.id,
      title: framework.title,
      edition: framework.edition,
      source_url: framework.source_url,
      controls: framework.refs.map((control) => {
        const mapped = shown.filter((finding) => finding.risk_refs.includes(control.ref));
        return {
          ref: control.ref,
          code: control.code,
          title: control.title,
          finding_count: mapped.length,
          by_severity: count(mapped, "severity"),
          finding_ids: mapped.map((finding) => finding.id),
        };
      }),
    })),
    findings: shown,
  };
}

export type ReportDocument = Awaited<ReturnType<typeof buildReportDocument>>;
