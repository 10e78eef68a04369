/**
 * Child process: the raw floor of a BambooHR sync. The connector's own reads (the same
 * requests and parsing: directory, custom reports, meta and tables) over a bare HTTP client
 * with no retries and no rate limit, its own mappers, and one COPY per table into the empty
 * tables: no validation of mapped records, no upsert, no run bookkeeping, no deletion check,
 * no reference resolution, one stream after another.
 */
import { bamboohr, bamboohrStreams } from "@roster/connector-bamboohr";
import { createConnectorContext } from "@roster/core";
import { createLogger } from "@roster/logger";
import { tableSpecs } from "@roster/sync";
import pg from "pg";
import { childMain } from "../harness/child-main";
import { copyInto, copyRow } from "../harness/copy";

export interface BambooHrFloorChildInput {
  databaseUrl: string;
  simUrl: string;
  companyDomain: string;
  apiKey: string;
  organisationId: string;
  connectionId: string;
}

export interface BambooHrFloorChildResult {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Time awaiting pages (requests and parsing), mapping and encoding, and waiting on COPY. */
  fetchMs: number;
  mapMs: number;
  copyWaitMs: number;
  records: Record<string, number>;
  failures: Record<string, number>;
}

childMain<BambooHrFloorChildInput, BambooHrFloorChildResult>(async (input) => {
  const client = new pg.Client({ connectionString: input.databaseUrl, application_name: "roster-bench-bamboohr-floor" });
  await client.connect();
  const ctx = createConnectorContext(
    bamboohr,
    { companyDomain: input.companyDomain, apiKey: input.apiKey, baseUrl: input.simUrl },
    { rateLimit: null, retry: { maxAttempts: 1 }, log: createLogger("bench-floor", { level: "silent" }) },
  );
  const prefix = `${input.organisationId}\t${input.connectionId}`;
  const result: BambooHrFloorChildResult = {
    wallMs: 0,
    cpuUserMs: 0,
    cpuSystemMs: 0,
    fetchMs: 0,
    mapMs: 0,
    copyWaitMs: 0,
    records: {},
    failures: {},
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [name, stream] of Object.entries(bamboohrStreams)) {
    const spec = tableSpecs[stream.model];
    const columns = spec.columns as { column: string; value: (record: unknown) => unknown }[];
    const copy = copyInto(client, spec.table, columns);
    let records = 0;
    let failures = 0;
    const read = (stream.read as (c: typeof ctx, from: { cursor: null; since: null }) => AsyncIterable<{ records: unknown[] }>)(
      ctx,
      { cursor: null, since: null },
    );
    const pages = read[Symbol.asyncIterator]();
    for (;;) {
      let t = performance.now();
      const next = await pages.next();
      result.fetchMs += performance.now() - t;
      if (next.done) break;
      t = performance.now();
      let chunk = "";
      for (const raw of next.value.records) {
        const mapped = (stream.map as (raw: unknown) => { ok: boolean; value?: unknown })(raw);
        if (!mapped.ok) {
          failures++;
          continue;
        }
        chunk += copyRow(prefix, columns, mapped.value);
        records++;
      }
      result.mapMs += performance.now() - t;
      t = performance.now();
      await copy.write(chunk);
      result.copyWaitMs += performance.now() - t;
    }
    const t = performance.now();
    await copy.end();
    result.copyWaitMs += performance.now() - t;
    result.records[name] = records;
    result.failures[name] = failures;
  }
  result.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.cpuUserMs = used.user / 1000;
  result.cpuSystemMs = used.system / 1000;
  await client.end();
  return result;
});
