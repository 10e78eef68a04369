import type { ServerResponse } from "node:http";

export interface HttpResponse {
  status: number;
  /** Already-serialized JSON (or a deliberately broken prefix of it). */
  body: string;
  headers?: Record<string, string>;
}

export function jsonResponse(status: number, value: unknown, headers?: Record<string, string>): HttpResponse {
  return { status, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

export function send(res: ServerResponse, response: HttpResponse): void {
  res.writeHead(response.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(response.body)),
    ...response.headers,
  });
  res.end(response.body);
}
