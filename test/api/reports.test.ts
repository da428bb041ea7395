// Reports: findings in scope, mapped to the chosen frameworks, as a JSON snapshot and a PDF.
import { NotFoundError, Penaxtra } from "@penaxtra/sdk";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, insertFinding, seedTenant, startChatTarget } from "../support/fixtures.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
  ids.high = await insertFinding(ctx, a.tenantId, {
    scanId: a.scanId,
    endpointId: a.endpointId,
    severity: "high",
    status: "confirmed",
    riskRefs: ["OWASP_LLM01", "MITRE_ATLAS_AML_T0051"],
  });
  ids.low = await insertFinding(ctx, a.tenantId, {
    scanId: a.scanId,
    endpointId: a.endpointId,
    severity: "low",
    status: "needs_review",
    riskRefs: ["OWASP_LLM07"],
  });
  ids.dismissed = await insertFinding(ctx, a.tenantId, {
    scanId: a.scanId,
    endpointId: a.endpointId,
    severity: "high",
    status: "false_positive",
    riskRefs: ["OWASP_LLM01"],
  });
  ids.otherScan = await insertFinding(ctx, a.tenantId, {
    scanId: a.completedScanId,
    endpointId: a.endpointId,
    severity: "critical",
    status: "confirmed",
    riskRefs: ["OWASP_LLM01"],
  });
  ids.isoOnly = await insertFinding(ctx, a.tenantId, {
    scanId: a.scanId,
    endpointId: a.endpointId,
    severity: "high",
    status: "confirmed",
    riskRefs: ["ISO_42001_A_6_2_4"],
  });
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

const create = async (body: unknown) => {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/reports", { token: a.token, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
};
const download = (id: string, format: "json" | "pdf") =>
  ctx.request(ctx.app, "GET", `/api/v2/reports/${id}/download?format=${format}`, { token: a.token });

describe("reports", () => {
  it("maps the findings in scope to the chosen frameworks' controls, leaving dismissed ones out", async () => {
    const report = await create({
      title: "Q4 LLM review",
      frameworks: ["OWASP_LLM"],
      severities: ["critical", "high", "low"],
      scope: { scan_ids: [a.scanId] },
    });
    // In scan_ids: the seeded finding (high, open), `high` and `low`; not the dismissed one.
    expect(report).toMatchObject({
      title: "Q4 LLM review",
      frameworks: ["OWASP_LLM"],
      schema_version: "1",
      finding_count: 3,
    });
    const document = await (await download(report.id, "json")).json();
    expect(document.schema_version).toBe("1");
    expect(document.findings.map((finding: any) => finding.id).sort()).toEqual([a.findingId, ids.high, ids.low].sort());
    expect(document.summary).toEqual({
      findings: 3,
      by_severity: { high: 2, low: 1 },
      by_status: { confirmed: 1, needs_review: 1, open: 1 },
      dismissed: 1,
    });
    const controls = document.frameworks[0].controls;
    expect(controls.find((control: any) => control.ref === "OWASP_LLM01")).toMatchObject({
      code: "LLM01:2025",
      finding_count: 2,
    });
    expect(controls.find((control: any) => control.ref === "OWASP_LLM07").finding_count).toBe(1);
    expect(controls.filter((control: any) => control.finding_count === 0).length).toBe(controls.length - 2);
  });

  it("filters by severity and keeps findings of other frameworks out", async () => {
    const report = await create({ frameworks: ["OWASP_LLM", "MITRE_ATLAS"], severities: ["critical"] });
    const document = await (await download(report.id, "json")).json();
    expect(document.findings.map((finding: any) => finding.id)).toEqual([ids.otherScan]);
    const iso = await (await download((await create({ frameworks: ["ISO_42001"] })).id, "json")).json();
    expect(iso.findings.map((finding: any) => finding.id)).toEqual([ids.isoOnly]);
  });

  it("is a snapshot: a later change to a finding does not change it", async () => {
    const report = await create({ frameworks: ["OWASP_LLM"], scope: { scan_ids: [a.scanId] } });
    await ctx.request(ctx.app, "PATCH", `/api/v2/findings/${ids.low}`, {
      token: a.token,
      body: { status: "false_positive" },
    });
    const document = await (await download(report.id, "json")).json();
    expect(document.findings.map((finding: any) => finding.id)).toContain(ids.low);
  });

  it("renders a well-formed PDF", async () => {
    const report = await create({ title: "Board (summary) report", frameworks: ["OWASP_LLM", "EU_AI_ACT"] });
    const response = await download(report.id, "pdf");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    // The cross-reference table is where the trailer says, and every object is where it says.
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(pdf).toContain("(Board \\(summary\\) report) Tj");
    expect(pdf).toContain("LLM01:2025");
  });

  it("answers 404 for another tenant's report", async () => {
    const report = await create({ frameworks: ["OWASP_LLM"] });
    const b = await seedTenant(ctx, target.url);
    const response = await ctx.request(ctx.app, "GET", `/api/v2/reports/${report.id}/download`, { token: b.token });
    expect(response.status).toBe(404);
  });

  it("is reachable through the SDK: create, document, PDF, typed 404", async () => {
    const penaxtra = new Penaxtra({
      baseUrl: "http://penaxtra.local",
      apiKey: a.token,
      fetch: async (request) => ctx.app.fetch(request),
    });
    const report = await penaxtra.reports.create({ frameworks: ["MITRE_ATLAS"] });
    expect((await penaxtra.reports.document(report.id)).report_id).toBe(report.id);
    expect(new TextDecoder("latin1").decode((await penaxtra.reports.pdf(report.id)).slice(0, 8))).toBe("%PDF-1.4");
    await expect(penaxtra.reports.pdf(crypto.randomUUID())).rejects.toMatchObject({
      constructor: NotFoundError,
      code: "report_not_found",
    });
  });
});
