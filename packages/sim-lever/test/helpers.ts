import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LeverSim } from "../src/index";

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

/** GET (or another method) on the simulated API with the sim's default key unless told otherwise. */
export function api(sim: LeverSim, path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const { key = sim.apiKey, headers, ...rest } = init;
  const auth: Record<string, string> = key === null ? {} : { Authorization: basic(key) };
  return fetch(`${sim.url}${path}`, { ...rest, headers: { ...auth, ...(headers as Record<string, string>) } });
}

export async function apiJson<T = any>(sim: LeverSim, path: string, init?: Parameters<typeof api>[2]): Promise<T> {
  const res = await api(sim, path, init);
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Follows `next` until `hasNext` is false; returns every record and the number of pages. */
export async function fetchAllPages<T = any>(
  sim: LeverSim,
  path: string,
  limit: number,
  startOffset?: string,
): Promise<{ records: T[]; pages: number }> {
  const records: T[] = [];
  let pages = 0;
  let offset = startOffset;
  const sep = path.includes("?") ? "&" : "?";
  for (;;) {
    const page = await apiJson(sim, `${path}${sep}limit=${limit}${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`);
    pages++;
    records.push(...page.data);
    if (!page.hasNext) return { records, pages };
    offset = page.next;
  }
}

export interface ReceivedWebhook {
  headers: IncomingMessage["headers"];
  raw: string;
  body: any;
}

/** A local webhook receiver; `respond` picks the status for the n-th request (0-based). */
export async function startReceiver(respond: (n: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const status = respond(received.length);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/lever`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `Response.json()` typed loosely for assertions. */
export const readJson = (res: Response | Promise<Response>): Promise<any> => Promise.resolve(res).then((r) => r.json());
