import type { ServerResponse } from "node:http";
import { type ApiResult, contentDisposition, sendJson } from "./api-result";

/**
 * Writes a route result. `truncate` cuts a JSON body in half while keeping a matching
 * Content-Length, so the HTTP exchange completes but the JSON cannot be parsed.
 */
export function sendResult(
  res: ServerResponse,
  result: ApiResult,
  extraHeaders: Record<string, string>,
  truncate = false,
): number {
  if (result.kind === "blob") {
    const { blob } = result;
    res.writeHead(200, {
      "Content-Type": blob.contentType,
      "Content-Length": blob.bytes.length,
      "Content-Disposition": contentDisposition(blob.fileName),
      ...extraHeaders,
    });
    res.end(blob.bytes);
    return 200;
  }
  if (result.kind === "empty") {
    res.writeHead(result.status, extraHeaders);
    res.end();
    return result.status;
  }
  if (!truncate) {
    sendJson(res, result.status, result.body, extraHeaders);
    return result.status;
  }
  const full = Buffer.from(JSON.stringify(result.body), "utf8");
  const cut = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
  res.writeHead(result.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": cut.length,
    ...extraHeaders,
  });
  res.end(cut);
  return result.status;
}
