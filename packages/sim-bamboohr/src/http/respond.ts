import type { ServerResponse } from "node:http";

export const JSON_TYPE = "application/json; charset=utf-8";
export const XML_TYPE = "text/xml; charset=UTF-8";
export const CSV_TYPE = "text/csv; charset=UTF-8";

export interface SimResponse {
  status: number;
  /** Empty for BambooHR's bodiless answers (errors on classic endpoints, 201 on create). */
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (value: unknown, status = 200, headers?: Record<string, string>): SimResponse => ({
  status,
  body: JSON.stringify(value),
  contentType: JSON_TYPE,
  ...(headers ? { headers } : {}),
});

export const xml = (document: string, status = 200): SimResponse => ({ status, body: document, contentType: XML_TYPE });

export const empty = (status: number, headers?: Record<string, string>): SimResponse => ({
  status,
  body: "",
  ...(headers ? { headers } : {}),
});

/** Writes a response; `truncate` sends only the first half of the body with a matching Content-Length. */
export function send(res: ServerResponse, response: SimResponse, requestId: string, truncate = false): void {
  let bytes = Buffer.from(response.body, "utf8");
  if (truncate && bytes.length > 1) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
  const headers: Record<string, string | number> = {
    "x-request-id": requestId,
    "content-length": bytes.length,
    ...response.headers,
  };
  if (response.contentType && bytes.length > 0) headers["content-type"] = response.contentType;
  res.writeHead(response.status, headers);
  res.end(bytes);
}
