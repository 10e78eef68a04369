import { measuredApplications, withClient } from "./database";

/** The synced directory tables: what "rows written" means for a re-sync. */
export const directoryTables = [
  "companies",
  "departments",
  "locations",
  "employees",
  "employments",
  "custom_fields",
  "custom_field_values",
] as const;

export type DirectoryTable = (typeof directoryTables)[number];

export interface WriteMark {
  /** First transaction id not yet started: any row version with xmin ≥ this was written after the mark. */
  nextXid: number;
  stats: Record<string, { ins: number; upd: number; del: number }>;
}

export interface TableWrites {
  /** Distinct rows holding a new version (xmin ≥ mark): exact, whatever the statistics do. */
  rowsWritten: number;
  /** pg_stat_user_tables deltas: an UPDATE of the same row twice counts twice. */
  inserted: number;
  updated: number;
  deleted: number;
}

async function readStats(url: string): Promise<WriteMark["stats"]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ relname: string; ins: string; upd: string; del: string }>(
      "select relname, n_tup_ins as ins, n_tup_upd as upd, n_tup_del as del from pg_stat_user_tables where relname = any($1)",
      [directoryTables],
    );
    return Object.fromEntries(rows.map((r) => [r.relname, { ins: Number(r.ins), upd: Number(r.upd), del: Number(r.del) }]));
  });
}

/** Backends flush their statistics when they exit: wait until the measured process's sessions are gone. */
async function quiesce(url: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const others = await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = any($1)",
        [measuredApplications],
      );
      return rows[0]?.n ?? 0;
    });
    if (others === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
}

export async function markWrites(url: string): Promise<WriteMark> {
  await quiesce(url);
  const nextXid = await withClient(url, async (client) => {
    const { rows } = await client.query<{ x: string }>("select pg_snapshot_xmax(pg_current_snapshot())::text as x");
    return Number(rows[0]?.x ?? 0);
  });
  return { nextXid, stats: await readStats(url) };
}

export async function writesSince(url: string, mark: WriteMark): Promise<Record<DirectoryTable, TableWrites>> {
  await quiesce(url);
  const stats = await readStats(url);
  // xmin is the 32-bit part of the transaction id; no wraparound happens within one run.
  const since = mark.nextXid % 2 ** 32;
  const result = {} as Record<DirectoryTable, TableWrites>;
  await withClient(url, async (client) => {
    for (const table of directoryTables) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from ${table} where xmin::text::bigint >= $1`,
        [since],
      );
      const now = stats[table] ?? { ins: 0, upd: 0, del: 0 };
      const then = mark.stats[table] ?? { ins: 0, upd: 0, del: 0 };
      result[table] = {
        rowsWritten: rows[0]?.n ?? 0,
        inserted: now.ins - then.ins,
        updated: now.upd - then.upd,
        deleted: now.del - then.del,
      };
    }
  });
  return result;
}
