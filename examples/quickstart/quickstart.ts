// Quickstart: register the target simulator as an endpoint, scan it with the whole probe library,
// wait for the scan, and print its findings, most severe first.
//
//   ./dev target-sim --port 9100 --profile vulnerable
//   PENAXTRA_API_KEY=pxt_... ./dev --filter @penaxtra/example-quickstart start http://127.0.0.1:9100/v1/chat/completions

import { pathToFileURL } from "node:url";
import { Penaxtra, type Schemas } from "@penaxtra/sdk";

const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"];

export async function quickstart(
  penaxtra: Penaxtra,
  targetUrl: string,
  pollMs = 1000,
): Promise<{ scan: Schemas["Scan"]; findings: Schemas["Finding"][] }> {
  const endpoint = await penaxtra.endpoints.create({
    name: "quickstart target",
    url: targetUrl,
    wire_format: "chat_completions_v1",
    limits: { concurrency: 8, requests_per_minute: 6000 },
  });
  const { scan_id } = await penaxtra.scans.create({ endpoint_id: endpoint.id });
  // Pushed by the server as the scan runs; read every pollMs only where there is no event stream.
  const scan = await penaxtra.scans.waitFor(scan_id, { intervalMs: pollMs });
  const findings: Schemas["Finding"][] = [];
  for await (const finding of penaxtra.findings.list({ scan_id })) findings.push(finding);
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.probe_id.localeCompare(b.probe_id),
  );
  return { scan, findings };
}

export function printable({ scan, findings }: Awaited<ReturnType<typeof quickstart>>): string {
  return [
    `scan ${scan.id}: ${scan.status}, ${scan.attempts_done} attempts, ${findings.length} findings`,
    ...findings.map(
      (finding) =>
        `  [${finding.severity}] ${finding.status.padEnd(12)} ${finding.title}  (${finding.risk_refs.slice(0, 3).join(", ")})`,
    ),
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const targetUrl = process.argv[2] ?? "http://127.0.0.1:9100/v1/chat/completions";
  console.log(printable(await quickstart(new Penaxtra(), targetUrl)));
}
