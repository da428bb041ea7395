// SARIF 2.1.0: one rule per probe that produced a finding, one result per finding. An LLM endpoint
// has no source file, so each result is located at the endpoint (its URL as the artifact and a
// logical location named after it).
import { probes } from "@penaxtra/engine";
import type { ExportFinding, ScanExport } from "./scan-export.ts";

const probesById = new Map(probes.map((probe) => [probe.id, probe]));
const LEVEL: Record<ExportFinding["severity"], "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};
const LOWER: Record<string, "error" | "warning" | "note"> = { error: "warning", warning: "note", note: "note" };
// GitHub code scanning reads this to rank results (0-10).
const SECURITY_SEVERITY: Record<ExportFinding["severity"], string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

export function toSarif({ scan, findings }: ScanExport, toolVersion: string): object {
  const ruleIds = [...new Set(findings.map((finding) => finding.probe_id))];
  const rules = ruleIds.map((id) => {
    const finding = findings.find((candidate) => candidate.probe_id === id)!;
    const probe = probesById.get(id);
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase()),
      shortDescription: { text: finding.title },
      fullDescription: { text: probe?.description ?? finding.title },
      defaultConfiguration: { level: LEVEL[finding.severity] },
      properties: {
        category: finding.category,
        tags: ["security", "llm", ...finding.risk_refs],
        "security-severity": SECURITY_SEVERITY[finding.severity],
      },
    };
  });
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: "Penaxtra", version: toolVersion, informationUri: "https://github.com/penaxtra", rules },
        },
        automationDetails: { id: `penaxtra/scan/${scan.id}` },
        invocations: [
          {
            // A degraded scan did not test everything: not a successful run, and it says why.
            executionSuccessful: scan.status === "completed" && scan.error === null,
            ...(scan.error ? { toolExecutionNotifications: [{ level: "error", message: { text: scan.error } }] } : {}),
            ...(scan.started_at ? { startTimeUtc: new Date(scan.started_at).toISOString() } : {}),
            ...(scan.completed_at ? { endTimeUtc: new Date(scan.completed_at).toISOString() } : {}),
          },
        ],
        results: findings.map((finding) => ({
          ruleId: finding.probe_id,
          ruleIndex: ruleIds.indexOf(finding.probe_id),
          level: finding.status === "needs_review" ? LOWER[LEVEL[finding.severity]] : LEVEL[finding.severity],
          message: {
            text: `${finding.title} (${finding.status}, confidence ${finding.confidence.toFixed(2)}) on endpoint ${scan.endpoint_name}`,
          },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: scan.endpoint_url } },
              logicalLocations: [
                { name: scan.endpoint_name, fullyQualifiedName: `endpoints/${scan.endpoint_id}`, kind: "resource" },
              ],
            },
          ],
          partialFingerprints: { "penaxtra/v1": finding.fingerprint },
          properties: {
            finding_id: finding.id,
            status: finding.status,
            lifecycle: finding.lifecycle,
            verdict: finding.verdict,
            confidence: finding.confidence,
            severity: finding.severity,
            risk_refs: finding.risk_refs,
          },
        })),
      },
    ],
  };
}
