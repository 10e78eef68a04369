import type { IncomingMessage } from "node:http";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ApiError, badRequest } from "./api-error";

export const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new ApiError(413, `Request body larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === "field",
});

/** Parses an XML request body, or throws 400 "Malformed XML" as BambooHR does (reference §1.3). */
export function parseXml(text: string): Record<string, unknown> {
  if (text.trim() === "" || XMLValidator.validate(text) !== true) throw badRequest("Malformed XML");
  return parser.parse(text) as Record<string, unknown>;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Malformed JSON");
  }
}

/** `<field id="x">value</field>` elements as `{x: value}` ("" for an empty element). */
export function xmlFields(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(fields)) return out;
  for (const field of fields) {
    if (typeof field === "string") continue;
    const record = field as Record<string, unknown>;
    const id = record["@_id"];
    if (typeof id !== "string") throw badRequest("Every <field> needs an id attribute");
    const text = record["#text"];
    out[id] = typeof text === "string" ? text : "";
  }
  return out;
}

/** The media type of Content-Type without parameters, lowercased. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
