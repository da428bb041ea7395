// A report as a PDF a compliance officer can hand on: pdfkit with an embedded Unicode font
// (DejaVu, so “quotes”, — and ü print as themselves), document metadata, a summary table in
// severity colours, each framework's controls as a table, and every finding with its evidence
// excerpt and what to change (remediation). Page numbers in the footer of every page.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { remediationFor } from "@penaxtra/engine";
import PDFDocument from "pdfkit";
import type { EvidenceExcerpt } from "../findings/evidence-excerpts.ts";
import { bySeverity, SEVERITIES } from "../findings/severities.ts";
import type { ReportDocument } from "./build-report.ts";

const COLOURS: Record<string, string> = {
  critical: "#8b0000",
  high: "#d9480f",
  medium: "#b08800",
  low: "#2b8a3e",
  info: "#3b5bdb",
};
const EXCERPT_CHARS = 700;
const FINDINGS_PER_SLICE = 25;
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONTS = {
  body: join(fontDir, "DejaVuSans.ttf"),
  bold: join(fontDir, "DejaVuSans-Bold.ttf"),
  mono: join(fontDir, "DejaVuSansMono.ttf"),
};

const excerpt = (text: string, totalChars: number) =>
  totalChars > EXCERPT_CHARS
    ? `${text.slice(0, EXCERPT_CHARS)} … (${totalChars - EXCERPT_CHARS} more characters)`
    : text;
// Control characters other than line breaks would print as boxes.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");

type Doc = InstanceType<typeof PDFDocument>;

/** A row of cells at fixed widths; returns the y below it. Breaks the page first when it would not fit. */
function tableRow(
  doc: Doc,
  cells: Array<{ text: string; fill?: string; colour?: string; bold?: boolean }>,
  widths: number[],
  options: { header?: boolean } = {},
): void {
  const x0 = doc.page.margins.left;
  const padding = 4;
  doc.fontSize(8.5);
  const heights = cells.map((cell, index) =>
    doc
      .font(cell.bold || options.header ? "bold" : "body")
      .heightOfString(cell.text, { width: widths[index]! - 2 * padding }),
  );
  const height = Math.max(...heights) + 2 * padding;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  let x = x0;
  cells.forEach((cell, index) => {
    const width = widths[index]!;
    const fill = cell.fill ?? (options.header ? "#e9ecef" : undefined);
    if (fill) doc.rect(x, y, width, height).fill(fill);
    doc.rect(x, y, width, height).lineWidth(0.5).stroke("#c8c8c8");
    doc
      .fillColor(cell.colour ?? "#1a1a1a")
      .font(cell.bold || options.header ? "bold" : "body")
      .text(cell.text, x + padding, y + padding, { width: width - 2 * padding });
    x += width;
  });
  doc.fillColor("#1a1a1a");
  doc.x = x0;
  doc.y = y + height;
}

function heading(doc: Doc, text: string, size = 14): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font("bold").fontSize(size).fillColor("#14213d").text(text).fillColor("#1a1a1a").moveDown(0.3);
}

export async function reportPdf(
  document: ReportDocument,
  evidence: Map<string, EvidenceExcerpt> = new Map(),
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: document.title,
      Author: "Penaxtra",
      Subject: `Security findings mapped to ${document.frameworks.map((framework) => framework.title).join(", ")}`,
      Keywords: document.frameworks.map((framework) => framework.id).join(", "),
      CreationDate: new Date(document.generated_at),
    },
  });
  doc.registerFont("body", FONTS.body);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("mono", FONTS.mono);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font("bold").fontSize(22).fillColor("#14213d").text(printable(document.title));
  doc
    .font("body")
    .fontSize(9)
    .fillColor("#555")
    .text(
      `Penaxtra report ${document.report_id} · generated ${document.generated_at} · schema ${document.schema_version}`,
    )
    .fillColor("#1a1a1a");

  heading(doc, "Summary");
  const { summary } = document;
  doc
    .font("body")
    .fontSize(10)
    .text(
      `${summary.findings} findings in scope; ${summary.dismissed} dismissed as false positive or accepted risk are not counted.`,
    )
    .moveDown(0.5);
  const cell = width / SEVERITIES.length;
  tableRow(
    doc,
    SEVERITIES.map((severity) => ({
      text: severity.toUpperCase(),
      fill: COLOURS[severity],
      colour: "#ffffff",
      bold: true,
    })),
    SEVERITIES.map(() => cell),
  );
  tableRow(
    doc,
    SEVERITIES.map((severity) => ({ text: String(summary.by_severity[severity] ?? 0), bold: true })),
    SEVERITIES.map(() => cell),
  );
  doc.moveDown(0.4);
  doc
    .font("body")
    .fontSize(9)
    .text(
      `By status: ${
        Object.entries(summary.by_status)
          .map(([status, count]) => `${count} ${status.replace("_", " ")}`)
          .join(", ") || "none"
      }.`,
    );

  for (const framework of document.frameworks) {
    // The edition only where the title does not already name it (the EU AI Act's does).
    heading(
      doc,
      framework.title.includes(framework.edition) ? framework.title : `${framework.title} (${framework.edition})`,
    );
    doc.font("body").fontSize(8).fillColor("#555").text(framework.source_url).fillColor("#1a1a1a").moveDown(0.3);
    const widths = [0.16, 0.44, 0.12, 0.28].map((share) => share * width);
    tableRow(doc, [{ text: "control" }, { text: "title" }, { text: "findings" }, { text: "by severity" }], widths, {
      header: true,
    });
    for (const control of framework.controls)
      tableRow(
        doc,
        [
          { text: control.code, bold: control.finding_count > 0 },
          { text: control.title },
          {
            text: String(control.finding_count),
            bold: control.finding_count > 0,
            colour: control.finding_count ? COLOURS.critical : "#2b8a3e",
          },
          {
            text:
              SEVERITIES.filter((severity) => control.by_severity[severity])
                .map((severity) => `${control.by_severity[severity]} ${severity}`)
                .join(", ") || "-",
          },
        ],
        widths,
      );
  }

  heading(doc, `Findings (${document.findings.length})`);
  const ordered = [...document.findings].sort((a, b) => bySeverity(a, b) || a.created_at.localeCompare(b.created_at));
  for (const [index, finding] of ordered.entries()) {
    // pdfkit draws synchronously: a report of thousands of findings hands the event loop back to
    // the API's other requests every few findings instead of holding it for the whole document.
    if (index % FINDINGS_PER_SLICE === FINDINGS_PER_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
    if (doc.y > doc.page.height - doc.page.margins.bottom - 140) doc.addPage();
    doc.moveDown(0.6);
    const top = doc.y;
    doc.rect(doc.page.margins.left, top, 4, 14).fill(COLOURS[finding.severity] ?? "#555");
    doc
      .fillColor(COLOURS[finding.severity] ?? "#555")
      .font("bold")
      .fontSize(10.5)
      .text(`${finding.severity.toUpperCase()}  `, doc.page.margins.left + 10, top, { continued: true })
      .fillColor("#1a1a1a")
      .text(printable(finding.title));
    doc
      .font("body")
      .fontSize(8)
      .fillColor("#555")
      .text(
        `${finding.probe_id} · ${finding.category} · ${finding.status.replace("_", " ")} · ${finding.lifecycle} · confidence ${finding.confidence.toFixed(2)} · ${finding.id}`,
        doc.page.margins.left,
      )
      .text(finding.risk_refs.join(", "))
      .fillColor("#1a1a1a");
    const shown = evidence.get(finding.id);
    if (shown) {
      for (const [label, text, total] of [
        ["Prompt", shown.prompt, shown.promptChars],
        ["Answer", shown.response, shown.responseChars],
      ] as const) {
        doc.moveDown(0.2).font("bold").fontSize(8).text(label);
        doc
          .font("mono")
          .fontSize(7.5)
          .fillColor("#333")
          .text(printable(excerpt(text, total)) || "(empty)")
          .fillColor("#1a1a1a");
      }
    }
    const remediation = remediationFor(finding.category);
    doc.moveDown(0.2).font("bold").fontSize(8).text("What to change");
    doc.font("body").fontSize(8).text(remediation.summary);
    doc.list(remediation.steps, { bulletRadius: 1.5, textIndent: 8, indent: 4 });
    doc
      .fontSize(7)
      .fillColor("#555")
      .text(remediation.references.map((reference) => `${reference.title}: ${reference.url}`).join("\n"))
      .fillColor("#1a1a1a");
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(7.5)
      .fillColor("#777")
      .text(
        `${printable(document.title)} · Penaxtra · page ${index + 1} of ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 40,
        {
          width,
          align: "center",
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
