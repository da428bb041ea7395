// GET /metrics on a port of its own (PENAXTRA_METRICS_PORT): Prometheus reaches it inside the
// deployment's network, and tenants who reach the API never see another tenant's figures.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { registry } from "./metrics.ts";

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer(async (request, response) => {
    if (request.method !== "GET" || (request.url ?? "/").split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found: GET /metrics\n");
      return;
    }
    try {
      const body = await registry.metrics();
      response.writeHead(200, { "content-type": registry.contentType }).end(body);
    } catch (error) {
      response
        .writeHead(500, { "content-type": "text/plain" })
        .end(`metrics unavailable: ${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
