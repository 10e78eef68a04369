import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedDelivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A webhook receiver on loopback: records every request with its headers and body, answers
 * what `answer` says (default 200), optionally after a delay.
 */
export async function startReceiver(
  options: { answer?: (request: { id: string; nth: number; body: string }) => number; delayMs?: number } = {},
) {
  const received: ReceivedDelivery[] = [];
  const attemptsById = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["webhook-id"]);
      const nth = (attemptsById.get(id) ?? 0) + 1;
      attemptsById.set(id, nth);
      const status = options.answer?.({ id, nth, body: Buffer.concat(chunks).toString("utf8") }) ?? 200;
      const finish = () => {
        received.push({
          id,
          timestamp: String(req.headers["webhook-timestamp"]),
          signature: String(req.headers["webhook-signature"]),
          body: Buffer.concat(chunks).toString("utf8"),
          status,
        });
        res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try later");
      };
      if (options.delayMs) setTimeout(finish, options.delayMs);
      else finish();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    /** Deliveries the receiver accepted (2xx), by event id. */
    accepted: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
