import http from "node:http";
import https from "node:https";

/**
 * POSTs one webhook body; resolves with the HTTP status, or null when the
 * receiver could not be reached or timed out. Redirects are not followed.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<number | null> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(null);
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const bytes = Buffer.from(body, "utf8");
    const req = client.request(
      target,
      { method: "POST", agent: false, signal, timeout: timeoutMs, headers: { ...headers, "Content-Length": bytes.length } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? null));
        res.on("error", () => resolve(res.statusCode ?? null));
      },
    );
    req.on("timeout", () => req.destroy(new Error("webhook timeout")));
    req.on("error", () => resolve(null));
    req.end(bytes);
  });
}
