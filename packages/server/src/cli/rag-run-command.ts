// penaxtra rag-run ASSET_ID: one command for a RAG pipeline's test run, like `penaxtra scan`: a
// running server or an embedded one, live progress on stderr, every test with the guardrail that
// stopped it (or not) on stdout, the run as JSON in --out, exit 1 when a test of a blocking
// severity failed or the run did not complete.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ragTests } from "@penaxtra/engine";
import Table from "cli-table3";
import pc from "picocolors";
import { parseFailOn, UUID } from "./arguments.ts";
import { connectServer } from "./connect-server.ts";
import { paintSeverity, progressReporter } from "./scan-output.ts";
import { userPath } from "./user-path.ts";

export class RagRunUsageError extends Error {}

const PAINT_STATUS: Record<string, (text: string) => string> = { passed: pc.green, failed: pc.red, skipped: pc.dim };

export interface RagRunCommandOptions {
  asset: string;
  failOn?: string;
  out?: string;
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export async function ragRunCommand(options: RagRunCommandOptions): Promise<{ exitCode: 0 | 1 }> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (!UUID.test(options.asset))
    throw new RagRunUsageError(`ASSET_ID is the id of an ai-asset of kind rag (a UUID), not "${options.asset}"`);
  const failOn = parseFailOn(options.failOn, RagRunUsageError);
  const outDir = userPath(options.out ?? "penaxtra-reports", env);

  const connected = await connectServer(options.baseUrl, env, RagRunUsageError);
  try {
    const { client } = connected;
    const asset = await client.aiAssets.get(options.asset);
    const { rag_run_id } = await client.ragRuns.create({ ai_asset_id: asset.id });
    stderr.write(`testing ${asset.name} (ai-asset ${asset.id}): RAG run ${rag_run_id}\n`);
    const progress = progressReporter(stderr, "rag-run", {
      words: { unit: "tests", findings: "failed", errors: "skipped" },
    });
    const run = await client.ragRuns
      .waitFor(rag_run_id, {
        intervalMs: 300,
        timeoutMs: 24 * 3600_000,
        onProgress: (current) =>
          progress.update({
            done: current.tests_run,
            total: Math.max(ragTests.length, current.tests_run),
            findings: current.tests_failed,
            errors: current.tests_skipped,
            status: current.status,
          }),
      })
      .finally(() => progress.stop());

    const table = new Table({
      head: ["test", "suite", "status", "stopped by", "severity"],
      style: { head: [], border: [] },
    });
    for (const test of run.tests)
      table.push([
        test.test_id,
        test.suite,
        (PAINT_STATUS[test.status] ?? String)(test.status),
        test.stopped_by ?? "-",
        paintSeverity(test.severity),
      ]);
    await mkdir(outDir, { recursive: true });
    const file = join(outDir, "penaxtra-rag-run.json");
    await writeFile(file, `${JSON.stringify({ asset, run }, null, 2)}\n`);

    const blocking = run.tests.filter((test) => test.status === "failed" && failOn.has(test.severity));
    const passed = run.status === "completed" && blocking.length === 0;
    const lines = [
      "",
      `RAG run ${run.id} ${run.status}: ${run.tests_passed} passed, ${run.tests_failed} failed, ${run.tests_skipped} skipped${run.error ? ` (${run.error})` : ""}`,
      table.toString(),
      `report: ${file}`,
      passed
        ? pc.green(`PASSED: no ${[...failOn].join(" or ")} test failed`)
        : pc.red(
            run.status !== "completed"
              ? `FAILED: the run ended ${run.status}`
              : `FAILED: ${blocking.length} ${[...failOn].join("/")} test(s) got through`,
          ),
    ];
    stdout.write(`${lines.join("\n")}\n`);
    return { exitCode: passed ? 0 : 1 };
  } finally {
    await connected.close();
  }
}
