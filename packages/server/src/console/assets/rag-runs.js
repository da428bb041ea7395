// RAG runs: the latest runs and one run's tests, both following a running run's stream.
import { api, followOrReread, render } from "./api.js";
import { el, main, severity, table, when } from "./dom.js";

export async function ragRunsPage(show) {
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

export async function ragRunPage(show, id) {
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
