// The reports of a tenant: generate one (a snapshot of the findings in scope), list them, read one.
import type { z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "../db/connection.ts";
import { reports } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import { EXCERPT_CHARS } from "../exports/html-page.ts";
import type { listReportsRoute, ReportCreateSchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { buildReportDocument, REPORT_SCHEMA_VERSION, type ReportRequest } from "./build-report.ts";
import type { ReportRow } from "./present.ts";
import type { EvidenceExcerpt } from "./report-pdf.ts";

export type ReportListQuery = z.output<typeof listReportsRoute.request.query>;
export type ReportCreate = z.output<typeof ReportCreateSchema>;

/** The request as stored: duplicates dropped, a title made up from the frameworks when none is given. */
function reportRequestOf(body: ReportCreate): ReportRequest {
  return {
    title: body.title ?? `Findings by framework: ${[...new Set(body.frameworks)].join(", ")}`,
    frameworks: [...new Set(body.frameworks)],
    severities: body.severities ? [...new Set(body.severities)] : null,
    scope: body.scope ?? {},
  };
}

/** Builds the document now and stores it with the request: the report does not change when findings do. */
export async function createReport(db: Database, tenantId: string, body: ReportCreate): Promise<ReportRow> {
  const request = reportRequestOf(body);
  const id = crypto.randomUUID();
  const document = await buildReportDocument(db, tenantId, id, request);
  const [row] = await db
    .insert(reports)
    .values({
      id,
      tenantId,
      title: request.title,
      frameworks: request.frameworks,
      severities: request.severities,
      scope: request.scope,
      schemaVersion: REPORT_SCHEMA_VERSION,
      findingCount: document.summary.findings,
      document,
    })
    .returning();
  return row!;
}

/** A page of the tenant's reports, newest first. */
export async function listReports(db: Database, tenantId: string, query: ReportListQuery) {
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), afterCursor(decodeCursor(query.cursor), reports.createdAt, reports.id)))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

/** The report, unless it is another tenant's: then 404 report_not_found. */
export async function findReport(db: Database, tenantId: string, id: string): Promise<ReportRow> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.tenantId, tenantId)));
  if (!row) throw notFound("report_not_found");
  return row;
}

/** Each finding's prompt and answer as the API shows them: a scan finding's from its evidence attempt. */
export async function loadEvidenceExcerpts(
  pg: postgres.Sql,
  tenantId: string,
  findingIds: string[],
): Promise<Map<string, EvidenceExcerpt>> {
  if (!findingIds.length) return new Map();
  const rows = await pg<
    Array<{ id: string; prompt: string; prompt_chars: number; response: string; response_chars: number }>
  >`
    with evidence as (
      select f.id, coalesce(a.prompt, f.evidence->>'prompt', '') as prompt,
             coalesce(a.response, f.evidence->>'response', '') as response
      from findings f left join scan_attempts a on a.id = f.scan_attempt_id and a.tenant_id = f.tenant_id
      where f.tenant_id = ${tenantId} and f.id = any(${findingIds}::uuid[]))
    select id, left(prompt, ${EXCERPT_CHARS}) as prompt, length(prompt) as prompt_chars,
           left(response, ${EXCERPT_CHARS}) as response, length(response) as response_chars
    from evidence`;
  return new Map(
    rows.map((row) => [
      row.id,
      { prompt: row.prompt, promptChars: row.prompt_chars, response: row.response, responseChars: row.response_chars },
    ]),
  );
}
