// `pnpm bench vs-promptfoo`: the library's prompts (one rendering of each of its variants) sent to
// the simulator (20 ms per answer) at concurrency 16 through `promptfoo eval` and through a full scan,
// in alternation. promptfoo only sends and stores; the scan also judges every answer with three
// judges and a meta-judge and persists everything. Target: scan time at most 0.25 of promptfoo's.
// promptfoo is an optional tool, not a dependency: PROMPTFOO_BIN, or `promptfoo` on PATH, or in
// node_modules/.bin; without it the bench says how to get it and stops. It runs with telemetry,
// update checks and its cache off, so its only traffic is to the simulator on loopback.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeCanary, defaultScanProbes as probes, renderPayload } from "@penaxtra/engine";
import { startTargetSimulator } from "@penaxtra/target-simulator";
import { BenchApi, median, round } from "./support/bench-api.ts";
import { openBenchDatabase } from "./support/bench-database.ts";
import { startServer } from "./support/start-server.ts";

const LATENCY_MS = 20;
const CONCURRENCY = 16;
const TARGET_RATIO = 0.25;
const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface VsPromptfooOptions {
  runs?: number;
  databaseUrl?: string;
  promptfooBin?: string | null;
}

export function findPromptfoo(): string | null {
  const candidates = [process.env.PROMPTFOO_BIN, join(root, "node_modules/.bin/promptfoo")];
  const onPath = spawnSync("sh", ["-c", "command -v promptfoo"], { encoding: "utf8" }).stdout.trim();
  return [...candidates, onPath].find((candidate) => candidate && existsSync(candidate)) ?? null;
}

export async function benchVsPromptfoo(options: VsPromptfooOptions = {}) {
  const promptfoo = options.promptfooBin === undefined ? findPromptfoo() : options.promptfooBin;
  if (!promptfoo)
    return {
      benchmark: "vs-promptfoo",
      skipped:
        "promptfoo is not installed: install it anywhere (e.g. `npm i -g promptfoo@0.123`, Node >= 22) and set PROMPTFOO_BIN to its executable, or put it on PATH",
    };
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 5);
  const database = await openBenchDatabase("bench_vs_promptfoo", options.databaseUrl);
  const simulator = await startTargetSimulator({ port: 0, profile: "vulnerable", latencyMs: LATENCY_MS });
  const server = await startServer(database.url, {
    worker: true,
    env: { PENAXTRA_ALLOW_PRIVATE_TARGETS: "true", PENAXTRA_SCAN_CREATES_PER_MINUTE: "1000" },
  });
  const work = await mkdtemp(join(tmpdir(), "penaxtra-vs-promptfoo-"));
  try {
    const client = new BenchApi(`http://127.0.0.1:${server.port}/api/v2`, database.token);
    const endpoint = await client.createEndpoint("simulator", `${simulator.url}/v1/chat/completions`, CONCURRENCY);
    const prompts = probes.flatMap((probe) =>
      probe.variants.map((_, variant) => renderPayload(probe, variant, makeCanary())),
    );
    await writeFile(join(work, "tests.json"), JSON.stringify(prompts.map((prompt) => ({ vars: { prompt } }))));
    await writeFile(
      join(work, "promptfooconfig.yaml"),
      [
        "prompts: ['{{prompt}}']",
        "providers:",
        "  - id: openai:chat:sim",
        "    config:",
        `      apiBaseUrl: ${simulator.url}/v1`,
        "      apiKey: bench",
        "tests: file://tests.json",
        "",
      ].join("\n"),
    );
    const scanOnce = async () => {
      const postedAt = Date.now();
      const scan = await client.finished(await client.startScan(endpoint.id));
      return Date.parse(scan.completed_at) - postedAt;
    };
    // promptfoo's eval time is the span it kept the simulator busy, first request to last answer:
    // its start-up, and its own result writing after the last answer, are left out in its favour.
    const promptfooOnce = async () => {
      simulator.resetChatTraffic();
      const processMs = await runPromptfoo(promptfoo, work);
      const traffic = simulator.chatTraffic();
      // It sends one fewer than given on this library (241 of 242 with 0.123): counted and reported.
      if (traffic.answers < prompts.length * 0.9)
        throw new Error(`promptfoo sent ${traffic.answers} of ${prompts.length} prompts`);
      return { evalMs: Math.round(traffic.lastAnswerMs! - traffic.firstArrivalMs!), processMs, sent: traffic.answers };
    };
    // Warm-up for both: compiled code, prepared statements, promptfoo's own first-run set-up.
    await scanOnce();
    await promptfooOnce();
    const pairs = [];
    for (let run = 0; run < runs; run++) {
      const scanMs = await scanOnce();
      const eval_ = await promptfooOnce();
      pairs.push({
        promptfoo_prompts_sent: eval_.sent,
        scan_ms: scanMs,
        promptfoo_eval_ms: eval_.evalMs,
        promptfoo_process_ms: eval_.processMs,
        ratio: round(scanMs / eval_.evalMs),
        ratio_to_command: round(scanMs / eval_.processMs),
      });
    }
    const ratio = median(pairs.map((pair) => pair.ratio));
    return {
      benchmark: "vs-promptfoo",
      cores: availableParallelism(),
      prompts: prompts.length,
      latency_ms: LATENCY_MS,
      concurrency: CONCURRENCY,
      runs: pairs,
      median_ratio: ratio,
      median_ratio_to_command: median(pairs.map((pair) => pair.ratio_to_command)),
      target_ratio: TARGET_RATIO,
      meets_target: ratio <= TARGET_RATIO,
      note: "scan_ms: POST /scans to completed_at (send, judge, persist); promptfoo_eval_ms: from promptfoo's first request to the simulator's last answer to it (its start-up and result writing left out); promptfoo_process_ms: the whole `promptfoo eval` command; ratio = scan_ms / promptfoo_eval_ms",
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await server.stop();
    await simulator.stop();
    await database.close();
  }
}

/** One `promptfoo eval` of the prompts in `work`: its process wall time. */
async function runPromptfoo(bin: string, work: string): Promise<number> {
  const started = performance.now();
  const child = spawn(
    bin,
    [
      "eval",
      "-c",
      "promptfooconfig.yaml",
      "-j",
      String(CONCURRENCY),
      "--no-cache",
      "--no-write",
      "--no-table",
      "--no-progress-bar",
    ],
    {
      cwd: work,
      env: {
        ...process.env,
        PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
        PROMPTFOO_DISABLE_TELEMETRY: "1",
        PROMPTFOO_DISABLE_UPDATE: "1",
        PROMPTFOO_CONFIG_DIR: join(work, ".promptfoo"),
        OPENAI_API_KEY: "bench",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  // promptfoo exits 100 when some test "failed" its (absent) assertions: only a crash is an error here.
  if (code !== 0 && code !== 100) throw new Error(`promptfoo eval exited ${code}: ${output.slice(-2000)}`);
  return Math.round(performance.now() - started);
}
