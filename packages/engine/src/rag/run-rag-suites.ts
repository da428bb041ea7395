// Runs the RAG suites against one pipeline. Every test gets namespaces, ids and canaries unique to
// this run; everything planted is deleted afterwards, also when a test or the whole run fails.
import type { GuardPolicy } from "../targets/address-guard.ts";
import { attributeGuardrail } from "./attribute-guardrail.ts";
import { describeForeign, findForeignData, type NamespaceContents } from "./foreign-data.ts";
import { CANARY_PATTERN, newCanary, plantedTestTag } from "./planted-names.ts";
import { RagClient, type RagPipelineConfig } from "./rag-client.ts";
import type { PlantedDocument, RagExchange, RagTest, RagTestContext, RagTestResult } from "./rag-test.ts";
import { canarySuite } from "./suites/canary-suite.ts";
import { injectionSuite } from "./suites/injection-suite.ts";
import { isolationSuite } from "./suites/isolation-suite.ts";

export const ragTests: readonly RagTest[] = [...canarySuite, ...isolationSuite, ...injectionSuite];

export interface RagRunOptions {
  pipeline: RagPipelineConfig;
  policy: GuardPolicy;
  /** Short and unique per run: part of every namespace, id and canary. */
  runTag: string;
  signal?: AbortSignal;
  /** Called as each test ends, so that results are saved as they come. */
  onResult?: (result: RagTestResult) => Promise<void> | void;
  /**
   * Called before documents are sent to the pipeline: a caller that records them can still remove
   * them after a crash that skipped this run's own cleanup (see removeDocuments).
   */
  onPlant?: (namespace: string, ids: string[]) => Promise<void> | void;
  /**
   * Documents earlier runs planted in this pipeline (from the caller's records): if one surfaces,
   * the leak is reported with the namespace it came from. Unrecorded ones are still recognised by
   * the shape of their ids and canaries.
   */
  earlierDocuments?: ReadonlyArray<{ namespace: string; ids: readonly string[] }>;
}

export interface RagRunReport {
  results: RagTestResult[];
  /** Planted documents the pipeline did not confirm deleting. */
  cleanupFailures: Array<{ namespace: string; ids: string[]; error: string }>;
}

export async function runRagSuites(
  options: RagRunOptions,
  tests: readonly RagTest[] = ragTests,
): Promise<RagRunReport> {
  const client = new RagClient(options.pipeline, options.policy, options.signal);
  const planted = new Map<string, Set<string>>();
  const owners: RunOwners = { documents: new Map(), canaries: new Map() };
  for (const { namespace, ids } of options.earlierDocuments ?? [])
    for (const id of ids) owners.documents.set(id, namespace);
  const results: RagTestResult[] = [];
  let failure: unknown = null;
  try {
    for (const test of tests) {
      options.signal?.throwIfAborted();
      const result = await runOne(client, options, test, planted, owners);
      results.push(result);
      await options.onResult?.(result);
    }
  } catch (error) {
    failure = error;
  }
  // Cleanup runs however the tests ended (without the run's abort signal: a cancelled run still
  // removes what it planted); a run that failed still reports what it could not delete.
  const cleanupFailures = await removeDocuments(
    options.pipeline,
    options.policy,
    [...planted].map(([namespace, ids]) => ({ namespace, ids: [...ids] })),
  );
  if (failure) throw Object.assign(failure as Error, { cleanupFailures });
  return { results, cleanupFailures };
}

/** Who planted what, so far in this run and in the earlier runs the caller recorded. */
interface RunOwners {
  documents: Map<string, string>;
  canaries: Map<string, string>;
}

async function runOne(
  client: RagClient,
  { runTag, onPlant }: RagRunOptions,
  test: RagTest,
  planted: Map<string, Set<string>>,
  owners: RunOwners,
): Promise<RagTestResult> {
  const startedAt = performance.now();
  const exchanges: RagExchange[] = [];
  const plantedHere: PlantedDocument[] = [];
  const contents = new Map<string, NamespaceContents>();
  const testTag = plantedTestTag(runTag, test.id);
  let serial = 0;
  const context: RagTestContext = {
    // Namespaces of their own per test, so that one test's documents cannot decide another's.
    namespace: (label) => `penaxtra-${testTag}-${label}`,
    canary: () => newCanary(++serial),
    documentId: (label) => `${testTag}-${label}`,
    async plant(namespace, documents) {
      const ids = planted.get(namespace) ?? new Set<string>();
      planted.set(namespace, ids);
      const own = contents.get(namespace) ?? { ids: new Set<string>(), canaries: new Set<string>() };
      contents.set(namespace, own);
      for (const document of documents) {
        ids.add(document.id);
        own.ids.add(document.id);
        owners.documents.set(document.id, namespace);
        for (const canary of document.text.match(CANARY_PATTERN) ?? []) {
          own.canaries.add(canary);
          owners.canaries.set(canary, namespace);
        }
      }
      await onPlant?.(
        namespace,
        documents.map((document) => document.id),
      );
      const { ingested, rejected } = await client.ingest(namespace, documents);
      const result = documents.map((document) => ({
        namespace,
        id: document.id,
        rejected: rejected.get(document.id) ?? (ingested.has(document.id) ? null : "not confirmed by the pipeline"),
      }));
      plantedHere.push(...result);
      return result;
    },
    async remove(namespace, ids) {
      await client.delete(namespace, ids);
    },
    async ask(namespace, request) {
      const response = await client.query(namespace, request);
      const exchange: RagExchange = {
        namespace,
        query: request.query,
        ...(request.filter ? { filter: request.filter } : {}),
        answer: response.answer,
        retrieved_ids: response.retrieved.map((entry) => entry.id),
        blocked: response.blocked === true,
        guards: response.guards ?? [],
      };
      exchanges.push(exchange);
      return exchange;
    },
  };
  const base = {
    test_id: test.id,
    suite: test.suite,
    title: test.title,
    severity: test.severity,
    risk_refs: test.risk_refs,
  };
  try {
    const outcome = await test.run(context);
    const foreign = exchanges.flatMap((exchange) =>
      findForeignData(exchange, contents.get(exchange.namespace), owners.documents, owners.canaries),
    );
    // Foreign data in any answer is a leak, whatever the test itself looked for.
    const attribution = foreign.length
      ? {
          status: "failed" as const,
          stopped_by: "none" as const,
          reason: outcome.breached ? `${outcome.reason}; ${describeForeign(foreign)}` : describeForeign(foreign),
        }
      : attributeGuardrail(outcome);
    return {
      ...base,
      ...attribution,
      evidence: {
        planted: plantedHere,
        exchanges,
        ...(outcome.matrix ? { matrix: outcome.matrix } : {}),
        ...(foreign.length ? { foreign } : {}),
      },
      duration_ms: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    // A pipeline error decides nothing: the test is skipped with the reason, never counted as passed.
    return {
      ...base,
      status: "skipped",
      stopped_by: null,
      reason: `pipeline_error: ${(error as Error).message}`,
      evidence: { planted: plantedHere, exchanges },
      duration_ms: Math.round(performance.now() - startedAt),
    };
  }
}

/** Deletes documents from the pipeline, one call per namespace; returns what it could not delete. */
export async function removeDocuments(
  pipeline: RagPipelineConfig,
  policy: GuardPolicy,
  documents: ReadonlyArray<{ namespace: string; ids: string[] }>,
): Promise<RagRunReport["cleanupFailures"]> {
  const client = new RagClient(pipeline, policy);
  const failures: RagRunReport["cleanupFailures"] = [];
  for (const { namespace, ids } of documents) {
    try {
      await client.delete(namespace, ids);
    } catch (error) {
      failures.push({ namespace, ids, error: (error as Error).message });
    }
  }
  return failures;
}
