// The Penaxtra console: a page of this server that talks to /api/v2 with a token kept in session
// storage only. Everything a target wrote (prompts, answers, rationales) is attacker-controlled, so
// the page builds its DOM with text nodes alone: nothing is ever parsed as HTML.

const TOKEN_KEY = "penaxtra.token";
const SEVERITIES = ["critical", "high", "medium", "low", "info"];
const STATUSES = ["open", "needs_review", "confirmed", "false_positive", "accepted_risk", "fixed"];
const LIFECYCLES = ["new", "recurring", "regressed", "fixed"];
const main = document.getElementById("main");
let refreshTimer = null;

/** An element with attributes (on* handlers as functions) and children (strings become text). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    // Through the CSSOM: the page's CSP refuses style attributes.
    else if (name === "style") Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A table: a row of headings, then the rows (tr elements). */
function table(headings, rows, attributes = {}) {
  return el(
    "table",
    attributes,
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headings.map((heading) => el("th", {}, heading)),
      ),
    ),
    el("tbody", {}, rows),
  );
}

const severity = (value) => el("span", { class: `sev sev-${value}` }, value);
const when = (value) => (value ? new Date(value).toLocaleString() : "-");

class ApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body?.error ?? ""}`.trim());
    this.status = status;
    this.body = body;
  }
}

async function api(path, options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(`/api/v2${path}`, {
    method: options.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body ? { "content-type": "application/json" } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  // A token that stopped working (revoked, expired) signs the tab out.
  if (response.status === 401 && !options.signingIn) {
    sessionStorage.removeItem(TOKEN_KEY);
    render();
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

let generation = 0;

/**
 * A render's way to the screen: pages load asynchronously, so one started for an earlier hash can
 * finish after a later one; only the latest render may show anything.
 */
function screenFor(mine) {
  return (...nodes) => {
    if (mine !== generation) return false;
    main.replaceChildren(...nodes.flat(2).filter((node) => node !== null && node !== undefined && node !== false));
    return true;
  };
}

function failure(error) {
  return el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`);
}

// Sign in --------------------------------------------------------------------------------------

function signIn(show) {
  const input = el("input", {
    type: "password",
    name: "token",
    placeholder: "pxt_...",
    autocomplete: "off",
    size: 60,
    "aria-label": "API token",
  });
  const message = el("p", { class: "error", role: "alert" });
  const form = el(
    "form",
    {
      onsubmit: async (event) => {
        event.preventDefault();
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        try {
          await api("/scans?limit=1", { signingIn: true });
          location.hash = "#/scans";
          render();
        } catch (error) {
          sessionStorage.removeItem(TOKEN_KEY);
          message.textContent = error.status === 401 ? "That token is not valid." : `Sign-in failed: ${error.message}`;
        }
      },
    },
    input,
    el("button", { type: "submit" }, "Sign in"),
  );
  show(
    el("h1", {}, "Sign in"),
    el("p", { class: "muted" }, "A tenant token (scopes scans, findings, rag). It stays in this tab only."),
    form,
    message,
  );
}

// Scans ----------------------------------------------------------------------------------------

async function scansPage(show) {
  const [scans, endpoints] = await Promise.all([api("/scans?limit=50"), api("/endpoints?limit=100")]);
  const names = new Map(endpoints.data.map((endpoint) => [endpoint.id, endpoint.name]));
  const select = el(
    "select",
    { name: "endpoint", "aria-label": "Endpoint" },
    endpoints.data.map((endpoint) => el("option", { value: endpoint.id }, `${endpoint.name} (${endpoint.url})`)),
  );
  const message = el("span", { class: "muted", role: "status" });
  const start = el(
    "form",
    {
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const accepted = await api("/scans", { method: "POST", body: { endpoint_id: select.value } });
          message.textContent = `Scan ${accepted.scan_id} started.`;
          render();
        } catch (error) {
          message.textContent = `Could not start: ${error.body?.error ?? error.message}`;
        }
      },
    },
    select,
    el("button", { type: "submit", disabled: endpoints.data.length === 0 }, "Start scan"),
    message,
  );
  const rows = scans.data.map((scan) => scanRow(scan, names));
  const shown = show(
    el("h1", {}, "Scans"),
    start,
    table(["started", "endpoint", "status", "progress", "findings"], rows),
  );
  // Live while a scan is running: each running scan's row follows its event stream; when one ends
  // the page is read again. Where a stream cannot be had, the list reads itself every second.
  if (!shown) return;
  for (const scan of scans.data.filter((scan) => LIVE.includes(scan.status)))
    followOrReread(`/scans/${scan.id}/events`, (event, data) => {
      if (event === "finding") return;
      const row = main.querySelector(`tr[data-scan="${scan.id}"]`);
      row?.replaceWith(scanRow(data, names));
      if (event === "end") render();
    });
}

const LIVE = ["queued", "running", "judging"];

function scanRow(scan, names) {
  const share = scan.attempts_total ? Math.round((scan.attempts_done / scan.attempts_total) * 100) : 0;
  return el(
    "tr",
    {
      class: "link",
      dataset: { scan: scan.id, status: scan.status },
      onclick: () => (location.hash = `#/findings?scan_id=${scan.id}`),
    },
    el("td", {}, when(scan.created_at)),
    el("td", {}, names.get(scan.endpoint_id) ?? scan.endpoint_id),
    el("td", { class: "status" }, scan.status, scan.error ? el("div", { class: "error" }, scan.error) : null),
    el(
      "td",
      {},
      el("span", { class: "progress" }, el("div", { style: { width: `${share}%` } })),
      ` ${scan.attempts_done}/${scan.attempts_total}`,
      scan.attempts_errored ? ` (${scan.attempts_errored} errored)` : "",
    ),
    el("td", { class: "findings" }, String(scan.findings_count)),
  );
}

/** Follows a stream; where none can be had, the page reads itself again every second instead. */
function followOrReread(path, onEvent) {
  followEvents(path, onEvent).catch(() => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(render, 1000);
  });
}

// Streams of this render: every render (a new hash, a refresh) closes those of the one before.
let streams = new AbortController();

/**
 * Reads a Server-Sent Events stream of the API with fetch (EventSource cannot send the token) and
 * hands each event's name and parsed data to `onEvent`, until the stream ends or the page moves on
 * (then it returns quietly); rejects when the stream cannot be had.
 */
async function followEvents(path, onEvent) {
  const { signal } = streams;
  let name = "message";
  let data = [];
  try {
    const response = await fetch(`/api/v2${path}`, {
      headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}` },
      signal,
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, null);
    const lines = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = "";
    for (;;) {
      const { value, done } = await lines.read();
      if (done) return;
      const parts = (pending + value).split(/\r\n|\r|\n/);
      pending = parts.pop();
      for (const line of parts) {
        if (line === "" && data.length) onEvent(name, JSON.parse(data.join("\n")));
        if (line === "") [name, data] = ["message", []];
        else if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

// Findings -------------------------------------------------------------------------------------

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

async function findingsPage(show, query) {
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

async function findingPage(show, id) {
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
function reviewPage(show, queue) {
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

// RAG runs -------------------------------------------------------------------------------------

async function ragRunsPage(show) {
  const runs = await api("/rag-runs?limit=50");
  const shown = show(
    el("h1", {}, "RAG runs"),
    table(["started", "trigger", "status", "passed", "failed", "skipped"], runs.data.map(ragRunRow)),
  );
  // As on the scans page: a running run's row follows its event stream; when one ends the page is
  // read again; where a stream cannot be had, the list reads itself every second.
  if (!shown) return;
  for (const run of runs.data.filter((run) => run.status === "running"))
    followOrReread(`/rag-runs/${run.id}/events`, (event, data) => {
      main.querySelector(`tr[data-rag-run="${run.id}"]`)?.replaceWith(ragRunRow(data));
      if (event === "end") render();
    });
}

function ragRunRow(run) {
  // A run's totals are written when it ends; while it runs, its stream's tests say how far it got.
  const count = (status) =>
    run.status === "running" && run.tests
      ? run.tests.filter((test) => test.status === status).length
      : run[`tests_${status}`];
  return el(
    "tr",
    {
      class: "link",
      dataset: { ragRun: run.id, status: run.status },
      onclick: () => (location.hash = `#/rag-runs/${run.id}`),
    },
    el("td", {}, when(run.started_at)),
    el("td", {}, run.trigger),
    el("td", {}, run.status),
    el("td", {}, String(count("passed"))),
    el("td", {}, String(count("failed"))),
    el("td", {}, String(count("skipped"))),
  );
}

async function ragRunPage(show, id) {
  const run = await api(`/rag-runs/${id}`);
  if (!show(...ragRunView(run)) || run.status !== "running") return;
  // Each test's result appears as it ends: the page follows the run's event stream, and reads the
  // run again every second where a stream cannot be had.
  followOrReread(`/rag-runs/${id}/events`, (_, data) => show(...ragRunView(data)));
}

function ragRunView(run) {
  return [
    el("p", {}, el("a", { href: "#/rag-runs" }, "← RAG runs")),
    el("h1", { dataset: { status: run.status } }, `RAG run ${run.status}`),
    run.error ? el("p", { class: "error" }, run.error) : null,
    table(
      ["test", "suite", "status", "stopped by", "severity", "reason"],
      run.tests.map((test) =>
        el(
          "tr",
          {},
          el("td", {}, test.title),
          el("td", {}, test.suite),
          el("td", {}, test.status),
          el("td", {}, test.stopped_by ?? "-"),
          el("td", {}, severity(test.severity)),
          el("td", {}, test.reason),
        ),
      ),
    ),
  ];
}

// Coverage -------------------------------------------------------------------------------------

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

async function coveragePage(show) {
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

// Routing --------------------------------------------------------------------------------------

async function render() {
  clearTimeout(refreshTimer);
  streams.abort();
  streams = new AbortController();
  const mine = ++generation;
  const show = screenFor(mine);
  const hash = location.hash;
  const signedIn = Boolean(sessionStorage.getItem(TOKEN_KEY));
  document.getElementById("nav").hidden = !signedIn;
  if (!signedIn) return signIn(show);
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  for (const link of document.querySelectorAll("header nav a"))
    link.classList.toggle("active", path.startsWith(link.getAttribute("href").slice(1)));
  try {
    const review = await api("/findings?status=needs_review&limit=100");
    document.getElementById("review-count").textContent = review.data.length ? String(review.data.length) : "";
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "findings" && parts[1]) await findingPage(show, parts[1]);
    else if (parts[0] === "findings") await findingsPage(show, query);
    else if (parts[0] === "review") reviewPage(show, review);
    else if (parts[0] === "rag-runs" && parts[1]) await ragRunPage(show, parts[1]);
    else if (parts[0] === "rag-runs") await ragRunsPage(show);
    else if (parts[0] === "coverage") await coveragePage(show);
    else await scansPage(show);
    // What is on screen now: lets a reader (and a test) tell a finished render from a stale one.
    if (mine === generation) main.dataset.view = hash;
  } catch (error) {
    if (sessionStorage.getItem(TOKEN_KEY)) show(failure(error));
  }
}

document.getElementById("sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = "";
  render();
});
window.addEventListener("hashchange", render);
render();
