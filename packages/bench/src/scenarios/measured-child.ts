import type { BenchContext } from "../context";
import { processCpuMs, treeCpuMs } from "../harness/cpu";
import { terminateMeasuredSessions } from "../harness/database";
import { type ChildReport, runChild } from "../harness/rss-child";
import type { SimProcess } from "../harness/simulator";

/** CPU seconds each process spent while a measured child ran: is it us, the simulator or PostgreSQL? */
export interface CpuSplit {
  childMs: number;
  simulatorMs: number;
  /** Our embedded server only (null with an external DATABASE_URL). */
  postgresMs: number | null;
}

export interface Measured<T> {
  report: ChildReport<T>;
  cpu: CpuSplit;
}

/** Runs a child entry while sampling the simulator's and PostgreSQL's CPU around it. */
export async function runMeasured<I, O extends { cpuUserMs: number; cpuSystemMs: number }>(
  ctx: BenchContext,
  sim: Pick<SimProcess, "pid">,
  entry: URL,
  input: I,
): Promise<Measured<O>> {
  const pgPid = ctx.server.postmasterPid;
  const sim0 = processCpuMs(sim.pid);
  const pg0 = treeCpuMs(pgPid);
  const report = await runChild<I, O>(entry, input, ctx.childTimeoutMs).catch(async (error: unknown) => {
    await terminateMeasuredSessions(ctx.server.adminUrl).catch(() => {});
    throw error;
  });
  const cpu: CpuSplit = {
    childMs: Math.round(report.result.cpuUserMs + report.result.cpuSystemMs),
    simulatorMs: processCpuMs(sim.pid) - sim0,
    postgresMs: pgPid ? treeCpuMs(pgPid) - pg0 : null,
  };
  return { report, cpu };
}
