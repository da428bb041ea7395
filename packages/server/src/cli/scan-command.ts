// penaxtra scan TARGET: one command for a red-team pass. TARGET is a URL (registered as an endpoint
// on first use, reused after) or an endpoint id. It talks to a running server (--base-url and
// PENAXTRA_API_KEY), or with none given starts an embedded one in this process (API, worker and
// Postgres in the data dir) with a token of its own for the run. Progress goes to stderr, the
// summary to stdout, the reports (SARIF, JUnit, JSON, HTML) to --out; the exit code says whether
// the build may pass.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BadRequestError, type Penaxtra, type Schemas } from "@penaxtra/sdk";
import pc from "picocolors";
import { bySeverity } from "../findings/severities.ts";
import { parseFailOn, UUID } from "./arguments.ts";
import { connectServer } from "./connect-server.ts";
import { paintSeverity, progressReporter, summaryTable } from "./scan-output.ts";
import { userPath } from "./user-path.ts";

type WireFormat = Schemas["WireFormat"];

export class ScanUsageError extends Error {}

export interface ScanCommandOptions {
  target: string;
  wireFormat?: string;
  model?: string;
  probes?: string;
  /** Comma-separated strategy names (POST /scans `strategies`). */
  strategies?: string;
  /** Tries per probe of the adaptive search (POST /scans `adaptive.attempts_per_probe`). */
  adaptive?: string;
  failOn?: string;
  out?: string;
  baseUrl?: string;
  concurrency?: string;
  rpm?: string;
  /** Largest share of errored attempts before the scan counts as not run (default 0.05). */
  maxErroredShare?: number;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const WIRE_FORMATS: readonly WireFormat[] = ["chat_completions_v1", "anthropic_messages_v1"];

function parseOptions(options: ScanCommandOptions) {
  const failOn = parseFailOn(options.failOn, ScanUsageError);
  const wireFormat = (options.wireFormat ?? "chat_completions_v1") as WireFormat;
  if (!WIRE_FORMATS.includes(wireFormat))
    throw new ScanUsageError(
      `--wire-format is one of ${WIRE_FORMATS.join(", ")}; http_template_v1 endpoints: register them through the API and scan by id`,
    );
  const whole = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!(Number.isInteger(number) && number >= 1)) throw new ScanUsageError(`${flag} must be a whole number from 1`);
    return number;
  };
  const limits = {
    ...(options.concurrency !== undefined ? { concurrency: whole("--concurrency", options.concurrency) } : {}),
    ...(options.rpm !== undefined ? { requests_per_minute: whole("--rpm", options.rpm) } : {}),
  };
  const isId = UUID.test(options.target);
  if (!isId && !/^https?:\/\//i.test(options.target))
    throw new ScanUsageError(`TARGET is an http(s) URL or an endpoint id, not "${options.target}"`);
  const probeIds = options.probes
    ?.split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const strategies = options.strategies
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const adaptive = whole("--adaptive", options.adaptive);
  return { failOn, wireFormat, limits, isId, probeIds, strategies, adaptive };
}

/** The endpoint to scan: the id given, or the one registered for this URL (created on first use). */
async function endpointFor(
  client: Penaxtra,
  target: string,
  parsed: ReturnType<typeof parseOptions>,
  options: ScanCommandOptions,
  env: NodeJS.ProcessEnv,
): Promise<Schemas["Endpoint"]> {
  const hasLimits = Object.keys(parsed.limits).length > 0;
  if (parsed.isId)
    return hasLimits ? client.endpoints.update(target, { limits: parsed.limits }) : client.endpoints.get(target);
  const name = `penaxtra scan ${new URL(target).host}`.slice(0, 200);
  const secret = env.PENAXTRA_TARGET_API_KEY;
  const model = options.model ?? null;
  // Reused for the same URL, wire format and model, so findings keep their history from run to run
  // (recurring, regressed, fixed); a secret or limits given now are written onto it.
  for await (const endpoint of client.endpoints.list())
    if (
      endpoint.name === name &&
      endpoint.url === target &&
      endpoint.wire_format === parsed.wireFormat &&
      (endpoint.model ?? null) === model &&
      endpoint.status === "active"
    )
      return secret || hasLimits
        ? client.endpoints.update(endpoint.id, {
            ...(secret ? { auth_secret: secret } : {}),
            ...(hasLimits ? { limits: parsed.limits } : {}),
          })
        : endpoint;
  return client.endpoints.create({
    name,
    url: target,
    wire_format: parsed.wireFormat,
    ...(model ? { model } : {}),
    ...(secret ? { auth_secret: secret } : {}),
    ...(hasLimits ? { limits: parsed.limits } : {}),
  });
}

export interface ScanCommandResult {
  exitCode: 0 | 1;
  scan: Schemas["Scan"];
  findings: Schemas["Finding"][];
  files: string[];
}

export async function scanCommand(options: ScanCommandOptions): Promise<ScanCommandResult> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const parsed = parseOptions(options);
  const outDir = userPath(options.out ?? "penaxtra-reports", env);
  const connected = await connectServer(options.baseUrl, env, ScanUsageError);
  try {
    const { client } = connected;
    const endpoint = await endpointFor(client, options.target, parsed, options, env);
    const { scan_id } = await client.scans
      .create({
        endpoint_id: endpoint.id,
        ...(parsed.probeIds?.length ? { probe_ids: parsed.probeIds } : {}),
        ...(parsed.strategies?.length ? { strategies: parsed.strategies } : {}),
        ...(parsed.adaptive ? { adaptive: { attempts_per_probe: parsed.adaptive } } : {}),
      })
      .catch((error: unknown) => {
        // The scan's settings came from this command's flags (--probes, --strategies, --adaptive):
        // the server's refusal, with its message, is a usage mistake (exit 2), not a failed run.
        if (error instanceof BadRequestError) throw new ScanUsageError(error.message);
        throw error;
      });
    stderr.write(
      `scanning ${endpoint.url} (endpoint ${endpoint.id}, at most ${endpoint.limits.concurrency} requests at once and ${endpoint.limits.requests_per_minute} a minute: --concurrency, --rpm): scan ${scan_id}\n`,
    );
    const progress = progressReporter(stderr, "scan");
    const scan = await client.scans
      .waitFor(scan_id, {
        intervalMs: 300,
        timeoutMs: 24 * 3600_000,
        onProgress: (current) =>
          progress.update({
            done: current.attempts_done,
            total: current.attempts_total,
            findings: current.findings_count,
            errors: current.attempts_errored,
            status: current.status,
          }),
      })
      .finally(() => progress.stop());

    const findings: Schemas["Finding"][] = [];
    for await (const finding of client.findings.list({ scan_id, limit: 100 })) findings.push(finding);
    await mkdir(outDir, { recursive: true });
    const files = [
      [join(outDir, "penaxtra.sarif"), await client.scans.export(scan_id, "sarif")],
      [join(outDir, "penaxtra-junit.xml"), await client.scans.export(scan_id, "junit")],
      [join(outDir, "penaxtra.html"), await client.scans.export(scan_id, "html")],
      [join(outDir, "penaxtra.json"), `${JSON.stringify({ scan, endpoint, findings }, null, 2)}\n`],
    ] as const;
    for (const [path, content] of files) await writeFile(path, content);

    // Most severe first: the summary lists the first 20 of them.
    const blocking = findings
      .filter((finding) => finding.status === "confirmed" && parsed.failOn.has(finding.severity))
      .sort(bySeverity);
    const erroredShare = scan.attempts_done ? scan.attempts_errored / scan.attempts_done : 0;
    const degraded = erroredShare > (options.maxErroredShare ?? 0.05);
    const passed = scan.status === "completed" && !degraded && blocking.length === 0;

    const lines = [
      "",
      `scan ${scan.id} ${scan.status}: ${scan.attempts_done}/${scan.attempts_total} attempts, ${scan.attempts_errored} errored, ${findings.length} findings`,
      summaryTable(findings),
    ];
    if (scan.error) lines.push(pc.yellow(`${scan.error}: the unanswered probes prove nothing`));
    const SHOWN = 20;
    for (const finding of blocking.slice(0, SHOWN))
      lines.push(`  ${paintSeverity(finding.severity)} ${finding.probe_id}: ${finding.title}`);
    if (blocking.length > SHOWN) lines.push(`  ... and ${blocking.length - SHOWN} more, every one in penaxtra.html`);
    lines.push(`reports: ${files.map(([path]) => path).join(", ")}`);
    lines.push(
      passed
        ? pc.green(`PASSED: no confirmed ${[...parsed.failOn].join(" or ")} finding`)
        : pc.red(
            `FAILED: ${
              scan.status !== "completed"
                ? `the scan ended ${scan.status}`
                : degraded
                  ? `${Math.round(erroredShare * 100)}% of attempts errored`
                  : `${blocking.length} confirmed ${[...parsed.failOn].join("/")} finding(s)`
            }`,
          ),
    );
    stdout.write(`${lines.join("\n")}\n`);
    return { exitCode: passed ? 0 : 1, scan, findings, files: files.map(([path]) => path) };
  } finally {
    await connected.close();
  }
}
