import type { Db } from "@roster/db";
import { findConnector } from "@roster/registry";
import { type RunCounts, totals } from "@roster/sync";
import { connectionById } from "../connection-lookup";
import { openDatabase } from "../database";
import { ExitCode, type ExitCodeValue } from "../exit-codes";
import { parseConnectionId, parseInteger } from "../options";
import { countCells, countColumns } from "../output/counts-table";
import { formatDuration, formatTime } from "../output/format";
import type { Colors, Output } from "../output/output";
import { printRunErrors } from "../output/run-errors";
import { renderTable } from "../output/table";
import { type RunError, runErrors } from "../sync-errors";

export interface RunsOptions {
  limit?: string;
  errors?: boolean;
}

const ERRORS_PER_RUN = 20;

const statusColor = (status: string, c: Colors) =>
  status === "succeeded"
    ? c.green(status)
    : status === "failed"
      ? c.red(status)
      : status === "running"
        ? c.cyan(status)
        : c.yellow(status);

/** `roster runs <connectionId>`: the sync history, newest first, with errors of failed runs (or all, with --errors). */
export async function runsCommand(out: Output, rawId: string, options: RunsOptions): Promise<ExitCodeValue> {
  const connectionId = parseConnectionId(rawId);
  const limit = parseInteger("--limit", options.limit, { min: 1, max: 1000 }) ?? 10;
  const db = await openDatabase();
  try {
    return await listRuns(out, db, connectionId, limit, options.errors === true);
  } finally {
    await db.destroy();
  }
}

async function listRuns(out: Output, db: Db, connectionId: string, limit: number, allErrors: boolean): Promise<ExitCodeValue> {
  const connection = await connectionById(db, connectionId);
  const order = Object.keys(findConnector(connection.connector_id)?.streams ?? {});
  const rows = await db
    .selectFrom("sync_runs")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .orderBy("started_at", "desc")
    .limit(limit)
    .execute();
  const now = Date.now();
  const runs = await Promise.all(
    rows.map(async (run) => {
      const counts = run.counts as RunCounts;
      const withErrors = allErrors || run.status === "failed";
      const found = withErrors ? await runErrors(db, run.id, ERRORS_PER_RUN) : null;
      return {
        id: run.id,
        trigger: run.trigger,
        status: run.status,
        attempts: run.attempts,
        startedAt: run.started_at.toISOString(),
        finishedAt: run.finished_at?.toISOString() ?? null,
        durationMs: (run.finished_at?.getTime() ?? now) - run.started_at.getTime(),
        errorKind: run.error_kind,
        errorMessage: run.error_message,
        counts,
        totals: totals(counts),
        ...(found ? { errors: found.errors, errorCount: found.total } : {}),
      };
    }),
  );
  out.data({
    connection: {
      id: connection.id,
      connector: connection.connector_id,
      name: connection.display_name,
      status: connection.status,
      lastSuccessAt: connection.last_success_at?.toISOString() ?? null,
    },
    runs,
  });

  const { c } = out;
  out.line(
    `${c.bold(connection.display_name)} ${c.dim(`(${connection.connector_id}, ${connection.id})`)}  status ${statusColor(connection.status, c)}`,
  );
  if (runs.length === 0) {
    out.line(`No syncs yet. Start one with \`roster sync ${connection.id}\`.`);
    return ExitCode.ok;
  }
  out.line();
  const table: string[][] = [];
  for (const run of runs) {
    const head = [
      formatTime(new Date(run.startedAt)),
      run.trigger,
      statusColor(run.status, c),
      `${formatDuration(run.durationMs)}${run.finishedAt ? "" : "…"}`,
    ];
    const names = [...order.filter((s) => run.counts[s]), ...Object.keys(run.counts).filter((s) => !order.includes(s))];
    if (names.length === 0) table.push([...head, c.dim("—")]);
    for (const [i, stream] of names.entries()) {
      table.push([...(i === 0 ? head : ["", "", "", ""]), stream, ...countCells(run.counts[stream]!, c)]);
    }
  }
  out.line(
    renderTable(
      [
        { header: "STARTED" },
        { header: "TRIGGER" },
        { header: "STATUS" },
        { header: "DURATION", align: "right" },
        { header: "STREAM" },
        ...countColumns,
      ],
      table,
    ),
  );
  for (const run of runs) printRunDetails(out, run);
  return ExitCode.ok;
}

function printRunDetails(
  out: Output,
  run: {
    id: string;
    startedAt: string;
    status: string;
    errorKind: string | null;
    errorMessage: string | null;
    errors?: RunError[];
    errorCount?: number;
  },
): void {
  if (!run.errors || (run.errors.length === 0 && !run.errorKind)) return;
  const { c } = out;
  out.line();
  // The failure is usually also the first recorded error; then say it once.
  const listed = run.errors.some((e) => e.stream === null && e.message === run.errorMessage);
  const failure = run.errorKind && !listed ? `: ${c.bold(run.errorKind)}: ${run.errorMessage ?? ""}` : "";
  out.line(`Run ${formatTime(new Date(run.startedAt))} ${c.dim(run.id)} ${statusColor(run.status, c)}${failure}`);
  if (run.errors.length === 0) out.line(c.dim("  no errors recorded"));
  printRunErrors(out, run.errors, run.errorCount ?? run.errors.length);
}
