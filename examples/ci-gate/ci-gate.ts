// A CI gate: scan an endpoint, write SARIF and JUnit files for the CI's reports, and fail the build
// (exit code 1) when the scan confirmed a finding of a blocking severity.
//
//   PENAXTRA_API_KEY=pxt_... ./dev --filter @penaxtra/example-ci-gate start ENDPOINT_ID [--fail-on critical,high] [--out reports]

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Penaxtra, type Schemas } from "@penaxtra/sdk";

export interface GateOptions {
  /** Severities that fail the build when confirmed (default critical and high). */
  failOn?: Array<Schemas["Severity"]>;
  /** Where penaxtra.sarif and penaxtra-junit.xml go (default ./penaxtra-reports). */
  outDir?: string;
  /** How often to read the scan if the server's event stream cannot be had (default 1000 ms). */
  pollMs?: number;
  /** Largest share of attempts that may go unanswered before the scan counts as not run (default 0.05). */
  maxErroredShare?: number;
}

export interface GateResult {
  passed: boolean;
  scan: Schemas["Scan"];
  blocking: Schemas["Finding"][];
  files: string[];
  /** More attempts errored than allowed: the scan says `target_errors: ...` and the gate fails. */
  degraded: boolean;
}

export async function runGate(penaxtra: Penaxtra, endpointId: string, options: GateOptions = {}): Promise<GateResult> {
  const failOn = new Set(options.failOn ?? ["critical", "high"]);
  const { scan_id } = await penaxtra.scans.create({ endpoint_id: endpointId });
  // Follows the scan's event stream: the gate ends the moment the scan does.
  const scan = await penaxtra.scans.waitFor(scan_id, { intervalMs: options.pollMs ?? 1000 });

  const outDir = options.outDir ?? "penaxtra-reports";
  await mkdir(outDir, { recursive: true });
  const files = [join(outDir, "penaxtra.sarif"), join(outDir, "penaxtra-junit.xml")];
  await writeFile(files[0]!, await penaxtra.scans.export(scan_id, "sarif"));
  await writeFile(files[1]!, await penaxtra.scans.export(scan_id, "junit"));

  const blocking: Schemas["Finding"][] = [];
  for await (const finding of penaxtra.findings.list({ scan_id, status: "confirmed" }))
    if (failOn.has(finding.severity)) blocking.push(finding);
  // A scan that could not run is no pass either, nor one whose target left many probes unanswered.
  const erroredShare = scan.attempts_done ? scan.attempts_errored / scan.attempts_done : 0;
  const degraded = erroredShare > (options.maxErroredShare ?? 0.05);
  return {
    passed: scan.status === "completed" && !degraded && blocking.length === 0,
    scan,
    blocking,
    files,
    degraded,
  };
}

export function formatGate({ passed, scan, blocking, files, degraded }: GateResult): string {
  const lines = [
    `penaxtra gate: ${passed ? "PASSED" : "FAILED"} (scan ${scan.id} ${scan.status}, ${scan.findings_count} findings; reports: ${files.join(", ")})`,
  ];
  if (degraded) lines.push(`  degraded: ${scan.error} - the untested probes prove nothing`);
  for (const finding of blocking)
    lines.push(
      `  ${finding.severity.padEnd(8)} ${finding.probe_id}: ${finding.title} [${finding.risk_refs.slice(0, 3).join(", ")}]`,
    );
  return lines.join("\n");
}

/**
 * `--out reports` means the reports folder where the user ran the command: pnpm runs this script
 * inside examples/ci-gate, so a relative path is resolved against where they stood (./dev passes
 * it as PENAXTRA_CALLER_DIR; pnpm sets INIT_CWD).
 */
export function callerPath(path: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (path === undefined) return undefined;
  return resolve(env.PENAXTRA_CALLER_DIR || env.INIT_CWD || process.cwd(), path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [endpointId, ...rest] = process.argv.slice(2);
  if (!endpointId) {
    console.error(
      "usage: ci-gate.ts ENDPOINT_ID [--fail-on critical,high] [--out DIR]   (PENAXTRA_API_KEY, PENAXTRA_BASE_URL from the environment)",
    );
    process.exit(2);
  }
  const flag = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const result = await runGate(new Penaxtra(), endpointId, {
    failOn: flag("--fail-on")?.split(",") as GateOptions["failOn"],
    outDir: callerPath(flag("--out")),
  });
  console.log(formatGate(result));
  process.exit(result.passed ? 0 : 1);
}
