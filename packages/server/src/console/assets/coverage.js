// Coverage: the latest open findings counted by severity and by framework.
import { api } from "./api.js";
import { el, SEVERITIES } from "./dom.js";

function bars(title, counts) {
  const max = Math.max(1, ...counts.map(([, count]) => count));
  return el(
    "section",
    { class: "card" },
    el("h2", {}, title),
    counts.map(([label, count, className]) =>
      el(
        "div",
        { class: "bar" },
        el("span", { class: "label" }, label),
        el("span", { class: `fill ${className ?? ""}`, style: { width: `${Math.round((count / max) * 400)}px` } }),
        el("span", { class: "count" }, String(count)),
      ),
    ),
  );
}

export async function coveragePage(show) {
  const [frameworks, findings] = await Promise.all([api("/frameworks"), api("/findings?limit=100")]);
  const open = findings.data.filter(
    (finding) => !["false_positive", "accepted_risk", "fixed"].includes(finding.status),
  );
  const bySeverity = SEVERITIES.map((value) => [
    value,
    open.filter((finding) => finding.severity === value).length,
    `sev-${value}`,
  ]);
  const byFramework = frameworks.data.map((framework) => {
    const refs = new Set(framework.refs.map((entry) => entry.ref));
    return [framework.title, open.filter((finding) => finding.risk_refs.some((ref) => refs.has(ref))).length];
  });
  show(
    el("h1", {}, "Coverage"),
    el("p", { class: "muted" }, `The latest ${open.length} open findings (dismissed and fixed ones left out).`),
    bars("By severity", bySeverity),
    bars("By framework", byFramework),
  );
}
