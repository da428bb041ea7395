// `pnpm bench scan --workers`, `pnpm bench scans --parallel` and `pnpm bench vs-promptfoo` at a tiny
// size, so none of them can rot. Speed is the benches' to measure: these check that they run and
// report what the README quotes.
import { defaultScanProbes as probes } from "@penaxtra/engine";
import { describe, expect, inject, it } from "vitest";
import { benchParallelScans } from "../../bench/parallel-scans.ts";
import { benchVsPromptfoo } from "../../bench/vs-promptfoo.ts";
import { benchWorkers } from "../../bench/workers.ts";

const libraryAttempts = probes.reduce((sum, probe) => sum + probe.variants.length, 0);

describe("bench scan --workers", () => {
  it("runs a full scan through 1 and 2 worker processes and reports each one's ratio to the ideal", async () => {
    const result = await benchWorkers({
      workers: [1, 2],
      concurrency: [16],
      latencyMs: 5,
      rounds: 1,
      warmupScansPerWorker: 1,
      databaseUrl: inject("adminDatabaseUrl"),
    });
    expect(result.runs.map((run) => run.workers)).toEqual([1, 2]);
    for (const run of result.runs) {
      expect(run.ratio).toBeGreaterThan(0);
      expect(run.ms_after_create.last_answer).toBeGreaterThan(0);
      // Against ceil(attempts / C) waves of the latency.
      expect(run.ratio_to_wave_floor).toBeCloseTo(run.wall_ms / (Math.ceil(run.attempts / 16) * 5), 2);
    }
    expect(result.by_concurrency[0]).toMatchObject({
      concurrency: 16,
      median_ratio_by_workers: { 1: expect.any(Number), 2: expect.any(Number) },
      median_ratio_to_wave_floor_by_workers: { 1: expect.any(Number), 2: expect.any(Number) },
      two_no_slower_than_one: expect.any(Boolean),
    });
    expect(result.cores).toBeGreaterThan(0);
  }, 180_000);
});

describe("bench scans --parallel", () => {
  it("starts K scans on K endpoints at once and reports their start lag and throughput", async () => {
    const result = await benchParallelScans({
      parallel: 2,
      concurrency: 8,
      latencyMs: 5,
      rounds: 1,
      databaseUrl: inject("adminDatabaseUrl"),
    });
    expect(result.runs).toHaveLength(1);
    const [run] = result.runs;
    expect(run!.attempts).toBe(2 * libraryAttempts);
    expect(run!.start_lag_ms.all).toHaveLength(2);
    expect(run!.start_lag_ms.max).toBeGreaterThanOrEqual(0);
    expect(run!.cpu_ceiling_attempts_per_second).toBeGreaterThan(0);
    expect(typeof result.meets_target).toBe("boolean");
  }, 180_000);
});

describe("bench vs-promptfoo", () => {
  it("says how to get promptfoo when it is not installed, and stops", async () => {
    const result = await benchVsPromptfoo({ promptfooBin: null });
    expect(result).toEqual({ benchmark: "vs-promptfoo", skipped: expect.stringContaining("PROMPTFOO_BIN") });
  });
});
