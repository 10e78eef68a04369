import { type Db, sql } from "@roster/db";
import { percentile } from "../harness/latency";
import { type HireWorld, zenefitsImports } from "./lever-world";

export interface DrainState {
  succeeded: number;
  /** export_hire jobs still in graphile-worker's table (waiting, running or retrying). */
  jobsLeft: number;
  timedOut: boolean;
  waitedMs: number;
}

async function drainState(db: Db, connectionId: string): Promise<Omit<DrainState, "timedOut" | "waitedMs">> {
  const transfers = await db
    .selectFrom("hire_transfers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("connection_id", "=", connectionId)
    .where("status", "=", "succeeded")
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs where task_identifier = 'export_hire'`.execute(db);
  return { succeeded: Number(transfers.n), jobsLeft: rows[0]?.n ?? 0 };
}

/**
 * Waits until every hire has a successful transfer and the queue holds no export job (the
 * duplicates' jobs ran too, so a second import would already show), or the time limit.
 */
export async function waitForExports(world: HireWorld, timeoutMs: number): Promise<DrainState> {
  const started = performance.now();
  for (;;) {
    const state = await drainState(world.db.db, world.connectionId);
    const waitedMs = performance.now() - started;
    if (state.succeeded >= world.hires.length && state.jobsLeft === 0) return { ...state, timedOut: false, waitedMs };
    if (waitedMs > timeoutMs) return { ...state, timedOut: true, waitedMs };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ExportOutcome {
  exactlyOnce: boolean;
  /** Something done twice, unasked, or not through the webhook: wrong however long one waits. */
  wrong: string[];
  /** Something not done (yet): only wrong once every job has run. */
  missing: string[];
  /** Candidates of the burst in Zenefits' import list, and import calls Zenefits answered for them. */
  imported: number;
  importCalls: number;
  transfers: number;
  succeededTransfers: number;
  /** Transfers that needed more than one attempt (a retried failure: allowed, reported). */
  retriedTransfers: number;
  /**
   * Lever hires outside the burst that the worker's 15-minute reconcile_hires cron exported (the
   * Lever seed has a hire dated in the future, inside its window): the product's own catch-up,
   * reported, not counted.
   */
  reconciledOthers: string[];
  firstImportAtEpochMs: number | null;
  lastImportAtEpochMs: number | null;
  /** Time between one successful transfer and the next: what paces a connection's serial queue. */
  importGapsMs: { p50: number; p95: number; max: number };
}

const count = <T>(items: Iterable<T>, test: (item: T) => boolean) => [...items].filter(test).length;

/**
 * Exactly once, from both ends, for every hire of the burst: Zenefits lists it once and was
 * pushed it once (its list dedupes on external_id, so a second push shows in its request log
 * and in updated_at), and hire_transfers holds one successful transfer for it, started by its
 * webhook. Anything else imported must be a Lever hire that reconciliation found.
 */
export async function checkExactlyOnce(world: HireWorld): Promise<ExportOutcome> {
  const expected = new Set(world.hires.map((h) => h.opportunityId));
  const wrong: string[] = [];
  const missing: string[] = [];
  const problem = (list: string[], n: number, what: string) => {
    if (n > 0) list.push(`${n} ${what}`);
  };

  const rows = await world.db.db
    .selectFrom("hire_transfers")
    .select(["opportunity_id", "status", "attempts", "trigger", "succeeded_at"])
    .where("connection_id", "=", world.connectionId)
    .execute();
  const ours = rows.filter((r) => expected.has(r.opportunity_id));
  const others = rows.filter((r) => !expected.has(r.opportunity_id));
  const reconciledOthers = others.filter((r) => r.trigger === "reconcile").map((r) => r.opportunity_id);
  problem(wrong, others.length - reconciledOthers.length, "transfers for candidates neither delivered nor reconciled");
  const perCandidate = new Map<string, number>();
  for (const r of rows) perCandidate.set(r.opportunity_id, (perCandidate.get(r.opportunity_id) ?? 0) + 1);
  problem(
    wrong,
    count(perCandidate.values(), (n) => n > 1),
    "candidates with more than one transfer",
  );
  // Only a webhook-started transfer proves the delivery path; reconciliation would hide a lost one.
  problem(
    wrong,
    count(ours, (r) => r.trigger !== "webhook"),
    "hires exported by reconciliation, not by their webhook",
  );
  const succeeded = ours.filter((r) => r.status === "succeeded");
  const succeededIds = new Set(succeeded.map((r) => r.opportunity_id));
  problem(
    missing,
    count(expected, (id) => !succeededIds.has(id)),
    "hires without a successful transfer",
  );

  const { candidates: all, importCalls } = await zenefitsImports(world.zenefits);
  const explained = new Set(reconciledOthers);
  const candidates = all.filter((c) => !explained.has(c.external_id ?? ""));
  const listed = new Map<string, number>();
  for (const c of candidates) listed.set(c.external_id ?? "(none)", (listed.get(c.external_id ?? "(none)") ?? 0) + 1);
  problem(
    wrong,
    count(listed.keys(), (id) => !expected.has(id)),
    "unexpected candidates in Zenefits",
  );
  problem(
    wrong,
    count(listed.values(), (n) => n > 1),
    "hires listed twice in Zenefits",
  );
  problem(
    wrong,
    count(candidates, (c) => c.updated_at !== c.created_at),
    "hires pushed to Zenefits again",
  );
  const ourCalls = importCalls - (all.length - candidates.length);
  problem(wrong, ourCalls - candidates.length, "import calls more than hires imported");
  problem(
    missing,
    count(expected, (id) => !listed.has(id)),
    "hires not in Zenefits",
  );

  const times = succeeded
    .map((r) => r.succeeded_at?.getTime() ?? Number.NaN)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const gaps = times
    .slice(1)
    .map((t, i) => t - (times[i] ?? t))
    .sort((a, b) => a - b);
  return {
    exactlyOnce: wrong.length === 0 && missing.length === 0,
    wrong,
    missing,
    imported: listed.size,
    importCalls: ourCalls,
    transfers: ours.length,
    succeededTransfers: succeeded.length,
    retriedTransfers: ours.filter((r) => r.attempts > 1).length,
    reconciledOthers,
    firstImportAtEpochMs: times[0] ?? null,
    lastImportAtEpochMs: times.at(-1) ?? null,
    importGapsMs: { p50: percentile(gaps, 50), p95: percentile(gaps, 95), max: gaps.at(-1) ?? 0 },
  };
}
