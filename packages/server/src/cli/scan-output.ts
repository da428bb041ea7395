// What `penaxtra scan` and `penaxtra rag-run` show: a live progress bar on a terminal (plain lines
// otherwise, for CI logs) and the closing summary table, severity by category.
import type { Schemas } from "@penaxtra/sdk";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import pc from "picocolors";
import { SEVERITIES, type Severity } from "../findings/severities.ts";

const PAINT: Record<Severity, (text: string) => string> = {
  critical: (text) => pc.bold(pc.red(text)),
  high: pc.red,
  medium: pc.yellow,
  low: pc.green,
  info: pc.blue,
};

export interface ProgressState {
  done: number;
  total: number;
  findings: number;
  errors: number;
  status: string;
}

export interface ProgressReporter {
  update(state: ProgressState): void;
  stop(): void;
}

/** A bar with ETA on a terminal; elsewhere a line when the status changes or every few seconds of progress. */
export function progressReporter(
  stream: NodeJS.WriteStream,
  label: string,
  options: { plainEveryMs?: number; words?: { unit: string; findings: string; errors: string } } = {},
): ProgressReporter {
  const words = options.words ?? { unit: "attempts", findings: "findings", errors: "errors" };
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `${label} {bar} {value}/{total} ${words.unit} | {findings} ${words.findings} | {errors} ${words.errors} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    });
    let started = false;
    return {
      update(state) {
        const payload = { findings: state.findings, errors: state.errors };
        if (!started) {
          bar.start(Math.max(state.total, 1), state.done, payload);
          started = true;
        } else {
          bar.setTotal(Math.max(state.total, 1));
          bar.update(state.done, payload);
        }
      },
      stop: () => started && bar.stop(),
    };
  }
  let last: ProgressState | null = null;
  let lastAt = 0;
  const every = options.plainEveryMs ?? 5000;
  return {
    update(state) {
      const now = Date.now();
      const changed = !last || last.status !== state.status;
      const moved = !last || last.done !== state.done;
      if (!changed && !(moved && now - lastAt >= every)) return;
      stream.write(
        `${label} ${state.status}: ${state.done}/${state.total} ${words.unit}, ${state.findings} ${words.findings}, ${state.errors} ${words.errors}\n`,
      );
      last = state;
      lastAt = now;
    },
    stop() {},
  };
}

/** Findings counted by category (rows) and severity (columns), with totals; `needs review` in brackets. */
export function summaryTable(findings: ReadonlyArray<Pick<Schemas["Finding"], "category" | "severity" | "status">>) {
  const table = new Table({
    head: ["category", ...SEVERITIES.map((severity) => PAINT[severity](severity)), "total"],
    style: { head: [], border: [] },
  });
  const cell = (list: typeof findings) => {
    const review = list.filter((finding) => finding.status === "needs_review").length;
    if (!list.length) return pc.dim("-");
    return review ? `${list.length} (${review} review)` : String(list.length);
  };
  const categories = [...new Set(findings.map((finding) => finding.category))].sort();
  for (const category of categories) {
    const inCategory = findings.filter((finding) => finding.category === category);
    table.push([
      category,
      ...SEVERITIES.map((severity) => cell(inCategory.filter((finding) => finding.severity === severity))),
      cell(inCategory),
    ]);
  }
  table.push([
    pc.bold("all"),
    ...SEVERITIES.map((severity) => cell(findings.filter((finding) => finding.severity === severity))),
    pc.bold(cell(findings)),
  ]);
  return table.toString();
}

export const paintSeverity = (severity: Severity) => PAINT[severity](severity);
