import { setImmediate } from "node:timers/promises";
import type { Employee } from "@roster/core";
import { sql } from "@roster/db";
import { copyFields, RECORDS_BETWEEN_YIELDS, tableSpecs, upsertBatch } from "@roster/sync";
import pg from "pg";
import type { BenchContext } from "../context";
import { copyInto, copyRow } from "../harness/copy";
import { settle } from "../harness/database";
import { fmt, medianPair, pairsNote, ratioFigure } from "../harness/figure";
import { createConnection, createRun } from "../harness/fixtures";
import { employeeRows } from "../scenarios/employee-rows";
import type { Benchmark } from "./types";

const TITLE = "upsertBatch (1000/batch) ÷ COPY, same rows";

export interface WritePair {
  upsertMs: number;
  copyMs: number;
  ratio: number;
}

export interface UpsertStage {
  rows: number;
  /** The pair with the median ratio, which figures 2 and 3a report. */
  upsertMs: number;
  copyMs: number;
  /** Every pair, in the order run. */
  pairs: WritePair[];
}

/**
 * Our write path alone: the engine's upsertBatch, one statement per batch, into an empty
 * employees table, against COPY of the same rows into another. The COPY baseline alone moved
 * by half between runs on a shared machine, so the full run measures `writePairs` pairs (a COPY,
 * then the write path) and keeps the pair with the median ratio, as figure 1 does.
 */
export function upsertStage(ctx: BenchContext): Promise<UpsertStage> {
  return ctx.memo("upsert-stage", async () => {
    const records = await employeeRows(ctx);
    const pairs: WritePair[] = [];
    for (let pair = 1; pair <= ctx.sizes.writePairs; pair++) {
      const of = ctx.sizes.writePairs > 1 ? ` (pair ${pair} of ${ctx.sizes.writePairs})` : "";
      const copyMs = await ctx.progress.step(`COPY of ${fmt.count(records.length)} employee rows${of}`, () =>
        timeCopy(ctx, records),
      );
      const upsertMs = await ctx.progress.step(`upsertBatch of the same rows, ${ctx.sizes.batchSize} per batch${of}`, () =>
        timeUpsert(ctx, records),
      );
      pairs.push({ upsertMs, copyMs, ratio: upsertMs / copyMs });
    }
    const median = medianPair(pairs);
    return { rows: records.length, upsertMs: median.upsertMs, copyMs: median.copyMs, pairs };
  });
}

/** Figures 2 and 3a's note on the pairs they chose from. */
export const writePairsNote = (stage: UpsertStage) => pairsNote("COPY/write-path", stage.pairs);

/**
 * upsertBatch driven as the engine drives it (sync-stream.ts): the next batch's rows are
 * encoded while the current batch is being written, yielding every few records so the write's
 * replies are not kept waiting, and one write is in flight at a time. The COPY arm encodes
 * while its stream drains too, so both pay for encoding and both overlap it with the server.
 */
async function timeUpsert(ctx: BenchContext, records: Employee[]): Promise<number> {
  const target = await ctx.dbs.fresh("upsert_stage");
  const fixture = await createConnection(target.db);
  const scope = { ...fixture, runId: await createRun(target.db, fixture) };
  await settle(target.url);
  const spec = tableSpecs.employees;
  const size = ctx.sizes.batchSize;
  const started = performance.now();
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < records.length; i += size) {
    const batch = records.slice(i, i + size);
    const encoded: string[] = [];
    for (const [index, record] of batch.entries()) {
      if (index > 0 && index % RECORDS_BETWEEN_YIELDS === 0) await setImmediate();
      encoded.push(copyFields(spec.columns, record));
    }
    await inFlight;
    inFlight = upsertBatch(target.db, spec, batch, scope, { logChanges: true, encoded });
    // Awaited before the next write; this only keeps a failure meanwhile from counting as unhandled.
    inFlight.catch(() => {});
  }
  await inFlight;
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
        note: writePairsNote(stage),
        details: {
          ...stage,
          upsertRowsPerSecond: (stage.rows / stage.upsertMs) * 1000,
          copyRowsPerSecond: (stage.rows / stage.copyMs) * 1000,
        },
      }),
    ];
  },
};
