// Reports: generate a snapshot of the findings in scope mapped to chosen frameworks, list them,
// read one, download it as JSON, PDF or HTML.
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import { EXCERPT_CHARS } from "../exports/html-page.ts";
import { loadEvidenceExcerpts } from "../findings/evidence-excerpts.ts";
import {
  createReportRoute,
  documentInfo,
  downloadReportRoute,
  getReportRoute,
  listReportsRoute,
} from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";
import type { ReportDocument } from "../reports/build-report.ts";
import { toReport } from "../reports/present.ts";
import { createReport, findReport, listReports } from "../reports/queries.ts";
import { reportHtml } from "../reports/report-html.ts";
import { reportPdf } from "../reports/report-pdf.ts";

export function registerReportRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.openapi(createReportRoute, async (c) => {
    const identity = identityOf(c);
    const body = c.req.valid("json");
    const row = await changeWithAudit(
      db,
      c,
      (tx) => createReport(tx, identity.tenantId, body),
      (created) => ({
        action: "report.generated",
        targetKind: "report",
        targetId: created.id,
        details: { frameworks: created.frameworks, finding_count: created.findingCount },
      }),
    );
    return c.json(toReport(row), 201);
  });

  app.openapi(listReportsRoute, async (c) => {
    const identity = identityOf(c);
    const result = await listReports(db, identity.tenantId, c.req.valid("query"));
    return c.json({ data: result.data.map(toReport), next_cursor: result.next_cursor }, 200);
  });

  app.openapi(getReportRoute, async (c) => {
    const identity = identityOf(c);
    return c.json(toReport(await findReport(db, identity.tenantId, c.req.valid("param").id)), 200);
  });

  app.openapi(downloadReportRoute, async (c) => {
    const identity = identityOf(c);
    const row = await findReport(db, identity.tenantId, c.req.valid("param").id);
    const { format } = c.req.valid("query");
    const document = row.document as ReportDocument;
    if (format === "pdf" || format === "html") {
      c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.${format}"`);
      const evidence = await loadEvidenceExcerpts(
        deps.pg,
        identity.tenantId,
        document.findings.map((finding) => finding.id),
        EXCERPT_CHARS,
      );
      if (format === "html")
        return c.body(reportHtml(document, evidence, documentInfo.info.version), 200, {
          "content-type": "text/html; charset=utf-8",
        }) as never;
      return c.body(new Uint8Array(await reportPdf(document, evidence)), 200, {
        "content-type": "application/pdf",
      }) as never;
    }
    c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.json"`);
    return c.json(document as never, 200);
  });
}
