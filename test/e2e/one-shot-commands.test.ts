// `penaxtra scan` and `penaxtra rag-run` as a user runs them: with a server the command starts
// itself, or against a running one; live progress on stderr, the summary on stdout, the report
// files, an exit code.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { probes } from "@penaxtra/engine";
import { createTestContext, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const cli = fileURLToPath(new URL("../../packages/server/bin/penaxtra.js", import.meta.url));
let ctx: TestContext;
let vulnerable: TargetSimulator;
let hardened: TargetSimulator;
// One probe of each of six categories: several severities, a short scan.
const probeIds = [...new Map(probes.map((probe) => [probe.category, probe.id])).values()].slice(0, 6);

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  vulnerable = await startTargetSimulator({ port: 0, profile: "vulnerable" });
  hardened = await startTargetSimulator({ port: 0, profile: "hardened" });
});
afterAll(async () => {
  await vulnerable.stop();
  await hardened.stop();
  await ctx.cleanup();
});

// Colours are on where CI is set (picocolors): the assertions read the text without them.
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

/** Runs the CLI without blocking this process: with --base-url, the server it calls lives here. */
function penaxtra(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, command, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: ctx.url,
        PENAXTRA_ALLOW_PRIVATE_TARGETS: "true",
        LOG_LEVEL: "error",
        PENAXTRA_BASE_URL: "",
        PENAXTRA_API_KEY: "",
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout: plain(stdout), stderr: plain(stderr) }));
  });
}

const scan = (args: string[], env: Record<string, string> = {}) => penaxtra("scan", args, env);
const fast = ["--concurrency", "16", "--rpm", "60000", "--probes", probeIds.join(",")];

describe("penaxtra scan", () => {
  it("scans a URL with a server of its own: progress, summary, four reports, exit 1 on a confirmed finding", async () => {
    const out = await mkdtemp(join(tmpdir(), "penaxtra-scan-"));
    const result = await scan([
      vulnerable.chatCompletionsUrl,
      ...fast,
      "--fail-on",
      "critical,high,medium",
      "--out",
      out,
    ]);
    expect(result.status, result.stderr).toBe(1);
    // Not a terminal here: plain progress lines, the last one the finished scan.
    expect(result.stderr).toMatch(/scan completed: (\d+)\/\1 attempts, \d+ findings, 0 errors/);
    expect(result.stdout).toMatch(/│ category\s+│ critical\s+│ high/);
    expect(result.stdout).toContain("FAILED:");
    // The blocking findings it lists, most severe first.
    const listed = [...result.stdout.matchAll(/^ {2}(critical|high|medium) \S+: /gm)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed).toEqual(
      [...listed].sort(
        (a, b) => ["critical", "high", "medium"].indexOf(a!) - ["critical", "high", "medium"].indexOf(b!),
      ),
    );
    // Its output may land in CI logs: no admin token is created or printed, only the run's own.
    expect(result.stdout).not.toMatch(/pxt_|admin token/);

    const files = ["penaxtra.sarif", "penaxtra-junit.xml", "penaxtra.json", "penaxtra.html"].map((name) =>
      join(out, name),
    );
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const report = JSON.parse(readFileSync(join(out, "penaxtra.json"), "utf8"));
    expect(report.scan.status).toBe("completed");
    expect(report.findings.length).toBeGreaterThan(0);
    expect(result.stdout).toMatch(new RegExp(`│ all\\s.*│ ${report.findings.length}\\s+│`));
    expect(JSON.parse(readFileSync(join(out, "penaxtra.sarif"), "utf8")).runs[0].results).toHaveLength(
      report.findings.length,
    );
    expect(readFileSync(join(out, "penaxtra.html"), "utf8")).toContain("Penaxtra scan report");
    // Its token lived for the run only.
    const tokens = await ctx.pg`select revoked_at from api_tokens where name = 'penaxtra cli run'`;
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
  }, 120_000);

  it("scans through a running server, passes a hardened target, and reuses the endpoint it registered", async () => {
    const tenantId = await ctx.createTenant();
    const token = await ctx.token(tenantId);
    const baseUrl = await ctx.listen();
    await ctx.startWorker();
    const out = await mkdtemp(join(tmpdir(), "penaxtra-scan-"));
    const args = [hardened.chatCompletionsUrl, ...fast, "--base-url", baseUrl, "--out", out];
    const first = await scan(args, { PENAXTRA_API_KEY: token });
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain("PASSED: no confirmed critical or high finding");
    const again = await scan(args, { PENAXTRA_API_KEY: token });
    expect(again.status, again.stderr).toBe(0);
    // A target key given on a later run is written onto the same endpoint: its findings keep their history.
    const keyed = await scan(args, { PENAXTRA_API_KEY: token, PENAXTRA_TARGET_API_KEY: "sk-target-key" });
    expect(keyed.status, keyed.stderr).toBe(0);
    const endpoints = await ctx.pg`select count(*)::int as n, bool_and(auth_secret_encrypted is not null) as keyed
                                   from endpoints where tenant_id = ${tenantId}`;
    expect(endpoints[0]).toEqual({ n: 1, keyed: true });
    const scans =
      await ctx.pg`select count(*)::int as n from scans where tenant_id = ${tenantId} and status = 'completed'`;
    expect(scans[0]!.n).toBe(3);
  }, 120_000);

  it("exits 3, not 1, when the run cannot be done (the server is not there)", async () => {
    const result = await scan(["http://127.0.0.1:1/v1", "--base-url", "http://127.0.0.1:1"], {
      PENAXTRA_API_KEY: "pxt_anything",
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^penaxtra: /);
  });

  it("refuses a strategy the server does not know with exit code 2 and the server's message", async () => {
    const token = await ctx.token(await ctx.createTenant());
    const baseUrl = await ctx.listen();
    const result = await scan([hardened.chatCompletionsUrl, "--strategies", "nosuch", "--base-url", baseUrl], {
      PENAXTRA_API_KEY: token,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^penaxtra: 400 invalid_strategies: .*nosuch.*base64/),
    ]);
  });

  it.each([
    ["a severity it does not know", ["http://127.0.0.1:1/v1", "--fail-on", "urgent"], /--fail-on/],
    ["a target that is neither URL nor id", ["my-endpoint"], /TARGET is an http\(s\) URL or an endpoint id/],
    ["no target", [], /scan needs TARGET/],
    ["--base-url without a token", ["http://127.0.0.1:1/v1", "--base-url", "http://127.0.0.1:1"], /PENAXTRA_API_KEY/],
  ])("refuses %s with exit code 2 and one line", async (_name, args, message) => {
    const result = await scan(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("penaxtra rag-run", () => {
  async function registered(pipeline: TargetSimulator) {
    const tenantId = await ctx.createTenant();
    const token = await ctx.token(tenantId);
    const response = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
      token,
      body: {
        name: `${pipeline.profile} pipeline`,
        kind: "rag",
        config: {
          ingest_url: pipeline.ragUrls.ingest,
          query_url: pipeline.ragUrls.query,
          delete_url: pipeline.ragUrls.delete,
        },
      },
    });
    expect(response.status).toBe(201);
    return { token, assetId: (await response.json()).id as string, baseUrl: await ctx.listen() };
  }

  it("fails on a leaking pipeline and passes a hardened one, naming the guardrail of each test", async () => {
    await ctx.startWorker();
    const out = await mkdtemp(join(tmpdir(), "penaxtra-rag-"));
    const leaking = await registered(vulnerable);
    const failed = await penaxtra("rag-run", [leaking.assetId, "--base-url", leaking.baseUrl, "--out", out], {
      PENAXTRA_API_KEY: leaking.token,
    });
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.stderr).toMatch(/rag-run completed: (\d+)\/\1 tests, [1-9]\d* failed/);
    expect(failed.stdout).toMatch(/│ test\s+│ suite\s+│ status\s+│ stopped by\s+│ severity/);
    expect(failed.stdout).toContain("FAILED:");
    const report = JSON.parse(readFileSync(join(out, "penaxtra-rag-run.json"), "utf8"));
    expect(report.run.tests_failed).toBeGreaterThan(0);

    const guarded = await registered(hardened);
    const passed = await penaxtra("rag-run", [guarded.assetId, "--base-url", guarded.baseUrl, "--out", out], {
      PENAXTRA_API_KEY: guarded.token,
    });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/retrieval_isolation|ingest_filter|input_filter|model_refusal|output_filter/);
    expect(passed.stdout).toContain("PASSED:");
  }, 120_000);

  it("refuses an asset that is not an id with exit code 2", async () => {
    const result = await penaxtra("rag-run", ["support-search"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ASSET_ID is the id of an ai-asset/);
  });
});
