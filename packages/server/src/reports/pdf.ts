// A small PDF writer for text reports: A4 pages of Helvetica lines, wrapped and paginated, no
// dependency. Text is limited to what WinAnsi can show; anything else becomes "?".

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  /** Blank space before the line, in points. */
  gapBefore?: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
// Helvetica's average glyph width is about half the font size: wrap a little inside that.
const wrapAt = (size: number) => Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * 0.5));

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = "";
      }
      line = line ? `${line} ${word}` : word;
      while (line.length > width) {
        lines.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    lines.push(line);
  }
  return lines;
}

const pdfString = (text: string) =>
  `(${[...text]
    .map((char) => (char.charCodeAt(0) > 126 || char.charCodeAt(0) < 32 ? "?" : char))
    .join("")
    .replace(/[\\()]/g, (char) => `\\${char}`)})`;

export function renderPdf(lines: PdfLine[], footer: string): Buffer {
  // Lay the lines out on pages.
  const pages: string[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const size = line.size ?? 10;
    y -= line.gapBefore ?? 0;
    for (const piece of wrap(line.text, wrapAt(size))) {
      if (y - size * 1.3 < MARGIN + 20) {
        pages.push([]);
        y = PAGE_HEIGHT - MARGIN;
      }
      y -= size * 1.3;
      pages
        .at(-1)!
        .push(`BT /${line.bold ? "F2" : "F1"} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td ${pdfString(piece)} Tj ET`);
    }
  }

  // Objects: 1 catalog, 2 pages, 3-4 fonts, then a page and its content stream per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 5 + index * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  pages.forEach((content, index) => {
    const stream = [
      ...content,
      `BT /F1 8 Tf ${MARGIN} 30 Td ${pdfString(`${footer} - page ${index + 1} of ${pages.length}`)} Tj ET`,
    ].join("\n");
    objects[pageIds[index]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`;
    objects[pageIds[index]! + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });

  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
