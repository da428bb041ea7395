// Reports: generate a snapshot of the findings in scope mapped to chosen frameworks, list them,
// read one, download it as JSON or PDF.
import type { FrameworkId } from "@penaxtra/engine";
import { and, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../app-deps.ts";
import type { App } from "../app-deps.ts";
import { recordRequestEvent } from "../audit/record-audit.ts";
import { reports } from "../db/schema.ts";
import { createReportRoute, downloadReportRoute, getReportRoute, listReportsRoute } from "../generated/contract.ts";
import { notFound } from "../errors/api-error.ts";
import { identityOf } from "../http/guard-operation.ts";
import { afterCursor, decodeCursor, page } from "../pagination/cursor.ts";
import { buildReportDocument, REPORT_SCHEMA_VERSION, reportPdf, type ReportDocument, type ReportRequest } from "../reports/build-report.ts";

type ReportRow = typeof reports.$inferSelect;

export function toReport(row: ReportRow) {
  return {
    id: row.id,
    title: row.title,
    frameworks: row.frameworks as FrameworkId[],
    severities: row.severities as Array<"high"> | null,
    scope: row.scope as ReportRequest["scope"],
    schema_version: row.schemaVersion,
    finding_count: row.findingCount,
    created_at: row.createdAt.toISOString(),
  };
}

export function registerReportRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  async function loadReport(tenantId: string, id: string): Promise<ReportRow> {
    const [row] = await db.select().from(reports).where(and(eq(reports.id, id), eq(reports.tenantId, tenantId)));
    if (!row) throw notFound("report_not_found");
    return row;
  }

  app.openapi(createReportRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const request: ReportRequest = {
      title: body.title ?? `Findings by framework: ${[...new Set(body.frameworks)].join(", ")}`,
      frameworks: [...new Set(body.frameworks)],
      severities: body.severities ? [...new Set(body.severities)] : null,
      scope: body.scope ?? {},
    };
    const id = crypto.randomUUID();
    const document = await buildReportDocument(db, identity.tenantId, id, request);
    const [row] = await db
      .insert(reports)
      .values({
        id,
        tenantId: identity.tenantId,
        title: request.title,
        frameworks: request.frameworks,
        severities: request.severities,
        scope: request.scope,
        schemaVersion: REPORT_SCHEMA_VERSION,
        findingCount: document.summary.findings,
        document,
      })
      .returning();
    await recordRequestEvent(db, c, { action: "report.generated", targetKind: "report", targetId: id, details: { frameworks: request.frameworks, finding_count: document.summary.findings } });
    return c.json(toReport(row!), 201);
  });

  app.openapi(listReportsRoute, async (c) => {
    const identity = identityOf(c);
    const query = c.req.valid("query");
    const rows = await db
      .select()
      .from(reports)
      .where(and(eq(reports.tenantId, identity.tenantId), afterCursor(decodeCursor(query.cursor), reports.createdAt, reports.id)))
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(query.limit + 1);
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return c.json({ data: result.data.map(toReport), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getReportRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toReport(await loadReport(identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(downloadReportRoute, async (c) => {
    const identity = identityOf(c);
    const row = await loadReport(identity.tenantId, c.req.valid("param").id);
    const { format } = c.req.valid("query");
    const document = row.document as ReportDocument;
    if (format === "pdf") {
      c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.pdf"`);
      return c.body(new Uint8Array(reportPdf(document)), 200, { "content-type": "application/pdf" }) as never;
    }
    c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.json"`);
    return c.json(document as never, 200);
  });
}
