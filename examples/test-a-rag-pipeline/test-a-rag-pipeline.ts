// Register a RAG pipeline that speaks the RAG adapter protocol, run the thirteen RAG security tests
// against it and print, per test, whether the attack got through and which guardrail stopped it.
//
//   ./dev target-sim --port 9100 --profile hardened            # a pipeline to try it on (/rag/*)
//   PENAXTRA_API_KEY=pxt_... ./dev --filter @penaxtra/example-test-a-rag-pipeline start http://127.0.0.1:9100/rag

import { pathToFileURL } from "node:url";
import { createPenaxtraClient, type Schemas } from "@penaxtra/sdk";

type Client = ReturnType<typeof createPenaxtraClient>;

export interface RagRunOptions {
  pollMs?: number;
  timeoutMs?: number;
}

/** `baseUrl` serves /ingest, /query and /delete (as the target simulator does under /rag). */
export async function testRagPipeline(
  client: Client,
  baseUrl: string,
  options: RagRunOptions = {},
): Promise<Schemas["RagRunDetail"]> {
  const asset = await client.POST("/api/v2/ai-assets", {
    body: {
      name: `RAG pipeline at ${new URL(baseUrl).host}`,
      kind: "rag",
      config: { ingest_url: `${baseUrl}/ingest`, query_url: `${baseUrl}/query`, delete_url: `${baseUrl}/delete` },
    },
  });
  if (asset.error) throw new Error(`could not register the pipeline: ${asset.error.error}`);

  const started = await client.POST("/api/v2/rag-runs", { body: { ai_asset_id: asset.data.id } });
  if (started.error) throw new Error(`could not start the run: ${started.error.error}`);

  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (;;) {
    const polled = await client.GET("/api/v2/rag-runs/{id}", { params: { path: { id: started.data.rag_run_id } } });
    if (polled.error) throw new Error(`could not read the run: ${polled.error.error}`);
    if (polled.data.status !== "running") return polled.data;
    if (Date.now() > deadline) throw new Error(`run ${polled.data.id} still running at the deadline`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
}

export function formatRun(run: Schemas["RagRunDetail"]): string {
  const lines = [
    `RAG run ${run.id}: ${run.status}, ${run.tests_passed} passed, ${run.tests_failed} failed, ${run.tests_skipped} skipped${run.error ? ` (${run.error})` : ""}`,
  ];
  for (const test of run.tests) {
    const verdict =
      test.status === "failed"
        ? "ATTACK GOT THROUGH"
        : test.status === "passed"
          ? `stopped by ${test.stopped_by}`
          : `skipped: ${test.reason}`;
    lines.push(`  ${test.suite.padEnd(10)} ${test.test_id.padEnd(36)} ${verdict}`);
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const baseUrl = process.argv[2];
  if (!baseUrl) {
    console.error(
      "usage: test-a-rag-pipeline.ts RAG_BASE_URL   (serving /ingest, /query, /delete; PENAXTRA_API_KEY, PENAXTRA_BASE_URL from the environment)",
    );
    process.exit(2);
  }
  const run = await testRagPipeline(createPenaxtraClient(), baseUrl.replace(/\/$/, ""));
  console.log(formatRun(run));
  process.exit(run.tests_failed > 0 ? 1 : 0);
}
