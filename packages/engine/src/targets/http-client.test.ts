import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TargetNotAllowedError } from "./address-guard.ts";
import { requestTarget } from "./http-client.ts";

let server: Server;
let port: number;
let connections = 0;
beforeAll(async () => {
  server = createServer((_req, res) => res.end("ok"));
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

describe("requestTarget", () => {
  it("reuses connections within one policy", async () => {
    const before = connections;
    for (let i = 0; i < 3; i++)
      await requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: true });
    expect(connections - before).toBe(1);
  });

  it("never reuses a connection opened under a laxer policy", async () => {
    await requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: true });
    // The same host:port under the strict policy must resolve and be checked again, and refused.
    await expect(
      requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: false }),
    ).rejects.toBeInstanceOf(TargetNotAllowedError);
  });
});

describe("requestTarget deadline", () => {
  it("ends an answer that trickles in slower than the timeout allows", async () => {
    const trickler = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => trickler.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(trickler.address() as AddressInfo).port}/`;
    const started = performance.now();
    await expect(requestTarget({ url, timeoutMs: 300 }, { allowPrivate: true })).rejects.toThrow(
      /did not answer within 300 ms/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    await new Promise<void>((resolve) => (trickler.closeAllConnections(), trickler.close(() => resolve())));
  });
});
