// A scan as one self-contained HTML file people can read: summary, a chart of findings by
// severity, the framework controls they touch, and every finding with its evidence and each judge's vote. No
// script, no external resource (its own Content-Security-Policy forbids both), and every text from
// a target is escaped: answers are attacker-controlled.
import { frameworks as frameworkCatalogue } from "@penaxtra/engine";
import type postgres from "postgres";
import { type EvidenceExcerpt, loadEvidenceExcerpts } from "../findings/evidence-excerpts.ts";
import { bySeverity, SEVERITIES } from "../findings/severities.ts";
import {
  EXCERPT_CHARS,
  escapeHtml,
  excerpt,
  PAGE_HEAD,
  PAGE_STYLE,
  severityBadge,
  severityChart,
} from "./html-page.ts";
import { loadScanExport, type ScanExport } from "./scan-export.ts";

type Vote = { judge: string; kind: string; verdict: string; confidence: number; rationale: string };

export interface ScanHtmlReport extends ScanExport {
  evidence: Map<string, EvidenceExcerpt>;
  votes: Map<string, Vote[]>;
}

export async function loadScanHtmlReport(
  pg: postgres.Sql,
  tenantId: string,
  scanId: string,
): Promise<ScanHtmlReport | null> {
  const loaded = await loadScanExport(pg, tenantId, scanId);
  if (!loaded) return null;
  const ids = loaded.findings.map((finding) => finding.id);
  const [evidence, voteRows] = await Promise.all([
    loadEvidenceExcerpts(pg, tenantId, ids, EXCERPT_CHARS),
    ids.length
      ? pg<Array<Vote & { finding_id: string }>>`
          select finding_id, judge, kind, verdict, confidence, rationale from judge_votes
          where finding_id = any(${ids}::uuid[]) and tenant_id = ${tenantId} order by id`
      : [],
  ]);
  const votes = new Map<string, Vote[]>();
  for (const { finding_id, ...vote } of voteRows) votes.set(finding_id, [...(votes.get(finding_id) ?? []), vote]);
  return { ...loaded, evidence, votes };
}

const controlOf = new Map(
  frameworkCatalogue.flatMap((framework) =>
    framework.refs.map((entry) => [entry.ref, { framework: framework.title, control: `${entry.code} ${entry.title}` }]),
  ),
);

/** Success per strategy, when the scan applied any (or searched adaptively). */
function strategyTable(strategies: ScanExport["strategies"]): string {
  if (!strategies.some((row) => row.strategy !== "")) return "";
  const rows = strategies
    .map(
      (row) =>
        `<tr><td>${row.strategy ? `<code>${escapeHtml(row.strategy)}</code>` : "as written"}</td><td>${row.attempts}</td><td>${row.vulnerable}</td><td>${row.answered ? ((100 * row.vulnerable) / row.answered).toFixed(0) : "-"}%</td><td>${row.probes_broken}</td></tr>`,
    )
    .join("");
  return `<h2>Success per strategy</h2>
<table><thead><tr><th>strategy</th><th>attempts</th><th>judged vulnerable</th><th>success rate</th><th>probes broken</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function toScanHtml(report: ScanHtmlReport, version: string): string {
  const { scan, probes, findings } = report;
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<string, number>;
  for (const finding of findings) counts[finding.severity]!++;
  // Controls of each framework the findings touch, with how many findings touch each.
  const controls = new Map<string, number>();
  for (const finding of findings)
    for (const ref of new Set(finding.risk_refs)) {
      const known = controlOf.get(ref);
      const key = known ? `${known.framework}\u0000${known.control}` : `Other\u0000${ref}`;
      controls.set(key, (controls.get(key) ?? 0) + 1);
    }
  const attempts = probes.reduce((sum, probe) => sum + probe.attempts, 0);
  const errored = probes.reduce((sum, probe) => sum + probe.errored, 0);
  const sorted = [...findings].sort((a, b) => bySeverity(a, b) || a.probe_id.localeCompare(b.probe_id));
  const when = (date: Date | null) => (date ? new Date(date).toISOString().replace("T", " ").slice(0, 19) : "-");

  const findingSections = sorted
    .map((finding) => {
      const shown = report.evidence.get(finding.id);
      const votes = (report.votes.get(finding.id) ?? [])
        .map(
          (vote) =>
            `<tr><td>${escapeHtml(vote.judge)}${vote.kind === "meta" ? " (meta)" : ""}</td><td class="v-${escapeHtml(vote.verdict)}">${escapeHtml(vote.verdict)}</td><td>${vote.confidence.toFixed(2)}</td><td>${escapeHtml(vote.rationale)}</td></tr>`,
        )
        .join("");
      return `<section class="finding" id="f-${escapeHtml(finding.id)}">
<h3>${severityBadge(finding.severity)} ${escapeHtml(finding.title)}</h3>
<p class="meta">probe <code>${escapeHtml(finding.probe_id)}</code> · ${escapeHtml(finding.category)} · status <b>${escapeHtml(finding.status)}</b> · ${escapeHtml(finding.verdict)} at ${finding.confidence.toFixed(2)} · ${escapeHtml(finding.lifecycle)}</p>
<p class="refs">${finding.risk_refs.map((ref) => `<code>${escapeHtml(ref)}</code>`).join(" ")}</p>
<h4>Prompt sent</h4><pre>${escapeHtml(excerpt(shown?.prompt, shown?.promptChars))}</pre>
<h4>Answer received</h4><pre>${escapeHtml(excerpt(shown?.response, shown?.responseChars))}</pre>
<h4>Judges</h4><table><thead><tr><th>judge</th><th>verdict</th><th>confidence</th><th>rationale</th></tr></thead><tbody>${votes}</tbody></table>
</section>`;
    })
    .join("\n");

  return `${PAGE_HEAD}
<meta name="generator" content="penaxtra ${escapeHtml(version)}">
<title>Penaxtra scan ${scan.id}: ${escapeHtml(scan.endpoint_name)}</title>
${PAGE_STYLE}</head><body>
<h1>Penaxtra scan report</h1>
<p class="meta">Endpoint <b>${escapeHtml(scan.endpoint_name)}</b> (<code>${escapeHtml(scan.endpoint_url)}</code>) · scan <code>${scan.id}</code> · ${escapeHtml(scan.status)} · started ${when(scan.started_at)} UTC · finished ${when(scan.completed_at)} UTC</p>
${scan.error ? `<p class="warn">${escapeHtml(scan.error)}: probes the target did not answer prove nothing.</p>` : ""}
<h2>Summary</h2>
<table><tbody><tr><th>probes sent</th><td>${probes.length}</td></tr><tr><th>attempts</th><td>${attempts} (${errored} errored)</td></tr>
<tr><th>findings</th><td>${findings.length} (${findings.filter((f) => f.status === "confirmed").length} confirmed, ${findings.filter((f) => f.status === "needs_review").length} need review)</td></tr></tbody></table>
${severityChart(counts)}
${strategyTable(report.strategies)}
<h2>Controls by framework</h2>
<table><thead><tr><th>framework</th><th>control</th><th>findings</th></tr></thead><tbody>${[...controls.entries()]
    .sort()
    .map(([key, count]) => {
      const [framework, control] = key.split("\u0000");
      return `<tr><td>${escapeHtml(framework!)}</td><td>${escapeHtml(control!)}</td><td>${count}</td></tr>`;
    })
    .join("")}</tbody></table>
<h2>Findings</h2>
${findingSections || "<p>No findings: no probe got through.</p>"}
<p class="meta">Findings marked false positive or accepted risk are left out. Generated by Penaxtra ${escapeHtml(version)}.</p>
</body></html>
`;
}
