import { settle } from "../harness/database";
import { type Figure, fmt, ratioFigure } from "../harness/figure";
import { directoryTables, markWrites, writesSince } from "../harness/write-counts";
import { mainSync, syncOnce } from "../scenarios/zenefits-sync";
import type { Benchmark } from "./types";

const lines = [
  { id: "4a", title: "unchanged re-sync: directory rows written" },
  { id: "4b", title: "unchanged re-sync ÷ initial sync, wall time" },
  { id: "4c", title: "1% changed re-sync: employee rows written ÷ changed" },
];

/**
 * Figure 4: re-syncs of the main tenant after the initial sync. Rows written are counted
 * two ways: distinct rows with a row version newer than the mark (xmin, exact) and the
 * pg_stat_user_tables deltas (kept in the details).
 */
export const resync: Benchmark = {
  id: "4",
  title: "re-syncs",
  lines,
  async run(ctx) {
    const main = await mainSync(ctx);
    const initial = main.initial.report.result;

    await settle(main.db.url);
    const beforeUnchanged = await markWrites(main.db.url);
    const unchanged = await ctx.progress.step("unchanged re-sync (child process)", () => syncOnce(ctx, main));
    const unchangedWrites = await writesSince(main.db.url, beforeUnchanged);
    const unchangedRows = directoryTables.reduce((sum, t) => sum + unchangedWrites[t].rowsWritten, 0);

    const change = Math.max(1, Math.round(main.sim.people / 100));
    const mutation = await main.sim.mutate({ change });
    const changed = mutation.changed.length;
    await settle(main.db.url);
    const beforeChanged = await markWrites(main.db.url);
    const onePercent = await ctx.progress.step(`re-sync after changing ${fmt.count(changed)} people (child process)`, () =>
      syncOnce(ctx, main),
    );
    const changedWrites = await writesSince(main.db.url, beforeChanged);
    const employeesWritten = changedWrites.employees.rowsWritten;

    const figures: Figure[] = [
      {
        id: "4a",
        title: lines[0]!.title,
        value: `${fmt.count(unchangedRows)} rows`,
        baseline: "—",
        ratio: null,
        target: "= 0",
        status: unchangedRows === 0 ? "PASS" : "FAIL",
        details: { writes: unchangedWrites },
      },
      ratioFigure({
        id: "4b",
        title: lines[1]!.title,
        value: unchanged.report.result.wallMs,
        baseline: initial.wallMs,
        format: fmt.seconds,
        op: "<=",
        limit: 1.3,
        details: { unchanged: { ...unchanged.report.result, cpu: unchanged.cpu, maxRssKb: unchanged.report.maxRssKb } },
      }),
      {
        id: "4c",
        title: lines[2]!.title,
        value: `${fmt.count(employeesWritten)} rows`,
        baseline: `${fmt.count(changed)} changed`,
        ratio: changed > 0 ? employeesWritten / changed : null,
        target: "= changed",
        status: employeesWritten === changed ? "PASS" : "FAIL",
        note:
          employeesWritten === changed
            ? undefined
            : `employees: ${employeesWritten} rows written for ${changed} people changed (n_tup_upd ${changedWrites.employees.updated})`,
        details: {
          requestedChange: change,
          changed,
          writes: changedWrites,
          wallMs: onePercent.report.result.wallMs,
          run: { ...onePercent.report.result, cpu: onePercent.cpu, maxRssKb: onePercent.report.maxRssKb },
        },
      },
    ];
    return figures;
  },
};
