/**
 * Child process: the load generator of figure 6, apart from the API it loads (its own
 * process) and from the bench. Each client signs in as its own person, then every client
 * loops with no think time: a warm-up (recorded only for errors), the baseline phase
 * (auth.me), then the directory phase (directory.people and directory.person).
 */

import { childMain } from "../harness/child-main";
import { LatencyRecorder, type LatencySummary } from "../harness/latency";
import {
  type DirectoryMix,
  directoryVisit,
  type Rng,
  seededRng,
  TrpcHttpClient,
  trivialVisit,
} from "../scenarios/directory-requests";

export interface DirectoryLoadInput {
  apiUrl: string;
  /** One signed-in person per concurrent client. */
  users: { email: string; password: string }[];
  mix: DirectoryMix;
  warmupMs: number;
  phaseMs: number;
  seed: number;
}

export interface PhaseReport {
  wallMs: number;
  /** Every request kind on its own (list:search, list:next page, person, auth.me, …). */
  kinds: Record<string, LatencySummary>;
  errors: string[];
}

export interface DirectoryLoadResult {
  clients: number;
  warmup: PhaseReport;
  baseline: PhaseReport & { all: LatencySummary };
  directory: PhaseReport & { list: LatencySummary; person: LatencySummary };
  cpuUserMs: number;
  cpuSystemMs: number;
}

type Visit = (client: TrpcHttpClient, rng: Rng, recorder: LatencyRecorder) => Promise<void>;

/** Every client loops on `visit` until the phase's time is up; requests already sent finish and count. */
async function phase(clients: TrpcHttpClient[], ms: number, seed: number, visit: Visit) {
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
  const report: PhaseReport = { wallMs, kinds: recorder.byKind(wallMs), errors: recorder.errorMessages };
  return { recorder, wallMs, report };
}

childMain<DirectoryLoadInput, DirectoryLoadResult>(async (input) => {
  const clients = await Promise.all(
    input.users.map(async (user) => {
      const client = new TrpcHttpClient(input.apiUrl);
      await client.signIn(user.email, user.password);
      return client;
    }),
  );
  const cpu = process.cpuUsage();
  const directory: Visit = (client, rng, recorder) => directoryVisit(client, rng, input.mix, recorder);
  // Warm caches and JIT on both sides with the real mix; its errors still count.
  const warmup = await phase(clients, input.warmupMs, input.seed, directory);
  const baseline = await phase(clients, input.phaseMs, input.seed + 100, (client, _rng, recorder) =>
    trivialVisit(client, recorder),
  );
  const measured = await phase(clients, input.phaseMs, input.seed + 200, directory);
  const used = process.cpuUsage(cpu);
  for (const client of clients) client.close();
  return {
    clients: clients.length,
    warmup: warmup.report,
    baseline: { ...baseline.report, all: baseline.recorder.summary(() => true, baseline.wallMs) },
    directory: {
      ...measured.report,
      list: measured.recorder.summary((kind) => kind.startsWith("list:"), measured.wallMs),
      person: measured.recorder.summary((kind) => kind === "person", measured.wallMs),
    },
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
  };
});
