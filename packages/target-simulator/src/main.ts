// CLI: node main.ts --port N --profile vulnerable|hardened|guarded [--latency-ms N] [--host H]
// Starts the target simulator and prints its endpoints (chat completions and RAG); Ctrl-C stops it.
import { parseArgs } from "node:util";
import { SIMULATOR_PROFILES, type SimulatorProfile } from "./respond.ts";
import { startTargetSimulator } from "./simulator.ts";

const USAGE = "usage: target-sim --port N --profile vulnerable|hardened|guarded [--latency-ms N] [--host H]";

function fail(message: string): never {
  process.stderr.write(`target-sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    fail(`--${name} must be an integer from 0 to ${max}, got "${value}"`);
  return Number(value);
}

let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    options: {
      port: { type: "string" },
      profile: { type: "string" },
      "latency-ms": { type: "string" },
      host: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  fail((error as Error).message);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const profile = parsed.values.profile;
if (profile === undefined) fail("--profile is required");
if (!(SIMULATOR_PROFILES as readonly string[]).includes(profile))
  fail(`--profile must be one of ${SIMULATOR_PROFILES.join(", ")}, got "${profile}"`);

try {
  const simulator = await startTargetSimulator({
    profile: profile as SimulatorProfile,
    port: integer("port", parsed.values.port, 0, 65535),
    latencyMs: integer("latency-ms", parsed.values["latency-ms"], 0, 600_000),
    host: parsed.values.host ?? "127.0.0.1",
  });
  process.stdout.write(
    [
      `target simulator (${profile}) listening on ${simulator.url}`,
      `chat completions endpoint: ${simulator.chatCompletionsUrl}`,
      `RAG ingest endpoint: ${simulator.ragUrls.ingest}`,
      `RAG query endpoint: ${simulator.ragUrls.query}`,
      `RAG delete endpoint: ${simulator.ragUrls.delete}`,
      "",
    ].join("\n"),
  );
  const shutdown = () => void simulator.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (error) {
  fail(`could not start: ${(error as Error).message}`);
}
