import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { EndpointLeases, LeasedLimiter } from "./leased-limiter.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext(inject("adminDatabaseUrl"));
});
afterAll(async () => ctx.cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const leasesOf = async (endpointId: string) =>
  ctx.pg`select holder, slots from endpoint_leases where endpoint_id = ${endpointId} order by holder`;

describe("LeasedLimiter", () => {
  it("leases slots for announced requests before they ask, and gives them back if they never come", async () => {
    const endpointId = crypto.randomUUID();
    let leaseCalls = 0;
    const countingSql = ((strings: TemplateStringsArray, ...values: unknown[]) => {
      leaseCalls++;
      return (ctx.pg as any)(strings, ...values);
    }) as unknown as typeof ctx.pg;
    const limiter = new LeasedLimiter(
      countingSql,
      endpointId,
      "pool-early",
      { concurrency: 4, requestsPerMinute: 600_000 },
      10_000,
    );
    limiter.anticipate(10);
    await sleep(50);
    expect(await leasesOf(endpointId)).toEqual([{ holder: "pool-early", slots: 4 }]);
    // The first request finds its slot already leased: no round trip before it starts.
    const callsBefore = leaseCalls;
    await limiter.acquire();
    expect(leaseCalls).toBe(callsBefore);
    limiter.release();
    await sleep(300);
    expect(await leasesOf(endpointId)).toEqual([]);

    limiter.anticipate(2);
    await sleep(50);
    expect(await leasesOf(endpointId)).toEqual([{ holder: "pool-early", slots: 2 }]);
    // Nobody came: after the anticipation lapses (1 s) the slots go back.
    await sleep(1300);
    expect(await leasesOf(endpointId)).toEqual([]);
    await limiter.close();
  });

  it("keeps concurrency across holders within the endpoint's limit and frees its lease when idle", async () => {
    const endpointId = crypto.randomUUID();
    const limits = { concurrency: 3, requestsPerMinute: 600_000 };
    const holders = [
      new LeasedLimiter(ctx.pg, endpointId, "pool-a", limits, 10_000),
      new LeasedLimiter(ctx.pg, endpointId, "pool-b", limits, 10_000),
    ];
    let inFlight = 0;
    let maxInFlight = 0;
    const done = [0, 0];
    await Promise.all(
      holders.flatMap((limiter, index) =>
        Array.from({ length: 12 }, async () => {
          await limiter.acquire();
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(15);
          inFlight--;
          done[index]!++;
          limiter.release();
        }),
      ),
    );
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(done).toEqual([12, 12]);
    await sleep(100);
    expect(await leasesOf(endpointId)).toEqual([]);
  });

  it("gives a newly waiting holder a fair share while another stays busy", async () => {
    const endpointId = crypto.randomUUID();
    const limits = { concurrency: 4, requestsPerMinute: 600_000 };
    const busy = new LeasedLimiter(ctx.pg, endpointId, "pool-busy", limits, 10_000);
    const late = new LeasedLimiter(ctx.pg, endpointId, "pool-late", limits, 10_000);
    let stop = false;
    let inFlight = 0;
    let maxInFlight = 0;
    const work = async (limiter: LeasedLimiter) => {
      await limiter.acquire();
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(10);
      inFlight--;
      limiter.release();
    };
    // Eight loops keep `busy` wanting all four slots the whole time.
    const busyLoops = Array.from({ length: 8 }, async () => {
      while (!stop) await work(busy);
    });
    await sleep(100);
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => work(late)));
    const lateMs = performance.now() - started;
    stop = true;
    await Promise.all(busyLoops);
    await Promise.all([busy.close(), late.close()]);
    expect(lateMs).toBeLessThan(2000);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(await leasesOf(endpointId)).toEqual([]);
  });

  it("waits for a crashed holder's lease to expire, then takes its slots", async () => {
    const endpointId = crypto.randomUUID();
    await ctx.pg`insert into endpoint_leases (endpoint_id, holder, slots, expires_at) values (${endpointId}, 'pool-dead', 2, now() + interval '400 milliseconds')`;
    const limiter = new LeasedLimiter(
      ctx.pg,
      endpointId,
      "pool-live",
      { concurrency: 2, requestsPerMinute: 600_000 },
      10_000,
    );
    const started = performance.now();
    await limiter.acquire();
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(await leasesOf(endpointId)).toEqual([{ holder: "pool-live", slots: 1 }]);
    limiter.release();
    await limiter.close();
    expect(await leasesOf(endpointId)).toEqual([]);
  });

  it("serves a second burst after going idle", async () => {
    const limiter = new LeasedLimiter(
      ctx.pg,
      crypto.randomUUID(),
      "pool-d",
      { concurrency: 8, requestsPerMinute: 600_000 },
      10_000,
    );
    for (let burst = 0; burst < 3; burst++) {
      await Promise.all(
        Array.from({ length: 4 }, async () => (await limiter.acquire(), await sleep(5), limiter.release())),
      );
      await sleep(300);
    }
    await limiter.close();
  });

  it("gives up a queued request when its signal aborts", async () => {
    const endpointId = crypto.randomUUID();
    const limiter = new LeasedLimiter(
      ctx.pg,
      endpointId,
      "pool-c",
      { concurrency: 1, requestsPerMinute: 600_000 },
      10_000,
    );
    await limiter.acquire();
    const abort = new AbortController();
    const queued = limiter.acquire(abort.signal);
    abort.abort(new Error("cancelled"));
    await expect(queued).rejects.toThrow("cancelled");
    limiter.release();
    await limiter.close();
  });
});

describe("LeasedLimiter when a lease query fails", () => {
  it("asks again instead of leaving requests waiting", async () => {
    let calls = 0;
    // Fails the first lease, then behaves like the database granting what is asked.
    const flaky = (async (_strings: TemplateStringsArray, ...values: unknown[]) => {
      calls++;
      if (calls === 1) throw new Error("connection reset");
      return [{ granted: values[2] as number }];
    }) as unknown as ConstructorParameters<typeof LeasedLimiter>[0];
    const limiter = new LeasedLimiter(
      flaky,
      crypto.randomUUID(),
      "pool-flaky",
      { concurrency: 2, requestsPerMinute: 600_000 },
      10_000,
    );
    await Promise.race([
      Promise.all([limiter.acquire(), limiter.acquire()]),
      sleep(2000).then(() => Promise.reject(new Error("still waiting"))),
    ]);
    expect(calls).toBeGreaterThan(1);
    limiter.release();
    limiter.release();
    await limiter.close();
  });
});

describe("LeasedLimiter with more busy holders than slots", () => {
  // 1..4 workers x concurrency 1..3: with concurrency below the number of busy workers, every
  // holder was once granted 0 for ever and the scan hung.
  const cases = [1, 2, 3, 4].flatMap((workers) => [1, 2, 3].map((concurrency) => [workers, concurrency] as const));
  it.each(cases)(
    "%i workers, concurrency %i: every request runs, never more at once than allowed",
    async (workers, concurrency) => {
      const endpointId = crypto.randomUUID();
      const limits = { concurrency, requestsPerMinute: 600_000 };
      const holders = Array.from(
        { length: workers },
        (_, index) => new LeasedLimiter(ctx.pg, endpointId, `pool-${index}`, limits, 10_000),
      );
      let inFlight = 0;
      let maxInFlight = 0;
      const done = holders.map(() => 0);
      const all = Promise.all(
        holders.flatMap((limiter, index) =>
          Array.from({ length: 3 }, async () => {
            for (let round = 0; round < 2; round++) {
              await limiter.acquire();
              inFlight++;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await sleep(5);
              inFlight--;
              done[index]!++;
              limiter.release();
            }
          }),
        ),
      );
      const deadline = sleep(15_000).then(() => "stuck" as const);
      expect(await Promise.race([all.then(() => "done" as const), deadline])).toBe("done");
      await Promise.all(holders.map((limiter) => limiter.close()));
      expect(done).toEqual(holders.map(() => 6));
      expect(maxInFlight).toBeLessThanOrEqual(concurrency);
    },
    20_000,
  );
});

describe("LeasedLimiter handoff between holders", () => {
  // The refresh timer is set to an hour: whatever moves here moves through notifications.
  const HOUR = 3_600_000;
  const untilOrStuck = <T>(promise: Promise<T>) =>
    Promise.race([promise, sleep(10_000).then(() => Promise.reject(new Error("stuck: no handoff")))]);

  it("a holder holding every slot gives back its excess to a newly waiting holder as its requests finish", async () => {
    const endpointId = crypto.randomUUID();
    const limits = { concurrency: 4, requestsPerMinute: 600_000 };
    const first = new EndpointLeases(ctx.pg, () => "pool-first", 10_000, HOUR);
    const second = new EndpointLeases(ctx.pg, () => "pool-second", 10_000, HOUR);
    await Promise.all([first.listen(), second.listen()]);
    const busy = first.limiterFor(endpointId, limits);
    const late = second.limiterFor(endpointId, limits);
    await Promise.all(Array.from({ length: 4 }, () => busy.acquire()));
    // Four more queued on `busy`: it wants the whole endpoint for a while yet.
    const busyQueued = Array.from({ length: 4 }, () => busy.acquire());

    let lateAcquired = 0;
    const lateRequests = Array.from({ length: 2 }, () => late.acquire().then(() => lateAcquired++));
    await sleep(100);
    expect(lateAcquired).toBe(0);
    // `busy` finishes one request: that slot goes to the waiting holder, not to busy's own queue.
    busy.release();
    await untilOrStuck(lateRequests[0]!);
    busy.release();
    await untilOrStuck(Promise.all(lateRequests));
    expect(lateAcquired).toBe(2);
    expect(await leasesOf(endpointId)).toEqual([
      { holder: "pool-first", slots: 2 },
      { holder: "pool-second", slots: 2 },
    ]);
    // And back: once `late` is done, `busy` gets the whole endpoint again for its queue.
    late.release();
    late.release();
    busy.release();
    busy.release();
    await untilOrStuck(Promise.all(busyQueued));
    for (let index = 0; index < 4; index++) busy.release();
    await Promise.all([first.closeAll(), second.closeAll()]);
    expect(await leasesOf(endpointId)).toEqual([]);
  });
  it("admits no request during its own lease call that the database would not count", async () => {
    // `b` holds both slots with one in use; `a` arrives, and `b` is told to give one back. The
    // answer to b's lease call is held back for a while: a request b admits meanwhile (its old
    // grant still says two) must be counted as b's, or `a` gets the slot too: three at once.
    const endpointId = crypto.randomUUID();
    const limits = { concurrency: 2, requestsPerMinute: 600_000 };
    let holdBack = false;
    const slowAnswers = new Proxy(ctx.pg, {
      apply(target, self, args: [TemplateStringsArray, ...unknown[]]) {
        const query = Reflect.apply(target, self, args) as Promise<unknown>;
        if (!holdBack || !args[0].join("").includes("penaxtra_lease_slots_v2")) return query;
        return query.then((rows) => sleep(300).then(() => rows));
      },
    });
    const first = new EndpointLeases(ctx.pg, () => "pool-race-a", 10_000, HOUR);
    const second = new EndpointLeases(slowAnswers, () => "pool-race-b", 10_000, HOUR);
    await Promise.all([first.listen(), second.listen()]);
    const a = first.limiterFor(endpointId, limits);
    const b = second.limiterFor(endpointId, limits);
    // Who holds a slot now, in the order they got it: released from the front at the end.
    const running: LeasedLimiter[] = [];
    let most = 0;
    const start = (holder: LeasedLimiter) => {
      running.push(holder);
      most = Math.max(most, running.length);
    };
    await Promise.all([b.acquire(), b.acquire()]);
    start(b);
    start(b);
    running.shift()!.release();
    await sleep(50);
    holdBack = true;
    const aRequest = a.acquire().then(() => start(a));
    await sleep(100);
    // b's lease call is out (the database has answered it; the answer is on its way): b asks for
    // one more slot.
    const bRequest = b.acquire().then(() => start(b));
    await sleep(500);
    expect(most).toBeLessThanOrEqual(2);
    holdBack = false;
    // Everyone finishes: each request still waiting gets its turn as the others end.
    const waiting = Promise.all([aRequest, bRequest]);
    let settled = false;
    void waiting.then(() => (settled = true));
    for (let round = 0; round < 50 && !settled; round++) {
      running.shift()?.release();
      await sleep(50);
    }
    await untilOrStuck(waiting);
    expect(most).toBeLessThanOrEqual(2);
    while (running.length) running.shift()!.release();
    await Promise.all([first.closeAll(), second.closeAll()]);
    expect(await leasesOf(endpointId)).toEqual([]);
  });
});
