// pnpm bench <name> [options]: runs one benchmark and prints its figures as JSON.
//   api                                              GET latency over 1,000,000 findings
//   scan [--workers 1,2,4 --concurrency 64 --latency 200] [--strategies base64,leetspeak]
//                                                    one scan's wall time against the ideal; with
//                                                    --workers, through N worker processes
//   scans [--parallel 8]                             K scans on K endpoints at once: start lag, throughput
//   vs-promptfoo                                     the same prompts through promptfoo eval and a scan
//   judges                                           judge panel throughput
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: "string" },
    concurrency: { type: "string" },
    latency: { type: "string" },
    parallel: { type: "string" },
    strategies: { type: "string" },
  },
});

const list = (value: string | undefined) => value?.split(",").map(Number);
const benches: Record<string, () => Promise<unknown>> = {
  api: async () => (await import("./api.ts")).benchApi(),
  scan: async () =>
    values.workers
      ? (await import("./workers.ts")).benchWorkers({
          workers: list(values.workers),
          concurrency: list(values.concurrency),
          latencyMs: values.latency ? Number(values.latency) : undefined,
          strategies: values.strategies?.split(","),
        })
      : (await import("./scan.ts")).benchScan({ strategies: values.strategies?.split(",") }),
  scans: async () =>
    (await import("./parallel-scans.ts")).benchParallelScans({
      parallel: values.parallel ? Number(values.parallel) : undefined,
      concurrency: values.concurrency ? Number(values.concurrency) : undefined,
      latencyMs: values.latency ? Number(values.latency) : undefined,
    }),
  "vs-promptfoo": async () => (await import("./vs-promptfoo.ts")).benchVsPromptfoo(),
  judges: async () => (await import("./judges.ts")).benchJudges(),
};

const name = positionals[0] ?? "api";
const bench = benches[name];
if (!bench) {
  console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
const bad = [values.workers, values.concurrency, values.latency, values.parallel]
  .flatMap((value) => list(value) ?? [])
  .some((value) => !Number.isInteger(value) || value < 1);
if (bad) {
  console.error("--workers, --concurrency, --latency and --parallel take positive whole numbers (lists: 1,2,4)");
  process.exit(2);
}
const result = await bench();
console.log(JSON.stringify(result, null, 2));
process.exit(0);
