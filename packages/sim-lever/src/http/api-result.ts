import type { ServerResponse } from "node:http";
import type { StoredBlob } from "../store/store";

/** What a route produces; the pipeline turns it into bytes (and may truncate list pages). */
export type ApiResult =
  | { kind: "json"; status: number; body: unknown; listPage?: boolean }
  | { kind: "blob"; blob: StoredBlob }
  | { kind: "empty"; status: number };

/**
 * Lever's error body `{code, message}`. Codes follow the restify names Lever's documented codes come
 * from (ResourceNotFound, RequestTimeout); the others are the same family (README choices).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, "ResourceNotFound", `${what} ${id} was not found`);
export const badRequest = (message: string) => new ApiError(400, "BadRequest", message);

export function json(body: unknown, status = 200): ApiResult {
  return { kind: "json", status, body };
}

export function errorResult(error: ApiError): ApiResult {
  return json({ code: error.code, message: error.message }, error.status);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": bytes.length, ...headers });
  res.end(bytes);
}

/** RFC 6266 filename with an ASCII fallback, since candidate names are often not ASCII. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
