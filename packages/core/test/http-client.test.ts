import { getEventListeners } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorError, createHttpClient, normalizeEmail, normalizePhone, parseRetryAfter } from "../src/index";

// A real local server whose behaviour each test scripts: the client is exercised over real HTTP.
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let hits = 0;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

function client(extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  hits = 0;
  return createHttpClient({
    provider: "Testco",
    baseUrl,
    headers: { authorization: "Bearer s3cret" },
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 4 },
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("http client", () => {
  it("sends the auth header and parses JSON", async () => {
    handler = (req, res) => json(res, 200, { auth: req.headers.authorization, path: req.url });
    expect(await client().getJson("/v1/things", { limit: 5, skip: undefined })).toEqual({
      auth: "Bearer s3cret",
      path: "/v1/things?limit=5",
    });
  });

  it("lets go of the run's signal once each answer is read, answered or refused", async () => {
    // Tried: 20 requests under one run's signal, the last refused with a 404. Must hold: the run's
    // signal holds no listener of any of them afterwards (a long sync sends thousands).
    const run = new AbortController();
    let n = 0;
    handler = (_req, res) => (++n <= 19 ? json(res, 200, { n }) : json(res, 404, { error: "gone" }));
    const http = client({ signal: run.signal });
    for (let i = 0; i < 19; i++) await http.getJson("/x");
    await failure(http.getJson("/x"));
    expect(getEventListeners(run.signal, "abort")).toHaveLength(0);
  });

  it("retries 500s and succeeds", async () => {
    let n = 0;
    handler = (_req, res) => (++n < 3 ? json(res, 500, { error: "boom" }) : json(res, 200, { ok: true }));
    expect(await client().getJson("/x")).toEqual({ ok: true });
    expect(hits).toBe(3);
  });

  it("honours Retry-After on 429 and reports rate_limited when it persists", async () => {
    let n = 0;
    handler = (_req, res) => (++n < 2 ? json(res, 429, {}, { "retry-after": "0" }) : json(res, 200, { ok: 1 }));
    expect(await client().getJson("/x")).toEqual({ ok: 1 });
    handler = (_req, res) => json(res, 429, { error: "slow down" }, { "retry-after": "0" });
    const error = await failure(client().getJson("/x"));
    expect(error.kind).toBe("rate_limited");
    expect(hits).toBe(4);
    // A Retry-After longer than the policy allows is reported at once instead of stalling the sync.
    handler = (_req, res) => json(res, 429, {}, { "retry-after": "3600" });
    expect((await failure(client().getJson("/x"))).kind).toBe("rate_limited");
    expect(hits).toBe(1);
  });

  it("maps 401 and 403 without retrying, with the provider's message", async () => {
    handler = (_req, res) => json(res, 401, { data: null, error: "Invalid or revoked token", status: 401 });
    const unauthorised = await failure(client().getJson("/x"));
    expect(unauthorised.kind).toBe("invalid_credentials");
    expect(unauthorised.message).toBe("Testco answered 401 to GET /x: Invalid or revoked token");
    expect(hits).toBe(1);
    handler = (_req, res) => json(res, 403, { error: "missing scope" });
    expect((await failure(client().getJson("/x"))).kind).toBe("forbidden");
  });

  it("retries a truncated body, then reports it as malformed", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data": [1, 2');
    };
    const error = await failure(client().getJson("/x"));
    expect(error.kind).toBe("provider_error");
    expect(error.message).toMatch(/truncated or malformed JSON/);
    expect(hits).toBe(4);
  });

  it("refuses a non-JSON content type and an oversized body", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login</html>");
    };
    expect((await failure(client().getJson("/x"))).message).toMatch(/text\/html instead of JSON/);
    handler = (_req, res) => json(res, 200, { big: "x".repeat(5000) });
    expect((await failure(client({ maxBodyBytes: 1000 }).getJson("/x"))).message).toMatch(
      /over the 1000-byte limit|more than 1000 bytes/,
    );
  });

  it("never sends credentials to another origin", async () => {
    handler = (_req, res) => json(res, 200, {});
    const error = await failure(client().getJson("http://127.0.0.2:1/steal"));
    expect(error.message).toMatch(/another host/);
    expect(hits).toBe(0);
  });

  it("reports a reset connection as unreachable after retrying", async () => {
    handler = (req) => req.socket.destroy();
    const error = await failure(client().getJson("/x"));
    expect(error.kind).toBe("unreachable");
    expect(hits).toBe(4);
  });

  it("times out a hung request and stops at once on abort", async () => {
    handler = () => {}; // never answers
    const timedOut = await failure(client({ timeoutMs: 50, retry: { maxAttempts: 1 } }).getJson("/x"));
    expect(timedOut.message).toMatch(/timed out after 50 ms/);
    const controller = new AbortController();
    const pending = client({ signal: controller.signal }).getJson("/x");
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("does not retry a non-idempotent POST", async () => {
    handler = (_req, res) => json(res, 503, {});
    await failure(client().request({ method: "POST", url: "/x", json: { a: 1 } }));
    expect(hits).toBe(1);
    await failure(client().request({ method: "POST", url: "/x", json: { a: 1 }, idempotent: true }));
    expect(hits).toBe(4);
  });
});

describe("normalisation", () => {
  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("normalises emails and phones, and gives null where it cannot", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(normalizeEmail("not an email")).toBeNull();
    expect(normalizePhone("(415) 555-0132")).toBe("+14155550132");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("ext. 12")).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });
});
