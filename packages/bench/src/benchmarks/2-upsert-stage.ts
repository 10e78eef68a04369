import type { Employee } from "@roster/core";
import { sql } from "@roster/db";
import { tableSpecs, upsertBatch } from "@roster/sync";
import pg from "pg";
import type { BenchContext } from "../context";
import { copyInto, copyRow } from "../harness/copy";
import { settle } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { createConnection, createRun } from "../harness/fixtures";
import { employeeRows } from "../scenarios/employee-rows";
import type { Benchmark } from "./types";

const TITLE = "upsertBatch (1000/batch) ÷ COPY, same rows";

export interface UpsertStage {
  rows: number;
  upsertMs: number;
  copyMs: number;
}

/** Our write path alone: the engine's upsertBatch, one statement per batch, into an empty employees table. */
export function upsertStage(ctx: BenchContext): Promise<UpsertStage> {
  return ctx.memo("upsert-stage", async () => {
    const records = await employeeRows(ctx);
    const copyMs = await ctx.progress.step(`COPY of ${fmt.count(records.length)} employee rows (pg-copy-streams)`, () =>
      timeCopy(ctx, records),
    );
    const upsertMs = await ctx.progress.step(`upsertBatch of the same rows, ${ctx.sizes.batchSize} per batch`, () =>
      timeUpsert(ctx, records),
    );
    return { rows: records.length, upsertMs, copyMs };
  });
}

async function timeUpsert(ctx: BenchContext, records: Employee[]): Promise<number> {
  const target = await ctx.dbs.fresh("upsert_stage");
  const fixture = await createConnection(target.db);
  const scope = { ...fixture, runId: await createRun(target.db, fixture) };
  await settle(target.url);
  const size = ctx.sizes.batchSize;
  const started = performance.now();
  for (let i = 0; i < records.length; i += size) {
    await upsertBatch(target.db, tableSpecs.employees, records.slice(i, i + size), scope);
  }
  return performance.now() - started;
}

/**
 * COPY of the rows into a fresh employees table; with `withoutSecondaryIndexes`, after dropping
 * every index that backs no constraint (the people list's covering index…) and the triggers that
 * keep the search table and its trigram index in step: what those cost every write path alike.
 */
export async function timeCopy(
  ctx: BenchContext,
  records: Employee[],
  options: { withoutSecondaryIndexes?: boolean } = {},
): Promise<number> {
  const target = await ctx.dbs.fresh(options.withoutSecondaryIndexes ? "copy_unindexed" : "copy_stage");
  const fixture = await createConnection(target.db);
  if (options.withoutSecondaryIndexes) {
    const { rows } = await sql<{ name: string }>`
      select i.relname as name from pg_index x
      join pg_class i on i.oid = x.indexrelid
      where x.indrelid = 'employees'::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(target.db);
    for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(target.db);
    await sql`alter table employees disable trigger user`.execute(target.db);
  }
  await settle(target.url);
  const client = new pg.Client({ connectionString: target.url, application_name: "roster-bench-copy" });
  await client.connect();
  try {
    const columns = tableSpecs.employees.columns;
    const prefix = `${fixture.organisationId}\t${fixture.connectionId}`;
    const started = performance.now();
    const copy = copyInto(client, "employees", columns);
    // Encoded in the same chunks the upsert arm sends, so both pay for turning records into values.
    for (let i = 0; i < records.length; i += ctx.sizes.batchSize) {
      let chunk = "";
      for (const record of records.slice(i, i + ctx.sizes.batchSize)) chunk += copyRow(prefix, columns, record);
      await copy.write(chunk);
    }
    await copy.end();
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/** Figure 2: performance.md measured 1.47 for unnest + ON CONFLICT against Node COPY. */
export const upsertVsCopy: Benchmark = {
  id: "2",
  title: TITLE,
  lines: [{ id: "2", title: TITLE }],
  async run(ctx) {
    const stage = await upsertStage(ctx);
    return [
      ratioFigure({
        id: "2",
        title: `${TITLE} (${fmt.count(stage.rows)} employees)`,
        value: stage.upsertMs,
        baseline: stage.copyMs,
        format: fmt.seconds,
        op: "<=",
        limit: 2.0,
        details: {
          ...stage,
          upsertRowsPerSecond: (stage.rows / stage.upsertMs) * 1000,
          copyRowsPerSecond: (stage.rows / stage.copyMs) * 1000,
        },
      }),
    ];
  },
};
