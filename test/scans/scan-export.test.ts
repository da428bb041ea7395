// CI exports of a real scan: SARIF 2.1.0 and JUnit, consistent with the scan's findings, with
// fingerprints that stay the same from one scan of an endpoint to the next.
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCountingTarget } from "../support/fixtures.ts";
import { createEndpoint, createScan, waitForScan } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
let target: TargetSimulator;
let endpointId: string;
// One probe of each category, so the vulnerable simulator gives findings of several severities.
const probeIds = [...new Map(probes.map((probe) => [probe.category, probe.id])).values()].slice(0, 8);

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
  target = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  endpointId = await createEndpoint(ctx, token, target.chatCompletionsUrl);
});
afterAll(async () => {
  await target.stop();
  await ctx.cleanup();
});

async function scanned() {
  const scan = await waitForScan(ctx, token, await createScan(ctx, token, endpointId, probeIds));
  const findings = (
    await (await ctx.request(ctx.app, "GET", `/api/v2/findings?scan_id=${scan.id}&limit=100`, { token })).json()
  ).data;
  return { scan, findings };
}

const exported = async (scanId: string, format: "sarif" | "junit" | "html") => {
  const response = await ctx.request(ctx.app, "GET", `/api/v2/scans/${scanId}/export?format=${format}`, { token });
  expect(response.status).toBe(200);
  return response;
};

const escapedHtml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[char]!);

describe("scan exports", () => {
  it("exports SARIF 2.1.0 with one result per finding and fingerprints stable across scans", async () => {
    const first = await scanned();
    expect(first.findings.length).toBeGreaterThan(0);
    const response = await exported(first.scan.id, "sarif");
    expect(response.headers.get("content-type")).toBe("application/sarif+json");
    const sarif = await response.json();
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    expect(run.results).toHaveLength(first.findings.length);
    expect(run.tool.driver.rules.map((rule: any) => rule.id).sort()).toEqual(
      [...new Set(first.findings.map((finding: any) => finding.probe_id))].sort(),
    );
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(target.chatCompletionsUrl);
    }

    const second = await scanned();
    const again = (await (await exported(second.scan.id, "sarif")).json()).runs[0];
    const fingerprints = (results: any[]) =>
      Object.fromEntries(results.map((result) => [result.ruleId, result.partialFingerprints["penaxtra/v1"]]));
    expect(fingerprints(again.results)).toEqual(fingerprints(run.results));
  });

  it("exports JUnit with a failing case per confirmed finding", async () => {
    const { scan, findings } = await scanned();
    const xml = await (await exported(scan.id, "junit")).text();
    const confirmed = findings.filter((finding: any) => finding.status === "confirmed").length;
    const review = findings.filter((finding: any) => finding.status === "needs_review").length;
    expect(xml).toMatch(
      new RegExp(
        `<testsuites name="[^"]+" tests="${probeIds.length}" failures="${confirmed}" errors="${review}" skipped="0"`,
      ),
    );
    expect(xml.match(/<testcase /g)).toHaveLength(probeIds.length);
    expect(xml.match(/<failure /g) ?? []).toHaveLength(confirmed);
  });

  it("leaves out findings people dismissed", async () => {
    const { scan, findings } = await scanned();
    await ctx.request(ctx.app, "PATCH", `/api/v2/findings/${findings[0].id}`, {
      token,
      body: { status: "false_positive", note: "test account" },
    });
    const sarif = await (await exported(scan.id, "sarif")).json();
    expect(sarif.runs[0].results).toHaveLength(findings.length - 1);
  });

  it("exports a self-contained HTML report with evidence and judge votes, target text escaped", async () => {
    const { scan, findings } = await scanned();
    const [first] = findings;
    // An answer is attacker-controlled: make one that would run if it were not escaped.
    const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    // And long: the page shows its start and says how much of the real answer it left out.
    await ctx.pg`update scan_attempts set response = ${hostile + "x".repeat(10_000)}
                 where id = (select scan_attempt_id from findings where id = ${first.id})`;
    const response = await exported(scan.id, "html");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<img|src=["']?https?:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain(`... (${hostile.length + 10_000 - 4000} more characters)`);
    for (const finding of findings) {
      expect(html).toContain(`id="f-${finding.id}"`);
      const full = await (await ctx.request(ctx.app, "GET", `/api/v2/findings/${finding.id}`, { token })).json();
      for (const vote of full.judge_votes) expect(html).toContain(escapedHtml(vote.rationale));
      // The evidence as the API shows it: the prompt sent and the answer of the finding's attempt.
      expect(full.evidence.prompt.length).toBeGreaterThan(0);
      expect(html).toContain(escapedHtml(full.evidence.prompt.slice(0, 80)));
      expect(html).toContain(escapedHtml(full.evidence.response.slice(0, 80)));
    }
    expect(html).toContain("OWASP Top 10 for LLM Applications");
  });
});

describe("a degraded scan", () => {
  it("completes with target_errors and its share when some attempts errored, and both exports say so", async () => {
    // Every other request fails and nothing is retried: about half the attempts get no answer.
    const flaky = await startCountingTarget({ failEvery: 2 });
    const flakyEndpoint = await createEndpoint(ctx, token, flaky.url, { max_retries: 0 });
    const scan = await waitForScan(ctx, token, await createScan(ctx, token, flakyEndpoint, probeIds));
    await flaky.close();
    expect(scan.status).toBe("completed");
    expect(scan.attempts_errored).toBeGreaterThan(0);
    expect(scan.attempts_errored).toBeLessThan(scan.attempts_done);
    const share = Math.round((100 * scan.attempts_errored) / scan.attempts_done);
    expect(scan.error).toBe(
      `target_errors: ${scan.attempts_errored} of ${scan.attempts_done} attempts errored (${share}%)`,
    );
    const [run] = (await (await exported(scan.id, "sarif")).json()).runs;
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: "error", message: { text: scan.error } }],
    });
    expect(await (await exported(scan.id, "junit")).text()).toContain(
      `<property name="penaxtra.scan_error" value="${scan.error}"/>`,
    );
  });

  it("keeps error null when every attempt was answered", async () => {
    const { scan } = await scanned();
    expect(scan).toMatchObject({ status: "completed", attempts_errored: 0, error: null });
  });
});
