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
    for (let i = 0; i < 3; i++) await requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: true });
    expect(connections - before).toBe(1);
  });

  it("never reuses a connection opened under a laxer policy", async () => {
    await requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: true });
    // The same host:port under the strict policy must resolve and be checked again, and refused.
    await expect(requestTarget({ url: `http://localhost:${port}/`, timeoutMs: 2000 }, { allowPrivate: false })).rejects.toBeInstanceOf(TargetNotAllowedError);
  });
});
