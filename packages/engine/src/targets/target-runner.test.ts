import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { TargetConfig } from "./adapters.ts";
import { TargetRunner } from "./target-runner.ts";

const servers: Array<{ close(): void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function target(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TargetConfig> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    wireFormat: "chat_completions_v1",
    model: null,
    authHeader: null,
    authSecret: null,
    httpTemplate: null,
    timeoutMs: 2000,
  };
}

const answer = (res: ServerResponse, text = "ok") => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ choices: [{ message: { content: text } }] }));
};
const policy = { allowPrivate: true };

describe("TargetRunner", () => {
  it("never has more than `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const config = await target((_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => (inFlight--, answer(res)), 40);
    });
    const runner = new TargetRunner(config, { concurrency: 3, requestsPerMinute: 60_000, maxRetries: 0 }, policy);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => runner.send("hi")));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(peak).toBe(3);
  });

  it("spaces request starts to honour requests per minute", async () => {
    const starts: number[] = [];
    const config = await target((_req, res) => (starts.push(performance.now()), answer(res)));
    const runner = new TargetRunner(config, { concurrency: 5, requestsPerMinute: 600, maxRetries: 0 }, policy);
    await Promise.all(Array.from({ length: 5 }, () => runner.send("hi")));
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(380);
  });

  it("retries 503 with backoff and returns the answer with the attempt count", async () => {
    let calls = 0;
    const config = await target((_req, res) =>
      ++calls < 3 ? ((res.statusCode = 503), res.end("busy")) : answer(res, "finally"),
    );
    const runner = new TargetRunner(config, { concurrency: 1, requestsPerMinute: 60_000, maxRetries: 3 }, policy, {
      baseBackoffMs: 5,
    });
    expect(await runner.send("hi")).toMatchObject({ ok: true, text: "finally", attempts: 3 });
  });

  it("waits as long as Retry-After asks on 429", async () => {
    const times: number[] = [];
    const config = await target((_req, res) => {
      times.push(performance.now());
      if (times.length === 1) {
        res.statusCode = 429;
        res.setHeader("retry-after", "1");
        return res.end();
      }
      answer(res);
    });
    const runner = new TargetRunner(config, { concurrency: 1, requestsPerMinute: 60_000, maxRetries: 2 }, policy, {
      baseBackoffMs: 1,
    });
    expect((await runner.send("hi")).ok).toBe(true);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
  });

  it("records a target that keeps failing as an error, never as an answer", async () => {
    const config = await target((_req, res) => ((res.statusCode = 500), res.end()));
    const runner = new TargetRunner(config, { concurrency: 1, requestsPerMinute: 60_000, maxRetries: 2 }, policy, {
      baseBackoffMs: 1,
    });
    expect(await runner.send("hi")).toMatchObject({ ok: false, error: "http_error", httpStatus: 500, attempts: 3 });
  });

  it("does not retry a client error other than 408 and 429", async () => {
    let calls = 0;
    const config = await target((_req, res) => (calls++, (res.statusCode = 400), res.end()));
    const runner = new TargetRunner(config, { concurrency: 1, requestsPerMinute: 60_000, maxRetries: 3 }, policy, {
      baseBackoffMs: 1,
    });
    expect(await runner.send("hi")).toMatchObject({ ok: false, attempts: 1 });
    expect(calls).toBe(1);
  });

  it("times out a silent target", async () => {
    const config = await target(() => {});
    const runner = new TargetRunner(
      { ...config, timeoutMs: 100 },
      { concurrency: 1, requestsPerMinute: 60_000, maxRetries: 0 },
      policy,
    );
    expect(await runner.send("hi")).toMatchObject({ ok: false, error: "timeout" });
  });
});
