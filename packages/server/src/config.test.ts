import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("reads the worker's liveness settings", () => {
    expect(loadConfig({ PENAXTRA_WORKER_HEARTBEAT_MS: "1000", PENAXTRA_WORKER_STALE_AFTER_MS: "5000" })).toMatchObject({
      workerHeartbeatMs: 1000,
      workerStaleAfterMs: 5000,
    });
  });

  it.each([
    [
      { PENAXTRA_WORKER_HEARTBEAT_MS: "10000" },
      /PENAXTRA_WORKER_STALE_AFTER_MS \(20000\) must be at least 3 x PENAXTRA_WORKER_HEARTBEAT_MS \(10000\)/,
    ],
    [{ PENAXTRA_WORKER_CONCURRENCY: "-1" }, /PENAXTRA_WORKER_CONCURRENCY must be a non-negative integer/],
  ])("refuses %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
