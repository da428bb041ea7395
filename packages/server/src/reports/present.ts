// A report row as the API shows it (the Report schema of openapi.yaml): its request and counts, not
// its document (GET /reports/{id}/download).
import type { z } from "@hono/zod-openapi";
import type { FrameworkId } from "@penaxtra/engine";
import type { reports } from "../db/schema.ts";
import type { SeveritySchema } from "../generated/contract.ts";
import type { ReportRequest } from "./build-report.ts";

export type ReportRow = typeof reports.$inferSelect;

export function toReport(row: ReportRow) {
  return {
    id: row.id,
    title: row.title,
    frameworks: row.frameworks as FrameworkId[],
    severities: row.severities as Array<z.output<typeof SeveritySchema>> | null,
    scope: row.scope as ReportRequest["scope"],
    schema_version: row.schemaVersion,
    finding_count: row.findingCount,
    created_at: row.createdAt.toISOString(),
  };
}
