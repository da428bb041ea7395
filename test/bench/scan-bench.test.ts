// `pnpm bench scan` at a tiny size: one warm-up and one measured full-library scan through a server
// process, with CPU counted for this cluster's processes only. Speed is the bench's to measure.
import { defaultScanProbes as probes } from "@penaxtra/engine";
import { describe, expect, inject, it } from "vitest";
import { benchScan } from "../../bench/scan.ts";

describe("bench scan", () => {
  it("scans the whole library once and reports wall time, ratio and CPU of its own cluster", async () => {
    const result = await benchScan({
      runs: 1,
      warmupRuns: 1,
      autovacuumWaitMs: 0,
      databaseUrl: inject("adminDatabaseUrl"),
    });
    const attempts = probes.reduce((sum, probe) => sum + probe.variants.length, 0);
    expect(result).toMatchObject({ benchmark: "scan", warmup_ratio: [expect.any(Number)] });
    expect(result.runs).toHaveLength(1);
    const [run] = result.runs;
    expect(run).toMatchObject({ attempts, errored: 0 });
    expect(run!.findings).toBeGreaterThan(0);
    // This cluster's processes only: a finite figure, counted from its postmaster's children.
    expect(Number.isFinite(run!.cpu_ms.postgres)).toBe(true);
    expect(run!.cpu_ms.postgres).toBeGreaterThan(0);
  }, 180_000);

  it("applies strategies when asked, and the ideal counts the added attempts", async () => {
    const result = await benchScan({
      runs: 1,
      warmupRuns: 0,
      autovacuumWaitMs: 0,
      databaseUrl: inject("adminDatabaseUrl"),
      strategies: ["base64"],
    });
    const attempts = probes.reduce((sum, probe) => sum + probe.variants.length, 0);
    expect(result.strategies).toEqual(["base64"]);
    expect(result.runs[0]).toMatchObject({ attempts: 2 * attempts, errored: 0 });
    expect(result.runs[0]!.ideal_ms).toBe(Math.round((2 * attempts * 20) / 16));
  }, 180_000);
});
