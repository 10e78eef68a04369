/**
 * Child process: the raw floor of a Zenefits sync. The same pages (plain fetch following
 * next_url + JSON.parse), the connector's own mappers to get equivalent rows, and one
 * COPY per table into the empty tables: no HTTP client, no validation of mapped records,
 * no upsert, no run bookkeeping, no deletion check, no reference resolution.
 */
import { zenefitsStreams } from "@roster/connector-zenefits";
import { tableSpecs } from "@roster/sync";
import pg from "pg";
import { childMain } from "../harness/child-main";
import { copyInto, copyRow } from "../harness/copy";
import { fetchPages, streamPaths } from "../harness/fetch-pages";

export interface FloorChildInput {
  databaseUrl: string;
  simUrl: string;
  token: string;
  organisationId: string;
  connectionId: string;
}

export interface FloorChildResult {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Time awaiting pages (request + body + JSON.parse), mapping and encoding, and waiting on COPY. */
  fetchMs: number;
  mapMs: number;
  copyWaitMs: number;
  records: Record<string, number>;
  failures: Record<string, number>;
  pages: number;
  /** When each stream's COPY ended, in ms from the start. */
  streamDoneMs: Record<string, number>;
}

childMain<FloorChildInput, FloorChildResult>(async (input) => {
  const client = new pg.Client({ connectionString: input.databaseUrl, application_name: "roster-bench-floor" });
  await client.connect();
  const prefix = `${input.organisationId}\t${input.connectionId}`;
  const result: FloorChildResult = {
    wallMs: 0,
    cpuUserMs: 0,
    cpuSystemMs: 0,
    fetchMs: 0,
    mapMs: 0,
    copyWaitMs: 0,
    records: {},
    failures: {},
    pages: 0,
    streamDoneMs: {},
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const [name, stream] of Object.entries(zenefitsStreams)) {
    const path = streamPaths[name];
    if (!path) throw new Error(`no endpoint known for stream ${name}`);
    const spec = tableSpecs[stream.model];
    const columns = spec.columns as { column: string; value: (record: unknown) => unknown }[];
    const copy = copyInto(client, spec.table, columns);
    let records = 0;
    let failures = 0;
    const pages = fetchPages(input.simUrl, input.token, path);
    for (;;) {
      let t = performance.now();
      const next = await pages.next();
      result.fetchMs += performance.now() - t;
      if (next.done) break;
      result.pages++;
      t = performance.now();
      let chunk = "";
      for (const raw of next.value) {
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
    result.streamDoneMs[name] = Math.round(performance.now() - started);
  }
  result.wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.cpuUserMs = used.user / 1000;
  result.cpuSystemMs = used.system / 1000;
  await client.end();
  return result;
});
