// A report as one self-contained HTML page: the summary and its chart, each framework's controls,
// and every finding with its evidence excerpt and remediation. Same rules as the scan export: no
// script, no external resource, every text escaped.
import { remediationFor } from "@penaxtra/engine";
import { escapeHtml, excerpt, PAGE_HEAD, PAGE_STYLE, severityBadge, severityChart } from "../exports/html-page.ts";
import type { EvidenceExcerpt } from "../findings/evidence-excerpts.ts";
import { bySeverity, SEVERITIES } from "../findings/severities.ts";
import type { ReportDocument } from "./build-report.ts";

export function reportHtml(document: ReportDocument, evidence: Map<string, EvidenceExcerpt>, version: string): string {
  const { summary } = document;
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, summary.by_severity[severity] ?? 0]));
  const frameworks = document.frameworks
    .map((framework) => {
      const heading = framework.title.includes(framework.edition)
        ? framework.title
        : `${framework.title} (${framework.edition})`;
      const rows = framework.controls
        .map(
          (control) =>
            `<tr><td>${escapeHtml(control.code)}</td><td>${escapeHtml(control.title)}</td><td class="${control.finding_count ? "hit" : "none"}">${control.finding_count}</td><td>${
              SEVERITIES.filter((severity) => control.by_severity[severity])
                .map((severity) => `${control.by_severity[severity]} ${severity}`)
                .join(", ") || "-"
            }</td></tr>`,
        )
        .join("");
      return `<h2>${escapeHtml(heading)}</h2><p class="meta">${escapeHtml(framework.source_url)}</p>
<table><thead><tr><th>control</th><th>title</th><th>findings</th><th>by severity</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join("\n");
  const findings = [...document.findings]
    .sort(bySeverity)
    .map((finding) => {
      const shown = evidence.get(finding.id);
      const remediation = remediationFor(finding.category);
      return `<section class="finding" id="f-${escapeHtml(finding.id)}">
<h3>${severityBadge(finding.severity)} ${escapeHtml(finding.title)}</h3>
<p class="meta">probe <code>${escapeHtml(finding.probe_id)}</code> · ${escapeHtml(finding.category)} · ${escapeHtml(finding.status)} · ${escapeHtml(finding.lifecycle)} · confidence ${finding.confidence.toFixed(2)}</p>
<p class="refs">${finding.risk_refs.map((ref) => `<code>${escapeHtml(ref)}</code>`).join(" ")}</p>
${shown ? `<h4>Prompt</h4><pre>${escapeHtml(excerpt(shown.prompt, shown.promptChars))}</pre><h4>Answer</h4><pre>${escapeHtml(excerpt(shown.response, shown.responseChars))}</pre>` : ""}
<h4>What to change</h4><p>${escapeHtml(remediation.summary)}</p>
<ol>${remediation.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join("")}</ol>
<p class="meta">${remediation.references.map((reference) => `${escapeHtml(reference.title)}: ${escapeHtml(reference.url)}`).join("<br>")}</p>
</section>`;
    })
    .join("\n");
  return `${PAGE_HEAD}
<meta name="generator" content="penaxtra ${escapeHtml(version)}">
<title>${escapeHtml(document.title)}</title>
${PAGE_STYLE}</head><body>
<h1>${escapeHtml(document.title)}</h1>
<p class="meta">Penaxtra report ${escapeHtml(document.report_id)} · generated ${escapeHtml(document.generated_at)} · schema ${escapeHtml(document.schema_version)}</p>
<h2>Summary</h2>
<p>${summary.findings} findings in scope; ${summary.dismissed} dismissed as false positive or accepted risk are not counted.</p>
${severityChart(counts)}
${frameworks}
<h2>Findings (${document.findings.length})</h2>
${findings || "<p>No findings in scope.</p>"}
</body></html>
`;
}
