import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressReporter, summaryTable } from "./scan-output.ts";

/** A stream that says it is a terminal, as process.stderr does on one. */
function terminal() {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text(): string };
  let written = "";
  stream.on("data", (chunk) => (written += chunk));
  Object.assign(stream, {
    isTTY: true,
    columns: 160,
    cursorTo: (_x: number, _y?: unknown, done?: () => void) => (done?.(), true),
    clearLine: (_dir: number, done?: () => void) => (done?.(), true),
    moveCursor: (_x: number, _y: number, done?: () => void) => (done?.(), true),
    clearScreenDown: (done?: () => void) => (done?.(), true),
    text: () => written,
  });
  return stream;
}

const state = (done: number, findings = 0, status = "running") => ({ done, total: 10, findings, errors: 1, status });

describe("progressReporter", () => {
  it("draws a bar with attempts, findings, errors and ETA on a terminal", async () => {
    const stream = terminal();
    const progress = progressReporter(stream, "scan");
    progress.update(state(3, 1));
    progress.update(state(10, 4, "completed"));
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.text()).toMatch(/scan .*10\/10 attempts \| 4 findings \| 1 errors \| ETA/);
  });

  it("writes plain lines elsewhere: on every status change, and on progress at most every few seconds", () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (line: string) => lines.push(line) } as unknown as NodeJS.WriteStream;
    const progress = progressReporter(stream, "scan", { plainEveryMs: 60_000 });
    progress.update(state(0, 0, "queued"));
    progress.update(state(0));
    progress.update(state(5));
    progress.update(state(10, 2, "completed"));
    expect(lines).toEqual([
      "scan queued: 0/10 attempts, 0 findings, 1 errors\n",
      "scan running: 0/10 attempts, 0 findings, 1 errors\n",
      "scan completed: 10/10 attempts, 2 findings, 1 errors\n",
    ]);
  });
});

describe("summaryTable", () => {
  it("counts findings by category and severity, with those needing review, and totals", () => {
    const table = summaryTable([
      { category: "jailbreak", severity: "high", status: "confirmed" },
      { category: "jailbreak", severity: "high", status: "needs_review" },
      { category: "prompt_injection", severity: "critical", status: "confirmed" },
    ]).replace(/\u001b\[[0-9;]*m/g, "");
    expect(table).toMatch(/│ jailbreak\s+│ -\s+│ 2 \(1 review\)\s+│/);
    expect(table).toMatch(/│ prompt_injection\s+│ 1\s+│ -\s+│/);
    expect(table).toMatch(/│ all\s+│ 1\s+│ 2 \(1 review\)\s+│ -\s+│ -\s+│ -\s+│ 3 \(1 review\)\s+│/);
  });
});
