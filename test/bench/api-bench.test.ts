// `pnpm bench api` at a tiny size: above the 400 findings the old seed could make, a server
// process answers every list variant, and a second run reuses the seeded database. Latency is
// measured by the bench itself, never asserted here.
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { benchApi } from "../../bench/api.ts";

describe("bench api", () => {
  it("seeds one finding per (scan, probe), measures, and reuses the seed", async () => {
    const databaseUrl = inject("adminDatabaseUrl");
    const options = { findings: 1000, latencyRequests: 22, throughputSeconds: 0.3, databaseUrl };
    const first = await benchApi(options);
    expect(first).toMatchObject({ findings: 1000, findings_list: { requests: 22 } });
    expect(first.scan_by_id.requests_per_second).toBeGreaterThan(0);
    const second = await benchApi(options);
    expect(second.findings).toBe(1000);

    const pg = postgres(Object.assign(new URL(databaseUrl), { pathname: "/bench_1000" }).toString(), { max: 1 });
    try {
      const [row] = await pg`select count(*)::int as findings, count(distinct (scan_id, probe_id))::int as pairs,
                                    (select count(*)::int from tenants) as tenants from findings`;
      expect(row).toEqual({ findings: 1000, pairs: 1000, tenants: 1 });
    } finally {
      await pg.end();
    }
  }, 120_000);
});
