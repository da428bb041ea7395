// Scans: the latest scans, a form to start one, and running scans' rows following their streams.
import { api, followOrReread, render } from "./api.js";
import { el, main, table, when } from "./dom.js";

export async function scansPage(show) {
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
