import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { processCpuMs } from "../harness/cpu";
import { settle } from "../harness/database";
import { type Figure, fmt } from "../harness/figure";
import { publicApiTenant } from "../scenarios/public-api";
import { type EmployeePage, RestClient } from "../scenarios/rest-client";
import type { Benchmark } from "./types";

const lines = [{ id: "9", title: "public API: full employee export by cursor ÷ COPY TO STDOUT of the same rows" }];
const LIMIT = 3;
const PAGE_SIZE = 500;

/** The columns GET /api/v1/employees returns without sensitive:read or remote_data, in its order. */
const exportedColumns =
  "id, connection_id, remote_id, remote_updated_at, first_name, last_name, preferred_name, display_name, work_email, " +
  "work_phone, status, remote_status, employment_type, job_title, start_date, termination_date, manager_id, department_id, " +
  "location_id, remote_deleted_at, created_at, updated_at";

/** A consumer's full export: every page by cursor, each parsed as JSON. */
async function exportByCursor(client: RestClient): Promise<{ ms: number; records: number; pages: number }> {
  const started = performance.now();
  let records = 0;
  let pages = 0;
  let cursor: string | null = null;
  do {
    const { data }: { data: EmployeePage } = await client.get<EmployeePage>(
      `/api/v1/employees?page_size=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    records += data.data.length;
    pages++;
    cursor = data.next_cursor;
  } while (cursor);
  return { ms: performance.now() - started, records, pages };
}

/** The floor: the same rows and columns, in the same order, streamed by COPY to this process. */
async function copyFloor(url: string, organisationId: string): Promise<{ ms: number; records: number; bytes: number }> {
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
      for (const byte of chunk) if (byte === 10) records++;
    }
    return { ms: performance.now() - started, records, bytes };
  } finally {
    await client.end();
  }
}

/**
 * Figure 9: a full export of the main tenant's employees through the real API (own process) by
 * cursor, page_size 500, each page parsed, as a consumer mirroring the directory runs it.
 * Baseline: COPY (the same columns and rows, in id order) TO STDOUT into this process, the
 * fastest way out of PostgreSQL. Pairs alternate (COPY, then the API), after one untimed pass
 * of each; the median pair's ratio is reported.
 */
export const apiExport: Benchmark = {
  id: "9",
  title: "public API export by cursor",
  lines,
  async run(ctx) {
    const { tenant, key, api } = await publicApiTenant(ctx);
    const client = new RestClient(api.info.url, key);
    try {
      await settle(tenant.db.url);
      const organisationId = tenant.fixture.organisationId;
      await copyFloor(tenant.db.url, organisationId);
      await exportByCursor(client);
      const pairs: {
        floor: Awaited<ReturnType<typeof copyFloor>>;
        api: Awaited<ReturnType<typeof exportByCursor>> & { cpu: { apiMs: number; consumerMs: number } };
      }[] = [];
      const count = ctx.quick ? 1 : 3;
      for (let i = 0; i < count; i++) {
        const floor = await ctx.progress.step(`COPY of ${fmt.count(tenant.people)} employees (pair ${i + 1}/${count})`, () =>
          copyFloor(tenant.db.url, organisationId),
        );
        // CPU of the API process and of this consumer: on a busy box, where the time goes when wall time lies.
        const apiCpu0 = processCpuMs(api.pid);
        const clientCpu0 = process.cpuUsage();
        const exported = await ctx.progress.step(`export by cursor through /api/v1 (pair ${i + 1}/${count})`, () =>
          exportByCursor(client),
        );
        const clientCpu = process.cpuUsage(clientCpu0);
        const cpu = {
          apiMs: processCpuMs(api.pid) - apiCpu0,
          consumerMs: Math.round((clientCpu.user + clientCpu.system) / 1000),
        };
        pairs.push({ floor, api: { ...exported, cpu } });
      }
      const ratios = pairs.map((p) => p.api.ms / p.floor.ms);
      const median = [...pairs].sort((a, b) => a.api.ms / a.floor.ms - b.api.ms / b.floor.ms)[Math.floor(pairs.length / 2)]!;
      const ratio = median.api.ms / median.floor.ms;
      const complete = pairs.every((p) => p.api.records === p.floor.records && p.api.records === tenant.people);
      const figure: Figure = {
        id: "9",
        title: `${lines[0]!.title} (${fmt.count(tenant.people)} people, page ${PAGE_SIZE})`,
        value: `${fmt.seconds(median.api.ms)} (${fmt.count(Math.round((median.api.records / median.api.ms) * 1000))} records/s)`,
        baseline: `${fmt.seconds(median.floor.ms)} (${fmt.count(Math.round((median.floor.records / median.floor.ms) * 1000))} rows/s)`,
        ratio,
        target: `<= ${LIMIT}`,
        status: complete && ratio <= LIMIT ? "PASS" : "FAIL",
        note:
          `${median.api.pages} pages; pair ratios ${ratios.map((r) => r.toFixed(2)).join(", ")}; ` +
          `CPU in the median export: API ${fmt.seconds(median.api.cpu.apiMs)}, consumer ${fmt.seconds(median.api.cpu.consumerMs)}` +
          (complete ? "" : `; INCOMPLETE: exported ${pairs.map((p) => p.api.records).join("/")} of ${tenant.people}`),
        details: { pairs, people: tenant.people, pageSize: PAGE_SIZE },
      };
      return [figure];
    } finally {
      client.close();
      await api.stop();
    }
  },
};
