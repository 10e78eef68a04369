import { tableSpecs } from "@roster/sync";
import pg from "pg";
import { settle } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { createConnection } from "../harness/fixtures";
import { employeeRows } from "../scenarios/employee-rows";
import { upsertStage } from "./2-upsert-stage";
import type { Benchmark } from "./types";

const TITLE = "naive row-by-row upsert ÷ upsertBatch";

/** What a first implementation usually does: one parameterised INSERT … ON CONFLICT per record, autocommit. */
function naiveStatement(): string {
  const columns = tableSpecs.employees.columns.map((c) => c.column);
  const names = ["organisation_id", "connection_id", ...columns];
  const params = names.map((_, i) => `$${i + 1}`).join(", ");
  const set = columns
    .filter((c) => c !== "remote_id")
    .map((c) => `${c} = excluded.${c}`)
    .join(", ");
  return `insert into employees (${names.join(", ")}) values (${params})
    on conflict (connection_id, remote_id) do update set ${set}, updated_at = now()`;
}

/**
 * Figure 3: the naive path runs on `naiveRows` rows (10,000; it is slow) and is
 * extrapolated linearly to the tenant size; ours is figure 2's upsert of every row.
 */
export const naiveUpsert: Benchmark = {
  id: "3",
  title: TITLE,
  lines: [{ id: "3", title: TITLE }],
  async run(ctx) {
    const records = await employeeRows(ctx);
    const stage = await upsertStage(ctx);
    const rows = records.slice(0, ctx.sizes.naiveRows);
    const target = await ctx.dbs.fresh("naive_upsert");
    const fixture = await createConnection(target.db);
    await settle(target.url);
    const client = new pg.Client({ connectionString: target.url, application_name: "roster-bench-naive" });
    await client.connect();
    const text = naiveStatement();
    const columns = tableSpecs.employees.columns;
    let naiveMs = 0;
    try {
      naiveMs = await ctx.progress.step(`naive upsert of ${fmt.count(rows.length)} rows, one statement each`, async () => {
        const started = performance.now();
        for (const record of rows) {
          await client.query(text, [
            fixture.organisationId,
            fixture.connectionId,
            ...columns.map((c) => c.value(record) ?? null),
          ]);
        }
        return performance.now() - started;
      });
    } finally {
      await client.end();
    }
    const extrapolatedMs = (naiveMs / rows.length) * stage.rows;
    // No set-wise write beats COPY, so naive ÷ COPY bounds this figure: on the employees table,
    // whose trigram and covering indexes cost every write path alike, it is far below the
    // ~28 performance.md measured on a table without them.
    const ceiling = extrapolatedMs / stage.copyMs;
    return [
      ratioFigure({
        id: "3",
        title: `${TITLE} (${fmt.count(rows.length)} rows → ${fmt.count(stage.rows)})`,
        value: extrapolatedMs,
        baseline: stage.upsertMs,
        format: fmt.seconds,
        op: ">=",
        limit: 15,
        note: `naive ÷ COPY of the same rows is ${ceiling.toFixed(1)}: no set-wise write is much faster than COPY, so about the most this table allows`,
        details: {
          naiveRows: rows.length,
          naiveMs,
          naiveRowsPerSecond: (rows.length / naiveMs) * 1000,
          extrapolatedTo: stage.rows,
          extrapolatedMs,
          oursMs: stage.upsertMs,
          copyMs: stage.copyMs,
          naiveOverCopy: ceiling,
        },
      }),
    ];
  },
};
