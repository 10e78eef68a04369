import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll } from "vitest";
import { type BambooHrSim, type BambooHrSimOptions, startBambooHrSim } from "../src/index";

/** Starts one simulator for the calling test file and closes it afterwards. */
export function useSim(options: BambooHrSimOptions = {}): () => BambooHrSim {
  let sim: BambooHrSim | undefined;
  beforeAll(async () => {
    sim = await startBambooHrSim(options);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
}

/** What real clients send: the key as Basic username, "x" as password. */
export const basic = (key: string, password = "x") => `Basic ${Buffer.from(`${key}:${password}`).toString("base64")}`;

export interface CallOptions {
  /** Default: the sim's full-access key; null sends no Authorization. */
  key?: string | null;
  accept?: string;
  method?: string;
  body?: string;
  contentType?: string;
  company?: string;
}

/** A request to `${gatewayUrl}${path}` (path starts with /v1/...). */
export function call(sim: BambooHrSim, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? sim.apiKey : options.key;
  if (key !== null) headers.authorization = basic(key);
  if (options.accept !== undefined) headers.accept = options.accept;
  if (options.contentType !== undefined) headers["content-type"] = options.contentType;
  return fetch(`${sim.gatewayUrl(options.company)}${path}`, {
    method: options.method ?? "GET",
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

/** GET with `Accept: application/json`; fails the test on a non-200. */
export async function getJson<T = any>(sim: BambooHrSim, path: string, options: CallOptions = {}): Promise<T> {
  const response = await call(sim, path, { accept: "application/json", ...options });
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${response.headers.get("x-bamboohr-error-message")}`);
  return (await response.json()) as T;
}

/** POST /v1/reports/custom?format=json with a JSON body. */
export async function report<T = any>(sim: BambooHrSim, body: unknown, options: CallOptions & { query?: string } = {}) {
  const response = await call(sim, `/v1/reports/custom?format=json${options.query ?? ""}`, {
    method: "POST",
    contentType: "application/json",
    body: JSON.stringify(body),
    ...options,
  });
  if (response.status !== 200)
    throw new Error(`report answered ${response.status}: ${response.headers.get("x-bamboohr-error-message")}`);
  return (await response.json()) as T;
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["field", "employee", "row", "option", "list", "user", "table"].includes(name),
});

export const parseXml = (text: string): any => xmlParser.parse(text);

/** `<field id="x">v</field>` children as `{x: v}` ("" for an empty element). */
export function xmlFieldMap(fields: any[] | undefined): Record<string, string> {
  return Object.fromEntries((fields ?? []).map((f) => [f["@_id"], typeof f === "string" ? "" : (f["#text"] ?? "")]));
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A local webhook receiver answering each delivery with `statusFor(n)` (n counts from 0). */
export async function startReceiver(statusFor: (n: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const n = received.length;
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statusFor(n)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/bamboohr`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The seeded employee at a fixture index (FIXTURE.*), from the truth. */
export function fixtureEmployee(sim: BambooHrSim, index: number) {
  const employee = sim.truth().employees[index];
  if (!employee) throw new Error(`no employee at index ${index}`);
  return employee;
}

/** A simulator a single test owns (close it in `finally`). */
export const startBambooHrSimFor = (options: BambooHrSimOptions = {}) => startBambooHrSim(options);

/** `Response.json()` typed loosely for assertions. */
export const readJson = (response: Response): Promise<any> => response.json();
