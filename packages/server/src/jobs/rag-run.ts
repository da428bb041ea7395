// rag_run: runs the RAG suites against an ai-asset's pipeline. Each test's result is written as it
// ends (unique per run and test, so a retried job re-runs only what has no result); then failed
// tests become findings and the run closes with its counts. Everything the run planted is deleted
// however the run ends; what a dead worker planted is recorded first and removed on the retry.
import {
  newRagRunTag,
  type RagPipelineConfig,
  type RagRunReport,
  type RagTestResult,
  ragTests,
  removeDocuments,
  runRagSuites,
} from "@penaxtra/engine";
import type { Task } from "graphile-worker";
import type postgres from "postgres";
import type { ragRunTests } from "../db/schema.ts";
import type { SqlRow } from "../db/sql-row.ts";
import { markRagFindingsFixed, type RagFindingToWrite, writeRagFindings } from "../db/statements/write-rag-findings.ts";
import { RagAssetConfigSchema } from "../generated/contract.ts";
import { readRagRunPayload } from "../queue/payloads.ts";
import type { WorkerDeps } from "./worker-deps.ts";

export function ragRunTask(deps: WorkerDeps): Task<"rag_run"> {
  return async (payload, helpers) => {
    const { rag_run_id: runId, tenant_id: tenantId } = readRagRunPayload(payload);
    try {
      await runRag(deps, runId, tenantId);
    } catch (error) {
      const job = helpers?.job;
      if (job && job.attempts < job.max_attempts) throw error;
      deps.log.error({ err: error, ragRunId: runId }, "RAG run failed for good");
      await closeAndLogRun(deps, runId, tenantId, `run_failed: ${(error as Error).message}`);
    }
  };
}

async function runRag(deps: WorkerDeps, runId: string, tenantId: string): Promise<void> {
  const [run] = await deps.pg<
    Array<{ status: string; config: unknown; auth_secret_encrypted: string | null; asset_usable: boolean }>
  >`
    select r.status, a.config, a.auth_secret_encrypted, (a.deleted_at is null) as asset_usable
    from rag_runs r join ai_assets a on a.id = r.ai_asset_id and a.tenant_id = r.tenant_id
    where r.id = ${runId} and r.tenant_id = ${tenantId}`;
  if (run?.status !== "running") return;
  if (!run.asset_usable) return closeAndLogRun(deps, runId, tenantId, "ai_asset_deleted");

  deps.log.info({ rag_run_id: runId, tenant_id: tenantId }, "rag run started");
  // Validated when stored; parsing fills in the defaults openapi.yaml declares.
  const config = RagAssetConfigSchema.parse(run.config);
  const pipeline: RagPipelineConfig = {
    ingestUrl: config.ingest_url,
    queryUrl: config.query_url,
    deleteUrl: config.delete_url,
    namespaceParam: config.namespace_param,
    authHeader: config.auth_header ?? null,
    authSecret: run.auth_secret_encrypted ? deps.secretBox.open(run.auth_secret_encrypted, tenantId) : null,
    timeoutMs: config.timeout_ms,
  };
  // A worker that died mid-run left its documents in the pipeline: remove them before going on.
  const leftovers = await deps.pg<Array<{ namespace: string; document_ids: string[] }>>`
    select namespace, document_ids from rag_planted_documents where rag_run_id = ${runId} and removed_at is null`;
  if (leftovers.length) {
    const failures = await removeDocuments(
      pipeline,
      deps.targetPolicy,
      leftovers.map((row) => ({ namespace: row.namespace, ids: row.document_ids })),
    );
    await markRemoved(
      deps,
      runId,
      tenantId,
      leftovers.map((row) => row.namespace),
      failures,
    );
  }

  const done = new Set(
    (await deps.pg<Array<{ test_id: string }>>`select test_id from rag_run_tests where rag_run_id = ${runId}`).map(
      (row) => row.test_id,
    ),
  );
  // What this tenant's earlier runs planted: if any of it surfaces now, the leak names its namespace.
  const earlier = await deps.pg<Array<{ namespace: string; document_ids: string[] }>>`
    select p.namespace, p.document_ids from rag_planted_documents p
    where p.tenant_id = ${tenantId} and p.rag_run_id in (
      select id from rag_runs where tenant_id = ${tenantId} and id <> ${runId} order by started_at desc limit 200)`;
  const report = await runRagSuites(
    {
      pipeline,
      policy: deps.targetPolicy,
      runTag: newRagRunTag(),
      earlierDocuments: earlier.map((row) => ({ namespace: row.namespace, ids: row.document_ids })),
      onPlant: (namespace, ids) =>
        deps.pg`
        insert into rag_planted_documents (rag_run_id, tenant_id, namespace, document_ids) values (${runId}, ${tenantId}, ${namespace}, ${ids})
        on conflict (rag_run_id, namespace) do update
          set document_ids = array(select distinct unnest(rag_planted_documents.document_ids || excluded.document_ids)), removed_at = null`.then(
          () => undefined,
        ),
      onResult: (result) => recordTest(deps.pg, runId, tenantId, result),
    },
    ragTests.filter((test) => !done.has(test.id)),
  );
  const planted = await deps.pg<
    Array<{ namespace: string }>
  >`select namespace from rag_planted_documents where rag_run_id = ${runId} and removed_at is null`;
  await markRemoved(
    deps,
    runId,
    tenantId,
    planted.map((row) => row.namespace),
    report.cleanupFailures,
  );
  await closeAndLogRun(deps, runId, tenantId, null);
}

/** Marks the namespaces the pipeline confirmed emptying; what it did not is logged and audited. */
async function markRemoved(
  deps: WorkerDeps,
  runId: string,
  tenantId: string,
  namespaces: string[],
  failures: RagRunReport["cleanupFailures"],
): Promise<void> {
  const failed = new Set(failures.map((failure) => failure.namespace));
  const removed = namespaces.filter((namespace) => !failed.has(namespace));
  if (failures.length)
    deps.log.warn(
      { ragRunId: runId, cleanupFailures: failures },
      "the pipeline did not confirm deleting every planted document",
    );
  await deps.pg.begin(async (tx) => {
    if (removed.length)
      await tx`update rag_planted_documents set removed_at = now() where rag_run_id = ${runId} and namespace in ${tx(removed)}`;
    if (failures.length)
      await tx`insert into audit_events (tenant_id, action, result, target_kind, target_id, details)
               values (${tenantId}, 'rag_run.cleanup_failed', 'failure', 'rag_run', ${runId}, ${JSON.stringify({ left_behind: failures })}::jsonb)`;
  });
}

async function recordTest(pg: postgres.Sql, runId: string, tenantId: string, result: RagTestResult): Promise<void> {
  await pg`
    insert into rag_run_tests (tenant_id, rag_run_id, test_id, suite, title, status, stopped_by, severity, reason, evidence, duration_ms)
    values (${tenantId}, ${runId}, ${result.test_id}, ${result.suite}, ${result.title}, ${result.status}, ${result.stopped_by},
            ${result.severity}, ${result.reason}, ${JSON.stringify({ ...result.evidence, risk_refs: result.risk_refs })}::jsonb, ${result.duration_ms})
    on conflict (rag_run_id, test_id) do nothing`;
}

interface ClosedRun {
  status: "completed" | "failed";
  tests_passed: number;
  tests_failed: number;
  tests_skipped: number;
  error: string | null;
}

/** Closes the run and says so in the log (nothing when it was already closed). */
async function closeAndLogRun(deps: WorkerDeps, runId: string, tenantId: string, error: string | null): Promise<void> {
  const closed = await closeRun(deps.pg, runId, tenantId, error);
  if (!closed) return;
  const line = { rag_run_id: runId, tenant_id: tenantId, ...closed };
  if (closed.status === "failed") deps.log.warn(line, "rag run finished");
  else deps.log.info(line, "rag run finished");
}

/**
 * Findings for the failed tests, the run's counts and its audit events, in one transaction. A run
 * in which no test could be decided (the pipeline was unreachable) is `failed`; `error` says why.
 * Null when the run was no longer running.
 */
async function closeRun(
  pg: postgres.Sql,
  runId: string,
  tenantId: string,
  error: string | null,
): Promise<ClosedRun | null> {
  return pg.begin(async (tx) => {
    // Durable before it is visible, although the worker's connections do not wait for the flush
    // (start-worker.ts): a run shown as finished stays finished through a Postgres crash.
    await tx`set local synchronous_commit = on`;
    const [run] = await tx<
      Array<{ status: string; ai_asset_id: string }>
    >`select status, ai_asset_id from rag_runs where id = ${runId} and tenant_id = ${tenantId} for update`;
    if (run?.status !== "running") return null;
    const tests = await tx<
      Array<
        Pick<
          SqlRow<typeof ragRunTests>,
          "test_id" | "suite" | "title" | "status" | "stopped_by" | "severity" | "reason"
        > & {
          // biome-ignore lint/suspicious/noExplicitAny: a jsonb column, passed through as stored.
          evidence: any;
        }
      >
    >`
      select test_id, suite, title, status, stopped_by, severity, reason, evidence from rag_run_tests where rag_run_id = ${runId} order by created_at, test_id`;
    const count = (status: string) => tests.filter((test) => test.status === status).length;
    const [passed, failed, skipped] = [count("passed"), count("failed"), count("skipped")];
    const firstSkip = tests.find((test) => test.status === "skipped")?.reason;
    const runError = error ?? (passed + failed === 0 ? `no_test_decided: ${firstSkip ?? "no tests ran"}` : null);

    const failedTests = tests.filter((test) => test.status === "failed");
    const findingRows = failedTests.map((test): RagFindingToWrite => {
      const exchange = test.evidence.exchanges?.at(-1);
      return {
        probe_id: test.test_id,
        title: test.title,
        category: `rag_${test.suite}`,
        severity: test.severity,
        risk_refs: test.evidence.risk_refs ?? [],
        evidence: {
          prompt: exchange?.query ?? "",
          response: exchange?.answer ?? "",
          details: { suite: test.suite, stopped_by: test.stopped_by, reason: test.reason, ...test.evidence },
        },
        rationale: test.reason,
      };
    });
    const closing = { id: runId, tenantId, aiAssetId: run.ai_asset_id };
    const inserted = await writeRagFindings(tx, closing, findingRows);
    if (!runError) {
      await markRagFindingsFixed(
        tx,
        closing,
        tests.filter((test) => test.status === "passed").map((test) => test.test_id),
      );
    }
    await tx`
      update rag_runs set status = ${runError ? "failed" : "completed"}, error = ${runError},
        tests_run = ${passed + failed + skipped}, tests_passed = ${passed}, tests_failed = ${failed}, tests_skipped = ${skipped},
        completed_at = clock_timestamp(), duration_ms = (extract(epoch from clock_timestamp() - started_at) * 1000)::int
      where id = ${runId}`;
    const events = [
      ...(inserted.length
        ? [
            {
              action: "findings.created",
              result: "success",
              details: { count: inserted.length, finding_ids: inserted },
            },
          ]
        : []),
      {
        action: runError ? "rag_run.failed" : "rag_run.completed",
        result: runError ? "failure" : "success",
        details: { tests_passed: passed, tests_failed: failed, tests_skipped: skipped, error: runError },
      },
    ];
    await tx`insert into audit_events ${tx(events.map((event) => ({ tenant_id: tenantId, action: event.action, result: event.result, target_kind: "rag_run", target_id: runId, details: JSON.stringify(event.details) })))}`;
    return {
      status: runError ? "failed" : "completed",
      tests_passed: passed,
      tests_failed: failed,
      tests_skipped: skipped,
      error: runError,
    } satisfies ClosedRun;
  });
}
