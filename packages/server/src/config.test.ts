import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { quickstartAllowsPrivateTargets } from "./runtime/start-platform.ts";

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

describe("PENAXTRA_ALLOW_PRIVATE_TARGETS", () => {
  it.each([
    [undefined, true, "unset: the embedded quickstart scans local targets"],
    ["", true, "empty counts as unset"],
    ["false", false, "an explicit false always wins, embedded database or not"],
    ["true", true, "an explicit true"],
  ])("%j with the embedded database -> private targets allowed: %s (%s)", (raw, allowed, _why) => {
    const config = loadConfig(raw === undefined ? {} : { PENAXTRA_ALLOW_PRIVATE_TARGETS: raw });
    expect(config.allowPrivateTargets || quickstartAllowsPrivateTargets(config, true)).toBe(allowed);
    expect(config.allowPrivateTargets || quickstartAllowsPrivateTargets(config, false)).toBe(raw === "true");
  });

  it("refuses a value that is neither true nor false", () => {
    expect(() => loadConfig({ PENAXTRA_ALLOW_PRIVATE_TARGETS: "yes" })).toThrow(/must be true or false/);
  });
});
