import { once } from "node:events";
import type { ServerResponse } from "node:http";

export const JSON_TYPE = "application/json; charset=utf-8";
export const XML_TYPE = "text/xml; charset=UTF-8";
export const CSV_TYPE = "text/csv; charset=UTF-8";

export interface SimResponse {
  status: number;
  /** Empty for BambooHR's bodiless answers (errors on classic endpoints, 201 on create). */
  body: string;
  /**
   * A large body rendered piece by piece while it is written (whole-company
   * lists at 100,000 employees), instead of `body`; sent chunked.
   */
  stream?: Iterable<string>;
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

export const streamed = (contentType: string, stream: Iterable<string>): SimResponse => ({
  status: 200,
  body: "",
  stream,
  contentType,
});

export const empty = (status: number, headers?: Record<string, string>): SimResponse => ({
  status,
  body: "",
  ...(headers ? { headers } : {}),
});

export const hasBody = (response: SimResponse) => response.stream !== undefined || response.body.length > 0;

/**
 * Writes a response. `truncate` sends only the first half of the body with a
 * matching Content-Length, so the exchange completes but the body is cut.
 */
export async function send(res: ServerResponse, response: SimResponse, requestId: string, truncate = false): Promise<void> {
  const base: Record<string, string | number> = { "x-request-id": requestId, ...response.headers };
  if (response.contentType && hasBody(response)) base["content-type"] = response.contentType;
  if (response.stream && !truncate) {
    res.writeHead(response.status, base);
    for (const chunk of response.stream) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await once(res, "drain");
    }
    res.end();
    return;
  }
  let bytes = Buffer.from(response.stream ? [...response.stream].join("") : response.body, "utf8");
  if (truncate && bytes.length > 1) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
  res.writeHead(response.status, { ...base, "content-length": bytes.length });
  res.end(bytes);
}

/**
 * Renders `items` as `head item sep item … tail`, yielding a chunk every few
 * hundred items so no single string holds a whole company.
 */
export function* joinedChunks<T>(head: string, items: Iterable<T>, render: (item: T) => string, separator: string, tail: string) {
  let batch = head;
  let count = 0;
  for (const item of items) {
    batch += count === 0 ? render(item) : separator + render(item);
    if (++count % 500 === 0) {
      yield batch;
      batch = "";
    }
  }
  yield batch + tail;
}
