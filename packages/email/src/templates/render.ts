/** What every template returns: one subject, a readable plain-text body and a simple HTML body. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailBody {
  /** Opening paragraphs. */
  intro: string[];
  /** Label/value lines, e.g. ["Connection", "Acme Zenefits"]. */
  facts?: Array<[label: string, value: string]>;
  /** The one button of the email: the place that fixes what it reports. */
  action?: { label: string; url: string };
  /** Further plain links under the button, e.g. the run's errors. */
  links?: Array<{ label: string; url: string }>;
  /** Closing paragraphs. */
  outro?: string[];
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Everything user- or provider-supplied goes through this before it reaches HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** "2026-11-23 17:05 UTC": unambiguous for recipients in any time zone. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A subject is one header line: collapse newlines so nothing can be injected after it. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function renderText(body: EmailBody): string {
  const blocks: string[] = [...body.intro];
  if (body.facts?.length) blocks.push(body.facts.map(([label, value]) => `${label}: ${value}`).join("\n"));
  if (body.action) blocks.push(`${body.action.label}: ${body.action.url}`);
  if (body.links?.length) blocks.push(body.links.map((link) => `${link.label}: ${link.url}`).join("\n"));
  blocks.push(...(body.outro ?? []));
  blocks.push("— Roster");
  return `${blocks.join("\n\n")}\n`;
}

function renderHtml(subject: string, body: EmailBody): string {
  const parts: string[] = body.intro.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (body.facts?.length) {
    const rows = body.facts
      .map(
        ([label, value]) =>
          `<tr><th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
      )
      .join("");
    parts.push(`<table cellspacing="0" cellpadding="0">${rows}</table>`);
  }
  if (body.action) {
    parts.push(
      `<p><a href="${escapeHtml(body.action.url)}" style="display:inline-block;padding:8px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(body.action.label)}</a></p>`,
    );
  }
  for (const link of body.links ?? []) {
    parts.push(`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`);
  }
  parts.push(...(body.outro ?? []).map((p) => `<p>${escapeHtml(p)}</p>`));
  parts.push(`<p style="color:#6b7280">— Roster</p>`);
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111827">`,
    ...parts,
    "</body></html>",
  ].join("\n");
}

/** The one layout every Roster email uses. */
export function renderEmail(subject: string, body: EmailBody): EmailContent {
  const cleanSubject = oneLine(subject);
  return { subject: cleanSubject, text: renderText(body), html: renderHtml(cleanSubject, body) };
}
