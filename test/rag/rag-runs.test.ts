// RAG runs end to end: an ai-asset pointing at the simulator's reference RAG pipeline, a run through
// the API, a worker running the thirteen tests, findings for what got through, and nothing planted
// left behind.
import { ragTests } from "@penaxtra/engine";
import { createTestContext, ragScheduleTickTask, type TestContext } from "@penaxtra/server/testing";
import { startTargetSimulator, type TargetSimulator } from "@penaxtra/target-simulator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { firstRow } from "../support/scans.ts";

let ctx: TestContext;
let token: string;
const simulators: TargetSimulator[] = [];

beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
  token = await ctx.token(await ctx.createTenant());
  await ctx.startWorker();
});
afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.stop()));
  await ctx.cleanup();
});

async function simulator(profile: "vulnerable" | "hardened") {
  const started = await startTargetSimulator({ port: 0, profile });
  simulators.push(started);
  return started;
}

async function createAsset(
  urls: { ingest: string; query: string; delete: string },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
    token,
    body: {
      name: "support search",
      kind: "rag",
      config: { ingest_url: urls.ingest, query_url: urls.query, delete_url: urls.delete, timeout_ms: 5000 },
      ...extra,
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()).id;
}

async function runToEnd(assetId: string) {
  const accepted = await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", { token, body: { ai_asset_id: assetId } });
  expect(accepted.status, await accepted.clone().text()).toBe(202);
  const { poll, rag_run_id: runId } = await accepted.json();
  // As documented: poll names the list; the run itself is addressable by its id.
  expect(poll).toBe("/api/v2/rag-runs");
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await (await ctx.request(ctx.app, "GET", `${poll}/${runId}`, { token })).json();
    if (run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`RAG run still running after 60 s: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("RAG runs", () => {
  it("fails every test against the vulnerable pipeline and files a finding with risk refs for each", async () => {
    const pipeline = await simulator("vulnerable");
    const run = await runToEnd(await createAsset(pipeline.ragUrls));
    expect(run).toMatchObject({
      status: "completed",
      trigger: "manual",
      tests_run: 13,
      tests_failed: 13,
      tests_passed: 0,
      tests_skipped: 0,
      error: null,
    });
    expect(run.duration_ms).toBeGreaterThan(0);
    expect(run.tests.map((test: any) => test.test_id).sort()).toEqual(ragTests.map((test) => test.id).sort());
    for (const test of run.tests) expect(test).toMatchObject({ status: "failed", stopped_by: "none" });
    const matrix = run.tests.find((test: any) => test.test_id === "rag-isolation-tenant-matrix").evidence.matrix;
    expect(
      Object.values(matrix)
        .flatMap((row: any) => Object.values(row))
        .every(Boolean),
    ).toBe(true);

    const findings = await (await ctx.request(ctx.app, "GET", `/api/v2/findings?limit=50`, { token })).json();
    const mine = findings.data.filter((finding: any) => finding.rag_run_id === run.id);
    expect(mine).toHaveLength(13);
    for (const finding of mine) {
      expect(finding).toMatchObject({ status: "confirmed", verdict: "vulnerable", ai_asset_id: run.ai_asset_id });
      expect(finding.risk_refs).toEqual(expect.arrayContaining(["OWASP_LLM08"]));
    }
    const detail = await (await ctx.request(ctx.app, "GET", `/api/v2/findings/${mine[0].id}`, { token })).json();
    expect(detail.evidence.prompt.length).toBeGreaterThan(0);
    expect(detail.judge_votes.map((vote: any) => vote.judge)).toEqual(["exact_match", "meta"]);
    const events = await ctx.pg`select action from audit_events where target_id = ${run.id} order by id`;
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["rag_run.started", "findings.created", "rag_run.completed"]),
    );
  });

  it("passes every test against the hardened pipeline, naming the guardrail that stopped each, and leaves nothing planted", async () => {
    const pipeline = await simulator("hardened");
    const run = await runToEnd(await createAsset(pipeline.ragUrls));
    expect(run).toMatchObject({ status: "completed", tests_run: 13, tests_passed: 13, tests_failed: 0 });
    const stoppedBy = new Set(run.tests.map((test: any) => test.stopped_by));
    for (const guardrail of ["ingest_filter", "retrieval_isolation", "input_filter", "model_refusal", "output_filter"])
      expect(stoppedBy).toContain(guardrail);
    const { findings } = await firstRow(
      ctx.pg`select count(*)::int as findings from findings where rag_run_id = ${run.id}`,
    );
    expect(findings).toBe(0);
    expect(pipeline.ragDocumentCount()).toBe(0);
  });

  it("keeps failing every test on the 2nd, 3rd and 10th run against one vulnerable pipeline, with the foreign data as evidence", async () => {
    const pipeline = await simulator("vulnerable");
    const assetId = await createAsset(pipeline.ragUrls);
    for (let run = 1; run <= 10; run++) {
      const result = await runToEnd(assetId);
      if (![2, 3, 10].includes(run)) continue;
      expect(result, `run ${run}`).toMatchObject({
        tests_run: 13,
        tests_failed: 13,
        tests_passed: 0,
        tests_skipped: 0,
      });
      for (const test of result.tests.filter((test: any) => test.suite === "isolation")) {
        expect(test, `run ${run}: ${test.test_id}`).toMatchObject({ status: "failed", stopped_by: "none" });
        // The earlier runs' documents crowd this run's out of the results: the leak is theirs.
        expect(test.evidence.foreign?.length, `run ${run}: ${test.test_id}`).toBeGreaterThan(0);
        expect(test.reason).toContain("surfaced");
      }
    }
  });

  it("keeps passing every test on the 2nd, 3rd and 10th run against one hardened pipeline", async () => {
    const pipeline = await simulator("hardened");
    const assetId = await createAsset(pipeline.ragUrls);
    for (let run = 1; run <= 10; run++) {
      const result = await runToEnd(assetId);
      if (![2, 3, 10].includes(run)) continue;
      expect(result, `run ${run}`).toMatchObject({
        tests_run: 13,
        tests_passed: 13,
        tests_failed: 0,
        tests_skipped: 0,
      });
      for (const test of result.tests.filter((test: any) => test.suite === "isolation"))
        expect(test.evidence.foreign, `run ${run}: ${test.test_id}`).toBeUndefined();
    }
  });

  it("marks a RAG finding fixed when a later run of the asset passes the test, and regressed when it fails again", async () => {
    const [weak, strong] = [await simulator("vulnerable"), await simulator("hardened")];
    const assetId = await createAsset(weak.ragUrls);
    const pointAt = (urls: { ingest: string; query: string; delete: string }) =>
      ctx.request(ctx.app, "PATCH", `/api/v2/ai-assets/${assetId}`, {
        token,
        body: { config: { ingest_url: urls.ingest, query_url: urls.query, delete_url: urls.delete, timeout_ms: 5000 } },
      });
    const lifecycles = async (runId: string) =>
      (await ctx.pg`select probe_id, lifecycle from findings where rag_run_id = ${runId} order by probe_id`).map(
        (row) => row.lifecycle,
      );
    const first = await runToEnd(assetId);
    expect(new Set(await lifecycles(first.id))).toEqual(new Set(["new"]));
    await pointAt(strong.ragUrls);
    await runToEnd(assetId);
    expect(new Set(await lifecycles(first.id))).toEqual(new Set(["fixed"]));
    await pointAt(weak.ragUrls);
    const again = await runToEnd(assetId);
    expect(new Set(await lifecycles(again.id))).toEqual(new Set(["regressed"]));
  });

  it("removes what a worker that died mid-run had planted when the run is taken up again", async () => {
    const pipeline = await simulator("hardened");
    const assetId = await createAsset(pipeline.ragUrls);
    const tenantId = (await firstRow(ctx.pg`select tenant_id from ai_assets where id = ${assetId}`)).tenant_id;
    const [run] =
      await ctx.pg`insert into rag_runs (tenant_id, ai_asset_id, trigger, status) values (${tenantId}, ${assetId}, 'manual', 'running') returning id`;
    // What the dead worker got as far as: documents recorded, then sent to the pipeline.
    await ctx.pg`insert into rag_planted_documents (rag_run_id, tenant_id, namespace, document_ids) values (${run!.id}, ${tenantId}, 'penaxtra-dead-run-a', ${["d1", "d2"]})`;
    const ingest = await fetch(pipeline.ragUrls.ingest, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        namespace: "penaxtra-dead-run-a",
        documents: [
          { id: "d1", text: "left behind one" },
          { id: "d2", text: "left behind two" },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    expect(pipeline.ragDocumentCount()).toBe(2);

    await ctx.pg`select graphile_worker.add_job('rag_run', json_build_object('rag_run_id', ${run!.id}::uuid, 'tenant_id', ${tenantId}::uuid))`;
    const deadline = Date.now() + 60_000;
    while ((await firstRow(ctx.pg`select status from rag_runs where id = ${run!.id}`)).status === "running") {
      if (Date.now() > deadline) throw new Error("run did not end");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pipeline.ragDocumentCount()).toBe(0);
    const { open } = await firstRow(
      ctx.pg`select count(*) filter (where removed_at is null)::int as open from rag_planted_documents where rag_run_id = ${run!.id}`,
    );
    expect(open).toBe(0);
    const { recorded } = await firstRow(
      ctx.pg`select count(*)::int as recorded from rag_planted_documents where rag_run_id = ${run!.id}`,
    );
    expect(recorded).toBeGreaterThan(13);
  });

  it("removes what it planted when the pipeline fails mid-run, and ends failed with the reason", async () => {
    const pipeline = await simulator("hardened");
    // Ingest and delete work; every question fails.
    const run = await runToEnd(await createAsset({ ...pipeline.ragUrls, query: `${pipeline.url}/rag/no-such-route` }));
    // tests_run counts every test of the run, skipped ones included (as the documentation's example does).
    expect(run).toMatchObject({ status: "failed", tests_run: 13, tests_passed: 0, tests_failed: 0, tests_skipped: 13 });
    expect(run.error).toMatch(/^no_test_decided: pipeline_error: query: HTTP 404/);
    expect(pipeline.ragDocumentCount()).toBe(0);
  });

  it("rejects a schedule graphile-worker cannot parse, and starts one scheduled run per asset per tick", async () => {
    const pipeline = await simulator("hardened");
    const bad = await ctx.request(ctx.app, "POST", "/api/v2/ai-assets", {
      token,
      body: {
        name: "x",
        kind: "rag",
        config: {
          ingest_url: pipeline.ragUrls.ingest,
          query_url: pipeline.ragUrls.query,
          delete_url: pipeline.ragUrls.delete,
        },
        schedule: "61 * * * *",
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].path).toBe("schedule");

    const assetId = await createAsset(pipeline.ragUrls, { schedule: "30 2 * * *" });
    const tick = ragScheduleTickTask({ pg: ctx.pg });
    await tick({ _cron: { ts: "2026-11-23T02:29:00.000Z" } }, {} as never);
    await tick({ _cron: { ts: "2026-11-23T02:30:00.000Z" } }, {} as never);
    await tick({ _cron: { ts: "2026-11-23T02:30:00.000Z" } }, {} as never);
    const runs =
      await ctx.pg`select trigger, scheduled_for = '2026-11-23T02:30:00Z'::timestamptz as at_tick from rag_runs where ai_asset_id = ${assetId}`;
    expect(runs).toEqual([{ trigger: "scheduled", at_tick: true }]);
    const started =
      await ctx.pg`select details->>'trigger' as trigger from audit_events where action = 'rag_run.started' and details->>'ai_asset_id' = ${assetId}`;
    expect(started).toEqual([{ trigger: "scheduled" }]);
  });

  it("lists runs newest first, 100 to a page by default and at most 100", async () => {
    const tenantId = await ctx.createTenant();
    const listToken = await ctx.token(tenantId);
    const [asset] = await ctx.pg`
      insert into ai_assets (tenant_id, name, kind, config) values (${tenantId}, 'many runs', 'rag', '{}'::jsonb) returning id`;
    await ctx.pg`
      insert into rag_runs (tenant_id, ai_asset_id, trigger, status, started_at)
      select ${tenantId}, ${asset!.id}, 'manual', 'completed', now() - make_interval(secs => i)
      from generate_series(1, 101) i`;
    const list = async (query: string) => ctx.request(ctx.app, "GET", `/api/v2/rag-runs${query}`, { token: listToken });
    const page = await (await list("")).json();
    expect(page.data).toHaveLength(100);
    expect(page.next_cursor).not.toBeNull();
    const started = page.data.map((run: { started_at: string }) => Date.parse(run.started_at));
    expect(started).toEqual([...started].sort((x, y) => y - x));
    expect((await list("?limit=101")).status).toBe(400);
  });

  it("answers 404 for a run of another tenant", async () => {
    const other = await ctx.token(await ctx.createTenant());
    const pipeline = await simulator("hardened");
    const accepted = await (
      await ctx.request(ctx.app, "POST", "/api/v2/rag-runs", {
        token,
        body: { ai_asset_id: await createAsset(pipeline.ragUrls) },
      })
    ).json();
    const response = await ctx.request(ctx.app, "GET", `/api/v2/rag-runs/${accepted.rag_run_id}`, { token: other });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "rag_run_not_found" });
  });
});
