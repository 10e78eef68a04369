/**
 * Real, small document bodies for downloads, so a connector can forward them to an HRIS byte for byte.
 */

export const CONTENT_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

/** Reduces text to printable ASCII: the PDF uses a standard Type1 font without a unicode map. */
function toPdfText(line: string): string {
  const ascii = line
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
  return ascii.replace(/([\\()])/g, "\\$1");
}

/** A one-page PDF 1.4 with a correct xref table; opens in any viewer. */
export function buildPdf(lines: readonly string[]): Buffer {
  const textOps = lines.map((line, i) => `${i === 0 ? "" : "0 -16 Td "}(${toPdfText(line)}) Tj`).join("\n");
  const stream = `BT /F1 12 Tf 72 720 Td\n${textOps}\nET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((content, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${content}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, "latin1");
  const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function buildText(lines: readonly string[]): Buffer {
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

export function buildBody(ext: string, lines: readonly string[]): Buffer {
  return ext === ".pdf" ? buildPdf(lines) : buildText(lines);
}
