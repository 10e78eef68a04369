import type { FieldValue } from "../fields/catalog";

/**
 * XML writing for the classic endpoints. Their documents are small, fixed
 * shapes, so plain strings (escaped here, in one place) are simpler and far
 * faster than a generic builder for a 100,000-employee directory.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

const SPECIAL = /[&<>"']/;

export function escapeXml(text: string): string {
  // Most values need no escaping; testing first avoids a replace per value.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string) : text;
}

export type Attributes = Record<string, string | number | boolean | null | undefined>;

export function attributes(attrs: Attributes): string {
  let out = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** `<name attrs>inner</name>`; `inner` must already be XML. */
export function element(name: string, attrs: Attributes, inner: string): string {
  return `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** A field value as element text: null and "" both read as an empty element, as BambooHR sends them. */
export function textOf(value: FieldValue): string {
  if (value === null) return "";
  return escapeXml(String(value));
}

/** `<field id="…">value</field>`, the classic endpoints' unit. */
export function fieldElement(id: string, value: FieldValue): string {
  return `<field id="${escapeXml(id)}">${textOf(value)}</field>`;
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0"?>\n${root}\n`;
}
