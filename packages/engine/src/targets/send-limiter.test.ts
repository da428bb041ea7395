import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StartRate } from "./send-limiter.ts";

// Fake clock and timers: time moves only when a test moves it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` waits at once; `after(ms)` moves the clock and says how many have been let go. */
function startWaits(rate: StartRate, count: number) {
  let started = 0;
  for (let i = 0; i < count; i++) void rate.wait().then(() => started++);
  return {
    async after(ms: number) {
      await vi.advanceTimersByTimeAsync(ms);
      return started;
    },
    /** How many have been let go without any timer firing. */
    async withoutTimers() {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return started;
    },
  };
}

describe("StartRate", () => {
  it("spaces starts one interval apart", async () => {
    const run = startWaits(new StartRate(600), 3);
    const seen = [];
    for (const ms of [0, 99, 1, 100]) seen.push(await run.after(ms));
    expect(seen).toEqual([1, 1, 2, 3]);
  });

  it("sets no timer for a start due within a millisecond (a timer would wait at least that long)", async () => {
    // 0.6 ms apart: the second start goes at once, the third (1.2 ms out) waits on a timer.
    const run = startWaits(new StartRate(100_000), 3);
    expect(await run.withoutTimers()).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    expect(await run.after(2)).toBe(3);
  });

  it("never lets a start go more than a millisecond before its turn", async () => {
    const rate = new StartRate(100_000);
    const interval = 60_000 / 100_000;
    const startedAt: number[] = [];
    for (let i = 0; i < 50; i++) void rate.wait().then(() => startedAt.push(performance.now()));
    await vi.advanceTimersByTimeAsync(100);
    expect(startedAt).toHaveLength(50);
    startedAt.forEach((at, turn) => expect(at).toBeGreaterThanOrEqual(turn * interval - 1));
  });
});
