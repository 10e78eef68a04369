/**
 * Child process: the load generator of figure 10, apart from the API it loads (its own process).
 * Each client holds one kept-alive connection and loops with no think time: a warm-up (errors
 * only), the baseline phase (GET /connections: key check and HTTP, no directory query), then the
 * list phase (the employees list, page 100, with the filters and cursors consumers use).
 */

import { childMain } from "../harness/child-main";
import { LatencyRecorder, type LatencySummary } from "../harness/latency";
import { type Rng, seededRng } from "../scenarios/directory-requests";
import { type EmployeePage, RestClient } from "../scenarios/rest-client";

export interface ApiLoadInput {
  apiUrl: string;
  key: string;
  clients: number;
  departmentIds: string[];
  locationIds: string[];
  /** An instant a few percent of the tenant was modified after. */
  modifiedAfter: string;
  warmupMs: number;
  phaseMs: number;
  seed: number;
}

export interface ApiPhaseReport {
  wallMs: number;
  kinds: Record<string, LatencySummary>;
  errors: string[];
}

export interface ApiLoadResult {
  clients: number;
  warmup: ApiPhaseReport;
  baseline: ApiPhaseReport & { all: LatencySummary };
  lists: ApiPhaseReport & { list: LatencySummary; get: LatencySummary };
  cpuUserMs: number;
  cpuSystemMs: number;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/**
 * Cursors of unfiltered walks and ids seen so far: later visits resume walks deep in the
 * directory, as long exports do. A cursor only continues the query that made it.
 */
const cursors: string[] = [];
const ids: string[] = [];

async function timed(recorder: LatencyRecorder, kind: string, client: RestClient, path: string): Promise<EmployeePage | null> {
  try {
    const { ms, data } = await client.get<EmployeePage>(path);
    recorder.record(kind, ms);
    return data;
  } catch (error) {
    recorder.fail(kind, (error as Error).message);
    return null;
  }
}

function remember(page: EmployeePage | null, query: string, base: string) {
  if (!page) return;
  if (query === base && page.next_cursor && cursors.length < 5000) cursors.push(page.next_cursor);
  if (page.data.length > 0 && ids.length < 5000) ids.push(page.data[Math.floor(page.data.length / 2)]!.id);
}

async function listVisit(client: RestClient, rng: Rng, input: ApiLoadInput, recorder: LatencyRecorder): Promise<void> {
  const base = "/api/v1/employees?page_size=100";
  const roll = rng();
  if (roll < 0.2 && cursors.length > 0) {
    const resumed = await timed(
      recorder,
      "list:resume by cursor",
      client,
      `${base}&cursor=${encodeURIComponent(pick(rng, cursors))}`,
    );
    remember(resumed, base, base);
    return;
  }
  if (roll >= 0.9) {
    if (ids.length > 0) await timed(recorder, "get:employee", client, `/api/v1/employees/${pick(rng, ids)}`);
    return;
  }
  const [kind, query] =
    roll < 0.45
      ? ["list:first page", base]
      : roll < 0.6
        ? ["list:department + active", `${base}&department_id=${pick(rng, input.departmentIds)}&status=active`]
        : roll < 0.7
          ? ["list:location", `${base}&location_id=${pick(rng, input.locationIds)}`]
          : roll < 0.8
            ? ["list:expand", `${base}&expand=manager,department,location`]
            : ["list:modified_after", `${base}&modified_after=${encodeURIComponent(input.modifiedAfter)}`];
  let page = await timed(recorder, kind, client, query);
  remember(page, query, base);
  // Half the walks go on for a page or two with the same query, as an export or a scrolling consumer does.
  for (let more = rng() < 0.5 ? 1 + Math.floor(rng() * 2) : 0; more > 0 && page?.next_cursor; more--) {
    page = await timed(recorder, "list:next page", client, `${query}&cursor=${encodeURIComponent(page.next_cursor)}`);
    remember(page, query, base);
  }
}

type Visit = (client: RestClient, rng: Rng, recorder: LatencyRecorder) => Promise<void>;

async function phase(clients: RestClient[], ms: number, seed: number, visit: Visit) {
  const recorder = new LatencyRecorder();
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    clients.map(async (client, i) => {
      const rng = seededRng(seed + i);
      while (performance.now() < end) await visit(client, rng, recorder);
    }),
  );
  const wallMs = performance.now() - started;
  return { recorder, wallMs, report: { wallMs, kinds: recorder.byKind(wallMs), errors: recorder.errorMessages } };
}

childMain<ApiLoadInput, ApiLoadResult>(async (input) => {
  const clients = Array.from({ length: input.clients }, () => new RestClient(input.apiUrl, input.key));
  const cpu = process.cpuUsage();
  const lists: Visit = (client, rng, recorder) => listVisit(client, rng, input, recorder);
  const warmup = await phase(clients, input.warmupMs, input.seed, lists);
  const baseline = await phase(clients, input.phaseMs, input.seed + 100, async (client, _rng, recorder) => {
    await timed(recorder, "connections", client, "/api/v1/connections");
  });
  const measured = await phase(clients, input.phaseMs, input.seed + 200, lists);
  const used = process.cpuUsage(cpu);
  for (const client of clients) client.close();
  return {
    clients: clients.length,
    warmup: warmup.report,
    baseline: { ...baseline.report, all: baseline.recorder.summary(() => true, baseline.wallMs) },
    lists: {
      ...measured.report,
      list: measured.recorder.summary((kind) => kind.startsWith("list:"), measured.wallMs),
      get: measured.recorder.summary((kind) => kind.startsWith("get:"), measured.wallMs),
    },
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
  };
});
