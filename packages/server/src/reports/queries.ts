// The reports of a tenant: generate one (a snapshot of the findings in scope), list them, read one.
import type { z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/connection.ts";
import { reports } from "../db/schema.ts";
import { notFound } from "../errors/api-error.ts";
import type { listReportsRoute, ReportCreateSchema } from "../generated/contract.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { buildReportDocument, REPORT_SCHEMA_VERSION, type ReportRequest } from "./build-report.ts";
import type { ReportRow } from "./present.ts";

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
