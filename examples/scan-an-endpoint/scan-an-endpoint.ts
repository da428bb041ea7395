// Scan an OpenAI-compatible chat endpoint with the whole probe library and summarise the findings.
//
//   ./dev target-sim --port 9100 --profile vulnerable          # a target to try it on
//   PENAXTRA_API_KEY=pxt_... ./dev --filter @penaxtra/example-scan-an-endpoint start http://127.0.0.1:9100/v1/chat/completions

import { pathToFileURL } from "node:url";
import { createPenaxtraClient, type Schemas } from "@penaxtra/sdk";

type Client = ReturnType<typeof createPenaxtraClient>;

export interface ScanSummary {
  scan: Schemas["Scan"];
  findings: Schemas["Finding"][];
}

export interface ScanOptions {
  /** The target's limits; the server's defaults (4 at a time, 120 a minute) suit a shared production model. */
  limits?: Schemas["EndpointLimits"];
  pollMs?: number;
  timeoutMs?: number;
}

export async function scanEndpoint(client: Client, targetUrl: string, options: ScanOptions = {}): Promise<ScanSummary> {
  const endpoint = await client.POST("/api/v2/endpoints", {
    body: {
      name: `scan of ${new URL(targetUrl).host}`,
      url: targetUrl,
      wire_format: "chat_completions_v1",
      limits: options.limits,
    },
  });
  if (endpoint.error) throw new Error(`could not register the endpoint: ${endpoint.error.error}`);

  const started = await client.POST("/api/v2/scans", { body: { endpoint_id: endpoint.data.id } });
  if (started.error) throw new Error(`could not start the scan: ${started.error.error}`);

  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let scan: Schemas["Scan"];
  for (;;) {
    const polled = await client.GET("/api/v2/scans/{id}", { params: { path: { id: started.data.scan_id } } });
    if (polled.error) throw new Error(`could not read the scan: ${polled.error.error}`);
    scan = polled.data;
    if (scan.status === "completed" || scan.status === "failed" || scan.status === "cancelled") break;
    if (Date.now() > deadline) throw new Error(`scan ${scan.id} still ${scan.status} at the deadline`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }

  const findings: Schemas["Finding"][] = [];
  let cursor: string | undefined;
  do {
    const page = await client.GET("/api/v2/findings", { params: { query: { scan_id: scan.id, limit: 200, cursor } } });
    if (page.error) throw new Error(`could not list findings: ${page.error.error}`);
    findings.push(...page.data.data);
    cursor = page.data.next_cursor ?? undefined;
  } while (cursor);
  return { scan, findings };
}

export function formatSummary({ scan, findings }: ScanSummary): string {
  const lines = [
    `scan ${scan.id}: ${scan.status}, ${scan.attempts_done}/${scan.attempts_total} attempts (${scan.attempts_errored} errored), ${findings.length} findings`,
  ];
  const byCategory = new Map<string, Schemas["Finding"][]>();
  for (const finding of findings)
    byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), finding]);
  for (const [category, group] of [...byCategory].sort()) {
    const confirmed = group.filter((finding) => finding.status === "confirmed").length;
    lines.push(`  ${category.padEnd(34)} ${String(group.length).padStart(3)} findings, ${confirmed} confirmed`);
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const targetUrl = process.argv[2];
  if (!targetUrl) {
    console.error(
      "usage: scan-an-endpoint.ts TARGET_CHAT_COMPLETIONS_URL   (PENAXTRA_API_KEY, PENAXTRA_BASE_URL from the environment)",
    );
    process.exit(2);
  }
  console.log(formatSummary(await scanEndpoint(createPenaxtraClient(), targetUrl)));
}
