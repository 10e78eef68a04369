/** Shared test plumbing: a context against the in-process simulator and a page reader. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ConnectorContext, type ContextOptions, createConnectorContext, type StreamDefinition } from "@roster/core";
import type { Truth, ZenefitsSim } from "@roster/sim-zenefits";
import { type ZenefitsCredentials, zenefits, zenefitsStreams } from "../src/index";

/** Fast retries keep fault tests short; the policy is the core client's, unchanged otherwise. */
export const fastRetry = { baseDelayMs: 5, maxDelayMs: 50 } as const;

export type StreamName = keyof typeof zenefitsStreams;

/** Which part of sim.truth() each stream must reproduce. */
export const truthKeyOf: Record<StreamName, keyof Truth> = {
  companies: "companies",
  locations: "locations",
  departments: "departments",
  people: "people",
  employments: "employments",
  customFields: "customFields",
  customFieldValues: "customFieldValues",
};

export const streamNames = Object.keys(zenefitsStreams) as StreamName[];

export function contextFor(
  sim: Pick<ZenefitsSim, "url" | "defaultToken">,
  token: string = sim.defaultToken,
  options: ContextOptions = {},
): ConnectorContext<ZenefitsCredentials> {
  return createConnectorContext(zenefits, { accessToken: token, baseUrl: sim.url }, { retry: fastRetry, ...options });
}

export interface ReadResult {
  records: unknown[];
  pages: number;
  /** The cursor after the last page read: null when the stream was read to its end. */
  cursor: string | null;
}

/** Reads a stream from `cursor`, stopping after `maxPages` pages. */
export async function readStream(
  stream: StreamDefinition<ZenefitsCredentials, unknown, any>,
  ctx: ConnectorContext<ZenefitsCredentials>,
  cursor: string | null = null,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<ReadResult> {
  const result: ReadResult = { records: [], pages: 0, cursor };
  if (maxPages <= 0) return result;
  for await (const page of stream.read(ctx, { cursor, since: null })) {
    result.records.push(...page.records);
    result.pages++;
    result.cursor = page.nextCursor;
    if (result.pages >= maxPages) break;
  }
  return result;
}

export function idsOf(records: readonly unknown[]): string[] {
  return records.map((record) => String((record as { id: unknown }).id)).sort();
}

export function truthIds(sim: ZenefitsSim, stream: StreamName): string[] {
  return idsOf(sim.truth()[truthKeyOf[stream]]);
}

/** A one-route stand-in for the Zenefits host, for payloads the simulator never sends. Answers every request with `body`. */
export async function startStandIn(body: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
