// Reports: generate a snapshot of the findings in scope mapped to chosen frameworks, list them,
// read one, download it as JSON or PDF.
import type { App, AppDeps } from "../app-deps.ts";
import { changeWithAudit } from "../audit/record-audit.ts";
import { createReportRoute, downloadReportRoute, getReportRoute, listReportsRoute } from "../generated/contract.ts";
import { identityOf } from "../http/guard-operation.ts";
import type { ReportDocument } from "../reports/build-report.ts";
import { toReport } from "../reports/present.ts";
import { createReport, findReport, listReports, loadEvidenceExcerpts } from "../reports/queries.ts";
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
    if (format === "pdf") {
      c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.pdf"`);
      const evidence = await loadEvidenceExcerpts(
        deps.pg,
        identity.tenantId,
        document.findings.map((finding) => finding.id),
      );
      return c.body(new Uint8Array(await reportPdf(document, evidence)), 200, {
        "content-type": "application/pdf",
      }) as never;
    }
    c.header("content-disposition", `attachment; filename="penaxtra-report-${row.id}.json"`);
    return c.json(document as never, 200);
  });
}
