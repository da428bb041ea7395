// Findings: the filtered list, one finding's evidence and judge votes, and the review queue, with
// the triage buttons the last two share.
import { api, render } from "./api.js";
import { el, SEVERITIES, severity, table, when } from "./dom.js";

const STATUSES = ["open", "needs_review", "confirmed", "false_positive", "accepted_risk", "fixed"];
const LIFECYCLES = ["new", "recurring", "regressed", "fixed"];

function findingsTable(findings) {
  return table(
    ["severity", "title", "category", "status", "confidence", "found"],
    findings.map((finding) =>
      el(
        "tr",
        {
          class: "link",
          dataset: { finding: finding.id },
          onclick: () => (location.hash = `#/findings/${finding.id}`),
        },
        el("td", {}, severity(finding.severity)),
        el("td", {}, finding.title),
        el("td", {}, finding.category),
        el("td", {}, finding.status),
        el("td", {}, finding.confidence.toFixed(2)),
        el("td", {}, when(finding.created_at)),
      ),
    ),
  );
}

export async function findingsPage(show, query) {
  const filters = new URLSearchParams(query);
  const [listed, frameworks] = await Promise.all([api(`/findings?limit=100&${filters}`), api("/frameworks")]);
  const refs = frameworks.data.flatMap((framework) => framework.refs.map((entry) => entry.ref));
  const choose = (name, values) =>
    el(
      "select",
      {
        "aria-label": name,
        onchange: (event) => {
          if (event.target.value) filters.set(name, event.target.value);
          else filters.delete(name);
          location.hash = `#/findings?${filters}`;
        },
      },
      el("option", { value: "" }, `any ${name}`),
      values.map((value) => el("option", { value, selected: filters.get(name) === value }, value)),
    );
  show(
    el("h1", {}, "Findings"),
    el(
      "div",
      { class: "filters" },
      choose("severity", SEVERITIES),
      choose("status", STATUSES),
      choose("lifecycle", LIFECYCLES),
      choose("framework_ref", refs),
      filters.get("scan_id") ? el("span", { class: "muted" }, `scan ${filters.get("scan_id")}`) : null,
    ),
    listed.data.length ? findingsTable(listed.data) : el("p", { class: "muted" }, "No findings match."),
  );
}

function triage(finding, onDone) {
  const note = el("input", { name: "note", placeholder: "note for the audit log", size: 40, maxlength: 2000 });
  const message = el("span", { class: "muted", role: "status" });
  const decide = (status, label) =>
    el(
      "button",
      {
        type: "button",
        dataset: { status },
        onclick: async () => {
          try {
            await api(`/findings/${finding.id}`, {
              method: "PATCH",
              body: { status, ...(note.value ? { note: note.value } : {}) },
            });
            message.textContent = `Marked ${status}.`;
            onDone();
          } catch (error) {
            message.textContent = `Could not change: ${error.body?.error ?? error.message}`;
          }
        },
      },
      label,
    );
  return el(
    "div",
    { class: "actions" },
    decide("confirmed", "Confirm"),
    decide("false_positive", "False positive"),
    decide("accepted_risk", "Accept risk"),
    note,
    message,
  );
}

export async function findingPage(show, id) {
  const finding = await api(`/findings/${id}`);
  const { prompt, response, ...rest } = finding.evidence ?? {};
  show(
    el("p", {}, el("a", { href: "#/findings" }, "← Findings")),
    el("h1", {}, severity(finding.severity), " ", finding.title),
    el(
      "p",
      { class: "muted" },
      `probe ${finding.probe_id} · ${finding.category} · status ${finding.status} · ${finding.verdict} at ${finding.confidence.toFixed(2)} · ${finding.risk_refs.join(", ")}`,
    ),
    triage(finding, render),
    el("h2", {}, "Prompt sent"),
    el("pre", { class: "prompt" }, prompt ?? ""),
    el("h2", {}, "Answer received"),
    el("pre", { class: "answer" }, response ?? ""),
    Object.keys(rest).length ? [el("h2", {}, "Other evidence"), el("pre", {}, JSON.stringify(rest, null, 2))] : null,
    el("h2", {}, "Judges"),
    table(
      ["judge", "verdict", "confidence", "rationale"],
      finding.judge_votes.map((vote) =>
        el(
          "tr",
          {},
          el("td", {}, vote.kind === "meta" ? `${vote.judge} (meta-judge)` : vote.judge),
          el("td", { class: `v-${vote.verdict}` }, vote.verdict),
          el("td", {}, vote.confidence.toFixed(2)),
          el("td", {}, vote.rationale),
        ),
      ),
      { class: "votes" },
    ),
  );
}

/** `queue`: the needs_review findings render() has just read for the badge. */
export function reviewPage(show, queue) {
  show(
    el("h1", {}, "Review queue"),
    el("p", { class: "muted" }, "Findings the judges disagree on. Decide each one; every decision is audited."),
    queue.data.length
      ? queue.data.map((finding) =>
          el(
            "div",
            { class: "card", dataset: { finding: finding.id } },
            el("h3", {}, severity(finding.severity), " ", el("a", { href: `#/findings/${finding.id}` }, finding.title)),
            el("p", { class: "muted" }, `${finding.category} · confidence ${finding.confidence.toFixed(2)}`),
            triage(finding, render),
          ),
        )
      : el("p", {}, "Nothing to review."),
  );
}
