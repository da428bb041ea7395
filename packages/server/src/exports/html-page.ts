// What the self-contained HTML pages (a scan's export, a report's download) share: escaping, the
// severity colours and chart, and a head whose CSP lets the page load nothing at all.
import { SEVERITIES } from "../findings/severities.ts";

export const EXCERPT_CHARS = 4000;

export const COLOURS: Record<string, string> = {
  critical: "#8b0000",
  high: "#d9480f",
  medium: "#e6a700",
  low: "#2b8a3e",
  info: "#5c7cfa",
};
export const escapeHtml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[char]!);

/** The first EXCERPT_CHARS of a text, and how much was left out of its full length (`totalChars`, when it was cut before). */
export const excerpt = (text: unknown, totalChars?: number | null) => {
  const value = typeof text === "string" ? text : text === undefined || text === null ? "" : JSON.stringify(text);
  const total = Math.max(totalChars ?? value.length, value.length);
  const shown = value.slice(0, EXCERPT_CHARS);
  return total > shown.length ? `${shown}\n... (${total - shown.length} more characters)` : shown;
};

/** A severity as a badge: the colour from a fixed map, the word escaped. */
export const severityBadge = (severity: string) =>
  `<span class="sev" style="background:${COLOURS[severity] ?? "#555"}">${escapeHtml(severity)}</span>`;

export function severityChart(counts: Record<string, number>): string {
  const max = Math.max(1, ...Object.values(counts));
  const bars = SEVERITIES.map((severity, index) => {
    const width = Math.round((counts[severity]! / max) * 300);
    const y = index * 26;
    return `<text x="0" y="${y + 15}" font-size="13">${severity}</text><rect x="70" y="${y + 3}" width="${width}" height="16" fill="${COLOURS[severity]}"/><text x="${76 + width}" y="${y + 15}" font-size="13">${counts[severity]}</text>`;
  }).join("");
  return `<svg role="img" aria-label="findings by severity" width="420" height="${SEVERITIES.length * 26}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

export const PAGE_HEAD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

export const PAGE_STYLE = `<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a}
h1{margin-bottom:.2rem}table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
pre{background:#f6f6f6;border:1px solid #ddd;padding:.6rem;white-space:pre-wrap;word-break:break-word;max-height:24rem;overflow:auto}
.sev{color:#fff;border-radius:3px;padding:0 .4rem;font-size:.85em;text-transform:uppercase}.meta,.refs{color:#444;margin:.2rem 0}
.finding{border-top:2px solid #eee;margin-top:1.5rem}.v-vulnerable{color:#8b0000;font-weight:600}.v-safe{color:#2b8a3e}.warn{background:#fff3cd;border:1px solid #e6a700;padding:.5rem}
.none{color:#2b8a3e}.hit{color:#8b0000;font-weight:600}
</style>`;
