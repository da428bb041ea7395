import type postgres from "postgres";
import { afterEach, expect, it } from "vitest";
import { observeDatabase, registry } from "./metrics.ts";

afterEach(() => observeDatabase(null));

it("reads the job queue once per scrape for both queue gauges, and again at the next scrape", async () => {
  const reads: string[] = [];
  // A stand-in for the pool: answers the two queries the gauges make, and counts them.
  const database = ((strings: TemplateStringsArray) => {
    const text = strings.join("?");
    reads.push(text.includes("graphile_worker.jobs") ? "queue" : "scans");
    return Promise.resolve(
      text.includes("graphile_worker.jobs")
        ? [{ task: "scan_batch", waiting: 3, oldest_seconds: 1.5 }]
        : [{ status: "running", count: 2 }],
    );
  }) as unknown as postgres.Sql;
  observeDatabase(database);

  const scraped = await registry.metrics();
  expect(scraped).toContain('penaxtra_queue_jobs{task="scan_batch"} 3');
  expect(scraped).toContain('penaxtra_queue_oldest_job_age_seconds{task="scan_batch"} 1.5');
  expect(scraped).toContain('penaxtra_scans{status="running"} 2');
  expect(reads.sort()).toEqual(["queue", "scans"]);

  await registry.metrics();
  expect(reads.filter((read) => read === "queue")).toHaveLength(2);
});
