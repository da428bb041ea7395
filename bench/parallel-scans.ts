// `pnpm bench scans --parallel 8`: K full-library scans on K endpoints (one simulator, 20 ms per
// answer, concurrency 16 each) started at once against one server process (API + worker, default
// settings). Start lag is a scan's started_at (its first batch picked up) after its created_at;
// throughput is every attempt over the wall time from the first POST to the last completed_at,
// against the ideal: K endpoints each busy at their concurrency. Target: start lag max < 100 ms at K=8.
import { availableParallelism } from "node:os";
import { startTargetSimulator } from "@penaxtra/target-simulator";
import { BenchApi, median, round } from "./support/bench-api.ts";
import { openBenchDatabase } from "./support/bench-database.ts";
import { processCpuMs } from "./support/cpu.ts";
import { startServer } from "./support/start-server.ts";

export interface ParallelScansBenchOptions {
  parallel?: number;
  concurrency?: number;
  latencyMs?: number;
  rounds?: number;
  databaseUrl?: string;
}

const TARGET_START_LAG_MS = 100;

export async function benchParallelScans(options: ParallelScansBenchOptions = {}) {
  const parallel = options.parallel ?? 8;
  const concurrency = options.concurrency ?? 16;
  const latencyMs = options.latencyMs ?? 20;
  const rounds = options.rounds ?? Number(process.env.BENCH_RUNS ?? 3);
  const database = await openBenchDatabase("bench_scans", options.databaseUrl);
  const simulator = await startTargetSimulator({ port: 0, profile: "vulnerable", latencyMs });
  const server = await startServer(database.url, {
    worker: true,
    env: { PENAXTRA_ALLOW_PRIVATE_TARGETS: "true", PENAXTRA_SCAN_CREATES_PER_MINUTE: "1000" },
  });
  try {
    const client = new BenchApi(`http://127.0.0.1:${server.port}/api/v2`, database.token);
    const endpoints: Array<{ id: string }> = [];
    for (let index = 0; index < parallel; index++)
      endpoints.push(await client.createEndpoint(`e${index}`, `${simulator.url}/v1/chat/completions`, concurrency));
    const runOnce = async () => {
      const cpuBefore = { server: processCpuMs(server.child.pid!), postgres: database.postgresCpuMs() };
      const postedAt = Date.now();
      const ids = await Promise.all(endpoints.map((endpoint) => client.startScan(endpoint.id)));
      const scans = await Promise.all(ids.map((id) => client.finished(id)));
      const lags = scans
        .map((scan) => Date.parse(scan.started_at!) - Date.parse(scan.created_at))
        .sort((a, b) => a - b);
      const wallMs = Math.max(...scans.map((scan) => Date.parse(scan.completed_at))) - postedAt;
      const attempts = scans.reduce((sum, scan) => sum + scan.attempts_total, 0);
      const idealMs = Math.max(...scans.map((scan) => (scan.attempts_total * latencyMs) / concurrency));
      const cpuPerAttempt = {
        server: round((processCpuMs(server.child.pid!) - cpuBefore.server) / attempts, 2),
        postgres: round((database.postgresCpuMs() - cpuBefore.postgres) / attempts, 2),
      };
      return {
        start_lag_ms: { p50: median(lags), max: lags.at(-1)!, all: lags },
        wall_ms: wallMs,
        attempts,
        attempts_per_second: Math.round((attempts * 1000) / wallMs),
        ratio_to_ideal: round(wallMs / idealMs),
        cpu_ms_per_attempt: cpuPerAttempt,
        // What the machine's cores allow at that CPU cost, the simulator and this bench aside.
        cpu_ceiling_attempts_per_second: Math.round(
          (availableParallelism() * 1000) / (cpuPerAttempt.server + cpuPerAttempt.postgres),
        ),
      };
    };
    const warmup = await runOnce();
    const runs = [];
    while (runs.length < rounds) runs.push(await runOnce());
    const maxLag = median(runs.map((run) => run.start_lag_ms.max));
    return {
      benchmark: "scans --parallel",
      cores: availableParallelism(),
      parallel,
      endpoint_concurrency: concurrency,
      latency_ms: latencyMs,
      warmup_start_lag_max_ms: warmup.start_lag_ms.max,
      runs,
      median_start_lag_p50_ms: median(runs.map((run) => run.start_lag_ms.p50)),
      median_start_lag_max_ms: maxLag,
      median_ratio_to_ideal: median(runs.map((run) => run.ratio_to_ideal)),
      target_start_lag_max_ms: TARGET_START_LAG_MS,
      meets_target: maxLag < TARGET_START_LAG_MS,
      note: "one server process (API + worker, default settings); the K scans are posted at once; the ideal is every endpoint busy at its concurrency from the first POST (the K endpoints are independent)",
    };
  } finally {
    await server.stop();
    await simulator.stop();
    await database.close();
  }
}
