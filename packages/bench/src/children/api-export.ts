/**
 * Child process: figure 9's consumer and its baseline, apart from the bench (whose heap holds
 * the tenant's fixtures) and from the API (its own process). Pairs alternate: COPY of the rows
 * to this process, then a full export of them by cursor through /api/v1, each page parsed as a
 * consumer mirroring the directory does; one untimed pass of each first.
 */
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { childMain } from "../harness/child-main";
import { processCpuMs } from "../harness/cpu";
import { type EmployeePage, RestClient } from "../scenarios/rest-client";

export interface ApiExportInput {
  apiUrl: string;
  apiPid: number;
  key: string;
  databaseUrl: string;
  organisationId: string;
  pageSize: number;
  pairs: number;
}

export interface ExportPair {
  floor: { ms: number; records: number; bytes: number };
  /** waitMs: from each request sent to its response's last byte, summed (the rest of ms is the consumer's own parsing). */
  api: { ms: number; records: number; pages: number; waitMs: number; cpu: { apiMs: number; consumerMs: number } };
}

/** The columns GET /api/v1/employees returns without sensitive:read or remote_data, in its order. */
const exportedColumns =
  "id, connection_id, remote_id, remote_updated_at, first_name, last_name, preferred_name, display_name, work_email, " +
  "work_phone, status, remote_status, employment_type, job_title, start_date, termination_date, manager_id, department_id, " +
  "location_id, remote_deleted_at, created_at, updated_at";

/** A consumer's full export: every page by cursor, each parsed as JSON. */
async function exportByCursor(client: RestClient, pageSize: number) {
  const started = performance.now();
  let records = 0;
  let pages = 0;
  let waitMs = 0;
  let cursor: string | null = null;
  do {
    const { ms, data }: { ms: number; data: EmployeePage } = await client.get<EmployeePage>(
      `/api/v1/employees?page_size=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    waitMs += ms;
    records += data.data.length;
    pages++;
    cursor = data.next_cursor;
  } while (cursor);
  return { ms: performance.now() - started, records, pages, waitMs: Math.round(waitMs) };
}

/** The floor: the same rows and columns, in the same order, streamed by COPY to this process. */
async function copyFloor(url: string, organisationId: string) {
  const client = new pg.Client({ connectionString: url, application_name: "roster-bench" });
  await client.connect();
  try {
    const started = performance.now();
    const stream = client.query(
      copyTo(
        `copy (select ${exportedColumns} from employees where organisation_id = '${organisationId}' and remote_deleted_at is null order by id) to stdout`,
      ),
    );
    let records = 0;
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) records++;
    }
    return { ms: performance.now() - started, records, bytes };
  } finally {
    await client.end();
  }
}

childMain<ApiExportInput, ExportPair[]>(async (input) => {
  const client = new RestClient(input.apiUrl, input.key);
  try {
    await copyFloor(input.databaseUrl, input.organisationId);
    await exportByCursor(client, input.pageSize);
    const pairs: ExportPair[] = [];
    for (let i = 0; i < input.pairs; i++) {
      const floor = await copyFloor(input.databaseUrl, input.organisationId);
      // CPU of the API process and of this consumer: where the time goes when wall time lies.
      const api0 = processCpuMs(input.apiPid);
      const consumer0 = process.cpuUsage();
      const exported = await exportByCursor(client, input.pageSize);
      const consumer = process.cpuUsage(consumer0);
      const cpu = { apiMs: processCpuMs(input.apiPid) - api0, consumerMs: Math.round((consumer.user + consumer.system) / 1000) };
      pairs.push({ floor, api: { ...exported, cpu } });
    }
    return pairs;
  } finally {
    client.close();
  }
});
