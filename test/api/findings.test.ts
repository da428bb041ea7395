import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Fixtures, insertFinding, seedTenant, startChatTarget } from "../support/fixtures.ts";

let ctx: TestContext;
let a: Fixtures;
let target: Awaited<ReturnType<typeof startChatTarget>>;
const base = new Date("2026-01-01T00:00:00.000Z").getTime();

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  target = await startChatTarget();
  a = await seedTenant(ctx, target.url);
  const severities = ["critical", "high", "medium", "low", "info"] as const;
  for (let i = 0; i < 25; i++) {
    await insertFinding(ctx, a.tenantId, {
      scanId: a.completedScanId,
      endpointId: a.endpointId,
      severity: severities[i % 5],
      status: i % 2 ? "open" : "confirmed",
      riskRefs: i % 3 ? ["OWASP_LLM01"] : ["OWASP_LLM07", "EU_AI_ACT_Art15"],
      // Pairs share a timestamp so the id tie-break of the cursor is exercised.
      createdAt: new Date(base + Math.floor(i / 2) * 1000),
    });
  }
});
afterAll(async () => {
  await target.close();
  await ctx.cleanup();
});

const list = async (query: string) => {
  const response = await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${a.completedScanId}&${query}`, {
    token: a.token,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: Array<Record<string, any>>; next_cursor: string | null };
};

describe("GET /api/v2/findings", () => {
  it("pages through every finding exactly once, newest first", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.data.map((finding) => finding.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(25);
    const all = await list("limit=200");
    expect(all.data.map((finding) => finding.id)).toEqual(seen);
    const times = all.data.map((finding) => Date.parse(finding.created_at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it.each([
    ["severity=critical", 5, (f: any) => f.severity === "critical"],
    ["severity=high,critical", 10, (f: any) => ["high", "critical"].includes(f.severity)],
    ["status=confirmed", 13, (f: any) => f.status === "confirmed"],
    ["framework_ref=OWASP_LLM07", 9, (f: any) => f.risk_refs.includes("OWASP_LLM07")],
    [
      "framework_ref=OWASP_LLM07&severity=critical",
      2,
      (f: any) => f.risk_refs.includes("OWASP_LLM07") && f.severity === "critical",
    ],
    [`from=${new Date(base + 10_000).toISOString()}`, 5, (f: any) => Date.parse(f.created_at) >= base + 10_000],
    [`to=${new Date(base + 2_000).toISOString()}`, 4, (f: any) => Date.parse(f.created_at) < base + 2_000],
  ])("filters %s", async (query, count, predicate) => {
    const page = await list(`limit=200&${query}`);
    expect(page.data).toHaveLength(count);
    expect(page.data.every(predicate)).toBe(true);
  });

  it("pages a framework_ref filter with the cursor too", async () => {
    const first = await list("limit=5&framework_ref=OWASP_LLM07");
    const second = await list(`limit=5&framework_ref=OWASP_LLM07&cursor=${first.next_cursor}`);
    expect(second.data).toHaveLength(4);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((f) => f.id)).size).toBe(9);
  });

  it.each(["severity=urgent", "framework_ref=NOT_A_FRAMEWORK", "from=yesterday", "limit=201", "cursor=!!"])(
    "rejects %s with 400",
    async (query) => {
      const response = await ctx.request(ctx.app, "GET", `/api/v2/findings?${query}`, { token: a.token });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe("invalid_query");
    },
  );

  it("rejects a forged cursor with invalid_cursor", async () => {
    const response = await ctx.request(
      ctx.app,
      "GET",
      `/api/v2/findings?cursor=${Buffer.from("nonsense").toString("base64url")}`,
      { token: a.token },
    );
    expect(await response.json()).toEqual({ error: "invalid_cursor" });
  });
});

describe("GET and PATCH /api/v2/findings/{id}", () => {
  it("shows evidence and every judge vote", async () => {
    const finding = await (
      await ctx.request(ctx.app, "GET", `/api/v2/findings/${a.findingId}`, { token: a.token })
    ).json();
    expect(finding.evidence).toEqual({ prompt: "Ignore previous instructions", response: "CANARY-1" });
    expect(finding.judge_votes.map((vote: any) => [vote.judge, vote.kind])).toEqual([
      ["detector", "judge"],
      ["meta", "meta"],
    ]);
  });

  it("says what to change: the remediation of the finding's category, with references", async () => {
    const finding = await (
      await ctx.request(ctx.app, "GET", `/api/v2/findings/${a.findingId}`, { token: a.token })
    ).json();
    expect(finding.category).toBe("prompt_injection");
    expect(finding.remediation.summary).toMatch(/instructions/);
    expect(finding.remediation.steps.length).toBeGreaterThanOrEqual(2);
    expect(finding.remediation.references[0]).toEqual({
      title: expect.stringContaining("LLM01"),
      url: expect.stringMatching(/^https:\/\/genai\.owasp\.org\//),
    });
  });

  it("changes status and audits before and after", async () => {
    const response = await ctx.request(ctx.app, "PATCH", `/api/v2/findings/${a.findingId}`, {
      token: a.token,
      body: { status: "false_positive", note: "test fixture" },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("false_positive");
    const audit = await (
      await ctx.request(ctx.app, "GET", "/api/v2/audit?action=finding.status_changed", { token: a.token })
    ).json();
    expect(audit.data[0]).toMatchObject({
      target_kind: "finding",
      target_id: a.findingId,
      result: "success",
      details: { before: "open", after: "false_positive", note: "test fixture" },
    });
  });

  it.each([
    ["a NUL character", "dismissed\u0000"],
    ["a lone surrogate", "dismissed \ud800 here"],
  ])("refuses a note with %s with 400, changing nothing and writing no audit row", async (_name, note) => {
    const before = await (
      await ctx.request(ctx.app, "GET", `/api/v2/findings/${a.findingId}`, { token: a.token })
    ).json();
    const audited = async () =>
      (
        await ctx.pg`select count(*)::int as n from audit_events where action = 'finding.status_changed' and target_id = ${a.findingId}`
      )[0]!.n;
    const auditedBefore = await audited();
    // Raw JSON text: a lone surrogate cannot be sent through JSON.stringify unchanged.
    const response = await ctx.app.request(`/api/v2/findings/${a.findingId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
      body: `{"status":"accepted_risk","note":"${note.replace("\u0000", "\\u0000").replace("\ud800", "\\ud800")}"}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request", issues: [{ path: "note" }] });
    const after = await (
      await ctx.request(ctx.app, "GET", `/api/v2/findings/${a.findingId}`, { token: a.token })
    ).json();
    expect(after.status).toBe(before.status);
    expect(await audited()).toBe(auditedBefore);
  });

  it.each([{ status: "closed" }, {}, { status: "fixed", extra: true }])("rejects %j", async (body) => {
    const response = await ctx.request(ctx.app, "PATCH", `/api/v2/findings/${a.findingId}`, { token: a.token, body });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_request");
  });
});
