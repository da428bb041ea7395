// JUnit XML: one test case per probe the scan sent. A confirmed finding fails its case, one that
// needs review is an error (undecided), a probe whose every attempt errored is skipped.
import type { ScanExport } from "./scan-export.ts";

const escapeXml = (text: string) =>
  text
    .replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

export function toJunit({ scan, probes, findings }: ScanExport): string {
  const byProbe = new Map(findings.map((finding) => [finding.probe_id, finding]));
  const cases = probes.map((probe) => {
    const finding = byProbe.get(probe.probe_id);
    const open = `    <testcase classname="${escapeXml(`penaxtra.${finding?.category ?? "probe"}`)}" name="${escapeXml(probe.probe_id)}" time="${(probe.latency_ms / 1000).toFixed(3)}"`;
    if (finding?.status === "confirmed") {
      return `${open}>\n      <failure type="${finding.severity}" message="${escapeXml(`${finding.title} (confidence ${finding.confidence.toFixed(2)})`)}">${escapeXml(`finding ${finding.id}; risk refs: ${finding.risk_refs.join(", ")}`)}</failure>\n    </testcase>`;
    }
    if (finding)
      return `${open}>\n      <error type="needs_review" message="${escapeXml(`${finding.title}: the judges disagree, a person should review it`)}">${escapeXml(`finding ${finding.id}`)}</error>\n    </testcase>`;
    if (probe.attempts > 0 && probe.errored === probe.attempts)
      return `${open}>\n      <skipped message="every attempt errored: the target did not answer"/>\n    </testcase>`;
    return `${open}/>`;
  });
  const failures = probes.filter((probe) => byProbe.get(probe.probe_id)?.status === "confirmed").length;
  const errors = probes.filter(
    (probe) => byProbe.has(probe.probe_id) && byProbe.get(probe.probe_id)!.status !== "confirmed",
  ).length;
  const skipped = probes.filter(
    (probe) => !byProbe.has(probe.probe_id) && probe.attempts > 0 && probe.errored === probe.attempts,
  ).length;
  const time = probes.reduce((sum, probe) => sum + probe.latency_ms, 0) / 1000;
  const name = escapeXml(`penaxtra scan ${scan.id} of ${scan.endpoint_name}`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${name}" tests="${probes.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}">`,
    `  <testsuite name="${name}" tests="${probes.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}"${scan.started_at ? ` timestamp="${new Date(scan.started_at).toISOString()}"` : ""}>`,
    // A degraded scan says so where CI dashboards show suite properties.
    ...(scan.error
      ? [
          `    <properties>`,
          `      <property name="penaxtra.scan_error" value="${escapeXml(scan.error)}"/>`,
          `    </properties>`,
        ]
      : []),
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
