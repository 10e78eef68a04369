import { zenefits } from "@roster/connector-zenefits";
import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync, type SyncOutcome } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Chaos: 5% 500s, 429 bursts, latency spikes, truncated pages and connection resets while the
// provider's data changes. Each run must either converge to the provider's truth or fail
// cleanly with the previous data intact; repeated runs must converge.
// ROSTER_LONG_CHAOS=1 runs the long version.
const LONG = process.env.ROSTER_LONG_CHAOS === "1";
const PEOPLE = LONG ? 20_000 : 2000;
const ROUNDS = LONG ? 6 : 3;

let testDb: TestDatabase;
let sim: ZenefitsSim;
let connection: { id: string; organisationId: string; lastSuccessAt: null };
const log = createLogger("chaos", { level: "silent" });

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: PEOPLE, seed: 77 });
  connection = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Zenefits" });
});
afterAll(async () => {
  await sim?.close();
  await testDb?.drop();
});

const sync = (): Promise<SyncOutcome> =>
  runSync({
    db: testDb.db,
    connector: zenefits,
    credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
    connection,
    trigger: "chaos",
    log,
    retry: { baseDelayMs: 2, maxDelayMs: 50, maxAttempts: 5, maxRetryAfterMs: 5_000 },
    batchSize: 500,
  });

async function stored() {
  const { rows } = await sql<{
    remote_id: string;
    deleted: boolean;
    job_title: string | null;
    status: string;
    remote_status: string | null;
  }>`
    select remote_id, remote_deleted_at is not null as deleted, job_title, status, remote_status
    from employees where connection_id = ${connection.id}`.execute(testDb.db);
  return new Map(rows.map((r) => [r.remote_id, r]));
}

function expectEqualsTruth(rows: Awaited<ReturnType<typeof stored>>) {
  const truth = sim.truth().people;
  const live = [...rows.values()].filter((r) => !r.deleted);
  expect(live.length).toBe(truth.length);
  for (const person of truth) {
    const row = rows.get(person.id);
    expect(row?.deleted, `person ${person.id} is live`).toBe(false);
    expect(row?.job_title ?? null).toBe(person.title ?? null);
    expect(row?.remote_status ?? null).toBe(person.status ?? null);
  }
}

describe("chaos", () => {
  it("converges to the truth, and every failed run leaves the previous data intact", async () => {
    expect((await sync()).status).toBe("succeeded");
    expectEqualsTruth(await stored());

    for (let round = 1; round <= ROUNDS; round++) {
      const before = await stored();
      const beforeTruth = new Set(sim.truth().people.map((p) => p.id));
      sim.mutate({ change: 25, add: 10, terminate: 5, delete: 5 });
      sim.clearRequestLog();
      const afterTruth = new Set(sim.truth().people.map((p) => p.id));
      sim.setFaults({
        error500Rate: 0.05,
        rateLimitPerSecond: 400,
        rateLimitBurst: 40,
        latencyMs: 2,
        latencyJitterMs: 40,
        truncateEveryKthListPage: 7,
        resetEveryKthRequest: 53,
        seed: round,
      });
      let outcome: SyncOutcome | undefined;
      for (let attempt = 1; attempt <= 6 && outcome?.status !== "succeeded"; attempt++) {
        outcome = await sync();
        const now = await stored();
        if (outcome.status === "failed") {
          // Clean failure: a typed reason, and nobody who still exists is marked deleted,
          // and nothing that existed before vanished from the table.
          expect(["provider_error", "rate_limited", "unreachable"]).toContain(outcome.errorKind);
          for (const id of before.keys()) expect(now.has(id), `row ${id} kept`).toBe(true);
          for (const [id, row] of now)
            if (row.deleted) expect(afterTruth.has(id), `${id} marked deleted while it exists`).toBe(false);
        }
        // Faults ease off after a failed attempt so the run can converge, as a provider's outage ends.
        if (outcome.status === "failed") sim.setFaults({ error500Rate: 0.02, truncateEveryKthListPage: 0 });
      }
      const byStatus = sim.requestLog().byStatus;
      sim.clearFaults();
      // The chaos really happened: the provider answered with errors during this round.
      expect(
        (byStatus["500"] ?? 0) + (byStatus["429"] ?? 0) + (byStatus.reset ?? 0),
        `faults hit in round ${round}`,
      ).toBeGreaterThan(0);
      expect(outcome?.status, `round ${round} converged`).toBe("succeeded");
      const after = await stored();
      expectEqualsTruth(after);
      for (const id of beforeTruth) if (!afterTruth.has(id)) expect(after.get(id)?.deleted).toBe(true);
    }
  });
});
