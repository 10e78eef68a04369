import type { ContractHarness } from "../harness";

/** One rule of the contract: a title a connector author reads, and a run that throws when broken. */
export interface ContractCheck {
  id: string;
  title: string;
  run(h: ContractHarness): Promise<void>;
}

export function defineCheck(check: ContractCheck): ContractCheck {
  return check;
}

/** Reads a whole stream straight from the connector, as raw records and pages. */
export async function readAll(
  h: ContractHarness,
  stream: string,
  credentials?: unknown,
): Promise<{ records: unknown[]; pages: number }> {
  const { createConnectorContext } = await import("@roster/core");
  const definition = h.connector.streams[stream]!;
  const ctx = createConnectorContext(h.connector, credentials ?? h.usedCredentials[0], {
    log: h.log,
    retry: { baseDelayMs: 1, maxDelayMs: 20, maxAttempts: 8 },
  });
  const records: unknown[] = [];
  let pages = 0;
  for await (const page of definition.read(ctx, { cursor: null, since: null })) {
    pages++;
    records.push(...page.records);
  }
  return { records, pages };
}

export function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}
