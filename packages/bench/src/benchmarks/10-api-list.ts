import type { ApiLoadInput, ApiLoadResult } from "../children/api-load";
import { processCpuMs, treeCpuMs } from "../harness/cpu";
import { type Figure, fmt } from "../harness/figure";
import { formatMs } from "../harness/latency";
import { runChild } from "../harness/rss-child";
import { publicApiTenant } from "../scenarios/public-api";
import type { Benchmark } from "./types";

const lines = [{ id: "10", title: "public API p95 under load: employees list, page 100 (filters, cursors, expand)" }];
const P95_LIMIT_MS = 50;
const loadEntry = new URL("../children/api-load.ts", import.meta.url);

/**
 * Figure 10: the real API (own process) on the main tenant's directory, loaded by a second
 * process whose clients each loop with no think time over GET /api/v1/employees (first pages,
 * cursors resumed deep in the walk, department + status and location filters, expand,
 * modified_after, a person by id). Baseline: GET /api/v1/connections under the same clients
 * (the key check and HTTP alone). PASS: list p95 < 50 ms with no failed request in any phase.
 */
export const apiList: Benchmark = {
  id: "10",
  title: "public API list p95 under concurrent load",
  lines,
  async run(ctx) {
    const { tenant, key, api } = await publicApiTenant(ctx);
    // A few percent of the people, modified after this instant, for the incremental reads.
    const recent = await tenant.db.db
      .selectFrom("employees")
      .select("updated_at")
      .where("organisation_id", "=", tenant.fixture.organisationId)
      .orderBy("updated_at", "desc")
      .offset(Math.max(1, Math.floor(tenant.people * 0.02)))
      .limit(1)
      .executeTakeFirst();
    const input: ApiLoadInput = {
      apiUrl: api.info.url,
      key,
      clients: ctx.sizes.apiClients,
      departmentIds: tenant.departmentIds,
      locationIds: tenant.locationIds,
      modifiedAfter: (recent?.updated_at ?? new Date(0)).toISOString(),
      warmupMs: ctx.quick ? 1000 : 5000,
      phaseMs: ctx.sizes.apiLoadSeconds * 1000,
      seed: 10,
    };
    const api0 = processCpuMs(api.pid);
    const pg0 = ctx.server.postmasterPid ? treeCpuMs(ctx.server.postmasterPid) : 0;
    let load: Awaited<ReturnType<typeof runChild<ApiLoadInput, ApiLoadResult>>>;
    let apiCpuMs: number;
    try {
      load = await ctx.progress.step(
        `${input.clients} clients (own process): ${input.warmupMs / 1000} s warm-up, ${input.phaseMs / 1000} s /connections, ${input.phaseMs / 1000} s lists`,
        () => runChild<ApiLoadInput, ApiLoadResult>(loadEntry, input, input.warmupMs + 2 * input.phaseMs + 120_000),
      );
      apiCpuMs = processCpuMs(api.pid) - api0;
    } finally {
      await api.stop();
    }
    const result = load.result;
    const phases = [result.warmup, result.baseline, result.lists];
    const errors = phases.reduce((sum, p) => sum + Object.values(p.kinds).reduce((n, k) => n + k.errors, 0), 0);
    const [slowKind, slow] =
      Object.entries(result.lists.kinds)
        .filter(([kind]) => kind.startsWith("list:"))
        .sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0] ?? [];
    const list = result.lists.list;
    const baseline = result.baseline.all;
    const figure: Figure = {
      id: "10",
      title: `${lines[0]!.title} (${fmt.count(tenant.people)} people, ${input.clients} clients)`,
      value: formatMs(list.p95Ms),
      baseline: formatMs(baseline.p95Ms),
      ratio: baseline.p95Ms > 0 ? list.p95Ms / baseline.p95Ms : null,
      target: `p95 < ${P95_LIMIT_MS} ms`,
      status: errors === 0 && list.requests > 0 && list.p95Ms < P95_LIMIT_MS ? "PASS" : "FAIL",
      note:
        `p50 ${formatMs(list.p50Ms)}, p99 ${formatMs(list.p99Ms)}, ${fmt.rate("req/s")(list.perSecond)}` +
        (slow ? `; slowest ${slowKind} p95 ${formatMs(slow.p95Ms)}` : "") +
        `; get by id p95 ${formatMs(result.lists.get.p95Ms)}; baseline GET /connections` +
        (errors > 0 ? `; ${errors} failed requests, e.g. ${phases.flatMap((p) => p.errors)[0] ?? "?"}` : ""),
      details: {
        people: tenant.people,
        load: result,
        loadMaxRssKb: load.maxRssKb,
        cpu: {
          apiMs: apiCpuMs,
          loadMs: Math.round(result.cpuUserMs + result.cpuSystemMs),
          postgresMs: ctx.server.postmasterPid ? treeCpuMs(ctx.server.postmasterPid) - pg0 : null,
        },
      },
    };
    return [figure];
  },
};
