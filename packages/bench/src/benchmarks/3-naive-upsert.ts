import { tableSpecs } from "@roster/sync";
import pg from "pg";
import { settle } from "../harness/database";
import { fmt, ratioFigure } from "../harness/figure";
import { createConnection } from "../harness/fixtures";
import { employeeRows } from "../scenarios/employee-rows";
import { timeCopy, upsertStage, writePairsNote } from "./2-upsert-stage";
import type { Benchmark } from "./types";

const TITLE = "write path (upsertBatch) ÷ COPY into the indexed employees table";
const INDEX_TITLE = "COPY into employees ÷ into it without secondary indexes";

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
 * Figure 3, on the table the product writes: our set-wise write path (figure 2's upsertBatch of
 * every row, 1,000 a statement) ÷ COPY of the same rows into the same indexed table, so what
 * both pay for the indexes cancels out and what is left is the write path's own cost. 3b says
 * what the indexes cost: the same COPY into the table with its secondary indexes dropped. The
 * naive path (one INSERT … ON CONFLICT a row, autocommit) runs on `naiveRows` rows, extrapolated
 * to the tenant: naive ÷ ours is printed for information.
 */
export const naiveUpsert: Benchmark = {
  id: "3",
  title: TITLE,
  lines: [
    { id: "3a", title: TITLE },
    { id: "3b", title: INDEX_TITLE },
  ],
  async run(ctx) {
    const records = await employeeRows(ctx);
    const stage = await upsertStage(ctx);
    const unindexedMs = await ctx.progress.step(`COPY of ${fmt.count(records.length)} rows without secondary indexes`, () =>
      timeCopy(ctx, records, { withoutSecondaryIndexes: true }),
    );
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
    const naiveOverOurs = extrapolatedMs / stage.upsertMs;
    return [
      ratioFigure({
        id: "3a",
        title: `${TITLE} (${fmt.count(stage.rows)} rows)`,
        value: stage.upsertMs,
        baseline: stage.copyMs,
        format: fmt.seconds,
        op: "<=",
        limit: 1.3,
        note: [
          writePairsNote(stage),
          `naive row by row ÷ ours: ${naiveOverOurs.toFixed(1)} (${fmt.count(rows.length)} rows, extrapolated to ${fmt.count(stage.rows)}; naive ÷ COPY ${(extrapolatedMs / stage.copyMs).toFixed(1)})`,
        ]
          .filter(Boolean)
          .join("; "),
        details: {
          rows: stage.rows,
          oursMs: stage.upsertMs,
          copyMs: stage.copyMs,
          pairs: stage.pairs,
          naiveRows: rows.length,
          naiveMs,
          naiveRowsPerSecond: (rows.length / naiveMs) * 1000,
          extrapolatedMs,
          naiveOverOurs,
        },
      }),
      ratioFigure({
        id: "3b",
        title: `${INDEX_TITLE} (${fmt.count(stage.rows)} rows)`,
        value: stage.copyMs,
        baseline: unindexedMs,
        format: fmt.seconds,
        op: "<=",
        limit: 2,
        details: { copyMs: stage.copyMs, unindexedMs },
      }),
    ];
  },
};
