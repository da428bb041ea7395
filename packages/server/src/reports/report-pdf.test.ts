// The PDF of a large report is drawn in slices: other work of the API process runs while it is
// being drawn (an ordering check, not a timing one).
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "./build-report.ts";
import { reportPdf } from "./report-pdf.ts";

const finding = (index: number) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
  title: `Finding ${index}`,
  severity: "high",
  status: "confirmed",
  lifecycle: "new",
  probe_id: "prompt-injection-basic",
  category: "prompt_injection",
  confidence: 0.9,
  risk_refs: ["OWASP_LLM01"],
  created_at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
});

const document = {
  schema_version: "1",
  report_id: "r",
  title: "Large",
  generated_at: "2026-12-01T00:00:00.000Z",
  scope: {},
  severities: null,
  summary: { findings: 100, by_severity: { high: 100 }, by_status: { confirmed: 100 }, dismissed: 0 },
  frameworks: [],
  findings: Array.from({ length: 100 }, (_, index) => finding(index)),
} as unknown as ReportDocument;

describe("reportPdf", () => {
  it("lets other work run while it draws a report of many findings", async () => {
    let finished = false;
    let ranWhileDrawing = false;
    const pending = reportPdf(document).then((pdf) => ((finished = true), pdf));
    setImmediate(() => (ranWhileDrawing = !finished));
    const pdf = await pending;
    expect(ranWhileDrawing).toBe(true);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
