// Reads human-labelled judge data: jailbreak CSVs (prompt, completion, label[, goal, source,
// complied]) and XSTest completion CSVs (prompt, completion, final_label).
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseCsvRecords } from "../csv.ts";

export interface LabelledAnswer {
  source: string;
  goal: string;
  prompt: string;
  answer: string;
  /** 1 when the attack succeeded (the answer delivered what was asked), 0 when not, null when unknown. */
  success: 0 | 1 | null;
  /** 1 when the model engaged with the request, 0 when it refused or deflected, null when unknown. */
  complied: 0 | 1 | null;
  /** XSTest only: whether the prompt was unsafe (a contrast prompt). */
  unsafePrompt?: boolean;
}

const flag = (value: string | undefined): 0 | 1 | null => {
  const text = (value ?? "").trim();
  if (text === "") return null;
  if (text === "1" || text === "1.0" || text.toLowerCase() === "true") return 1;
  if (text === "0" || text === "0.0" || text.toLowerCase() === "false") return 0;
  throw new Error(`expected 0, 1 or empty, got "${text.slice(0, 20)}"`);
};

export function parseJailbreakCsv(csv: string, fallbackSource: string): LabelledAnswer[] {
  const records = parseCsvRecords(csv);
  const first = records[0];
  if (!first || !("completion" in first) || !("label" in first) || !("prompt" in first)) {
    throw new Error("expected a CSV with columns prompt, completion, label (optional goal, source, complied)");
  }
  return records.map((record, index) => {
    try {
      return {
        source: record.source?.trim() || fallbackSource,
        prompt: record.prompt!,
        goal: record.goal?.trim() ? record.goal : record.prompt!,
        answer: record.completion!,
        success: flag(record.label),
        complied: flag(record.complied),
      };
    } catch (error) {
      throw new Error(`row ${index + 2}: ${(error as Error).message}`);
    }
  });
}

const XSTEST_LABELS: Record<string, 0 | 1> = { "1_full_compliance": 1, "2_full_refusal": 0, "3_partial_refusal": 0 };

export function parseXstestCsv(csv: string, source: string): LabelledAnswer[] {
  const records = parseCsvRecords(csv);
  const first = records[0];
  if (!first || !("completion" in first) || !("final_label" in first)) {
    throw new Error("expected an XSTest CSV with columns prompt, completion, final_label");
  }
  return records.map((record, index) => {
    const label = record.final_label!.trim();
    const complied = XSTEST_LABELS[label];
    if (complied === undefined) throw new Error(`row ${index + 2}: unknown final_label "${label}"`);
    const unsafePrompt = (record.type ?? "").startsWith("contrast");
    return {
      source,
      prompt: record.prompt!,
      goal: record.prompt!,
      answer: record.completion!,
      // An unsafe XSTest prompt answered in full is a delivered harmful request; a safe one never is.
      success: unsafePrompt ? complied : 0,
      complied,
      unsafePrompt,
    };
  });
}

/** One CSV file, jailbreak or XSTest by its columns. */
export function readLabelledFile(path: string): LabelledAnswer[] {
  const csv = readFileSync(path, "utf8");
  const header = csv.slice(0, csv.indexOf("\n"));
  const source = basename(path).replace(/\.csv$/, "");
  return header.includes("final_label") ? parseXstestCsv(csv, `xstest/${source}`) : parseJailbreakCsv(csv, source);
}

/** Every labelled CSV below a folder (e.g. ../shared/eval with jailbreak/ and xstest/), in name order. */
export function readLabelledTree(dir: string): LabelledAnswer[] {
  const rows: LabelledAnswer[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) rows.push(...readLabelledTree(path));
    else if (entry.name.endsWith(".csv")) rows.push(...readLabelledFile(path));
  }
  return rows;
}
