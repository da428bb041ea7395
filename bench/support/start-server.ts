// A real server process for a benchmark, on a free port, with request limits out of the way.
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export async function startServer(
  databaseUrl: string,
  options: { worker: boolean; env?: Record<string, string> },
): Promise<{ child: ChildProcess; port: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [resolve(root, "packages/server/bin/penaxtra.js"), "serve", ...(options.worker ? [] : ["--no-worker"])],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: "0",
        LOG_LEVEL: "info",
        PENAXTRA_RATE_LIMIT_PER_MINUTE: "10000000",
        PENAXTRA_RATE_LIMIT_BURST: "10000000",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /"url":"http:\/\/[^:]+:(\d+)"/.exec(output);
      if (match) resolvePort(Number(match[1]));
    });
    child.once("exit", () => reject(new Error(`server exited: ${output}`)));
  });
  return { child, port, stop: () => stopChild(child) };
}

/** SIGTERM, resolved when the process has exited (at once if it already has). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

/** A `penaxtra worker` process (no API), resolved once its pool has started. */
export async function startWorkerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [resolve(root, "packages/server/bin/penaxtra.js"), "worker"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  await new Promise<void>((started, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes('"msg":"worker started"')) started();
    });
    child.once("exit", () => reject(new Error(`worker exited: ${output}`)));
  });
  // Read on, so that a full pipe never stalls the worker.
  child.stdout!.resume();
  return { child, stop: () => stopChild(child) };
}
