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

  it("renders a PDF whose text says what the report says, non-ASCII, every finding and its remediation included", async () => {
    // More findings on one control than the old writer listed (20): every one must be in the PDF.
    const c = await seedTenant(ctx, target.url);
    const many = [c.findingId];
    for (let i = 0; i < 25; i++)
      many.push(
        await insertFinding(ctx, c.tenantId, { scanId: c.scanId, endpointId: c.endpointId, riskRefs: ["OWASP_LLM01"] }),
      );
    const title = "Full scan — “quoted” ü, Ωmega ✓";
    const created = await ctx.request(ctx.app, "POST", "/api/v2/reports", {
      token: c.token,
      body: { title, frameworks: ["OWASP_LLM", "EU_AI_ACT"] },
    });
    expect(created.status).toBe(201);
    const report = await created.json();
    const response = await ctx.request(ctx.app, "GET", `/api/v2/reports/${report.id}/download?format=pdf`, {
      token: c.token,
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { extractText, getMeta } = await import("unpdf");
    const { info } = await getMeta(bytes.slice());
    expect(info).toMatchObject({ Title: title, Author: "Penaxtra" });
    const { totalPages, text } = await extractText(bytes.slice(), { mergePages: true });
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain(title);
    expect(text).not.toContain("?quoted?");
    expect(text).toContain("LLM01:2025");
    expect(text).toContain("Ignore previous instructions");
    expect(text).toContain("What to change");
    expect(text).not.toMatch(/and \d+ more \(see the JSON report\)/);
    // The EU AI Act's edition once appeared twice in its heading.
    expect(text).toContain("EU Artificial Intelligence Act (Regulation (EU) 2024/1689)");
    expect(text).not.toContain("2024/1689) (2024/1689)");
    expect(text).toContain("OWASP Top 10 for LLM Applications (2025)");
    const flat = text.replace(/\s+/g, "");
    for (const id of many) expect(flat).toContain(id);
  });

  it("downloads as one self-contained HTML page with every finding, its evidence and remediation, text escaped", async () => {
    const c = await seedTenant(ctx, target.url);
    await ctx.pg`update findings set evidence = jsonb_set(evidence, '{response}', to_jsonb(${"<script>alert(1)</script>"}::text))
                 where id = ${c.findingId}`;
    const report = await (
      await ctx.request(ctx.app, "POST", "/api/v2/reports", {
        token: c.token,
        body: { title: "Q4 <b>review</b>", frameworks: ["OWASP_LLM", "EU_AI_ACT"] },
      })
    ).json();
    const penaxtra = new Penaxtra({
      baseUrl: "http://penaxtra.local",
      apiKey: c.token,
      fetch: async (request) => ctx.app.fetch(request),
    });
    const html = await penaxtra.reports.html(report.id);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain("Q4 &lt;b&gt;review&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(`id="f-${c.findingId}"`);
    expect(html).toContain("What to change");
    expect(html).toContain("EU Artificial Intelligence Act (Regulation (EU) 2024/1689)</h2>");
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
    expect(new TextDecoder("latin1").decode((await penaxtra.reports.pdf(report.id)).slice(0, 5))).toBe("%PDF-");
    await expect(penaxtra.reports.pdf(crypto.randomUUID())).rejects.toMatchObject({
      constructor: NotFoundError,
      code: "report_not_found",
    });
  });
});
