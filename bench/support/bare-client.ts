// The floor of the scan benchmark on this machine: the same prompts sent to the same simulator at
// the same concurrency by a bare keep-alive node:http client (no API, no database, no judging), on
// its own thread as the server has its own process. Its ratio is what the machine's timers, loopback
// and the simulator's own work allow; the scan's ratio minus this one is the pipeline's cost.
import { Worker } from "node:worker_threads";

export interface BareClientResult {
  wall_ms: number;
  ratio: number;
  mean_latency_ms: number;
}

const CLIENT = `
const { workerData, parentPort } = require("node:worker_threads");
const http = require("node:http");
const { url, prompts, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const send = (prompt) => new Promise((resolve, reject) => {
  const started = performance.now();
  const body = JSON.stringify({ model: "sim", messages: [{ role: "user", content: prompt }] });
  const outgoing = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (incoming) => {
    incoming.resume();
    incoming.on("end", () => resolve(performance.now() - started));
  });
  outgoing.on("error", reject);
  outgoing.end(body);
});
(async () => {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < prompts.length) latencies.push(await send(prompts[next++]));
  }));
  const wall = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ wall, mean: latencies.reduce((a, b) => a + b, 0) / latencies.length });
})().catch((error) => { throw error; });
`;

export function measureBareClient(
  url: string,
  prompts: string[],
  concurrency: number,
  latencyMs: number,
): Promise<BareClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { url, prompts, concurrency } });
    worker.once("message", ({ wall, mean }: { wall: number; mean: number }) => {
      const ideal = (prompts.length * latencyMs) / concurrency;
      const result = {
        wall_ms: Math.round(wall),
        ratio: Math.round((wall / ideal) * 1000) / 1000,
        mean_latency_ms: Math.round(mean * 10) / 10,
      };
      // The thread is torn down before the next scan starts, not during it.
      worker.terminate().then(() => resolve(result), reject);
    });
    worker.once("error", reject);
  });
}
