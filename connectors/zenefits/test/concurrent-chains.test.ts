import { SyncAbortedError } from "@roster/core";
import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { ALL_SCOPES, type RequestLogEntry, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { type RunCounts, type RunSyncInput, runSync, type SyncOutcome, tableSpecs } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zenefits } from "../src/index";

// Zenefits' three long cursor chains (people, employments, custom field values) read side by
// side, against what one chain after another stores.
let testDb: TestDatabase;
let sim: ZenefitsSim;
const LONG_CHAINS = ["people", "employments", "customFieldValues"] as const;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Several pages in each long chain (pages of 100).
  sim = await startZenefitsSim({ port: 0, people: 1200, seed: 8 });
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

let organisations = 0;
const newConnection = () =>
  createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Zenefits", organisation: `Org ${++organisations}` });

function sync(connection: SyncConnectionFixture, options: Partial<RunSyncInput> = {}): Promise<SyncOutcome> {
  return runSync({
    db: testDb.db,
    connector: zenefits,
    credentials: { accessToken: sim.createToken({ scopes: [...ALL_SCOPES] }), baseUrl: sim.url },
    connection,
    trigger: "manual",
    log: createLogger("test", { level: "silent" }),
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
    batchSize: 100,
    ...options,
  });
}

/**
 * Everything a connection's sync stored, table by table, without what differs between two
 * connections of the same data (Roster's ids and times): links compared by the remote id they
 * point at.
 */
async function stored(connectionId: string): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const spec of Object.values(tableSpecs)) {
    const links = spec.references ?? [];
    const linked = links.map(
      (ref) =>
        sql`jsonb_build_object(${ref.idColumn}::text, (select x.remote_id from ${sql.table(ref.targetTable)} x where x.id = t.${sql.ref(ref.idColumn)}))`,
    );
    const dropped = ["id", "organisation_id", "connection_id", "created_at", "updated_at", ...links.map((ref) => ref.idColumn)];
    const { rows } = await sql<{ row: string }>`
      select ((to_jsonb(t) - ${dropped}::text[])
        || jsonb_build_object('remote_deleted', t.remote_deleted_at is not null)
        ${sql.join(
          linked.map((link) => sql`|| ${link}`),
          sql` `,
        )})::text as row
      from ${sql.table(spec.table)} t where t.connection_id = ${connectionId} order by t.remote_id`.execute(testDb.db);
    tables[spec.table] = rows.map((r) => r.row);
  }
  return tables;
}

/** The most requests of the long chains the simulator was answering at the same moment. */
function peakOverlap(entries: readonly RequestLogEntry[]): number {
  const chainPaths = new Set(["/core/people", "/core/employments", "/core/custom_field_values"]);
  const edges = entries
    .filter((e) => e.method === "GET" && e.status === 200 && chainPaths.has(e.path))
    .flatMap((e) => {
      const end = Date.parse(e.at);
      return [
        { at: end - e.durationMs, step: 1 },
        { at: end, step: -1 },
      ];
    })
    .sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let peak = 0;
  for (const edge of edges) {
    open += edge.step;
    peak = Math.max(peak, open);
  }
  return peak;
}

/** The most requests that arrived at the simulator within any one second. */
function busiestSecond(entries: readonly RequestLogEntry[]): number {
  const arrivals = entries.map((e) => Date.parse(e.at) - e.durationMs).sort((a, b) => a - b);
  let busiest = 0;
  let first = 0;
  for (const [last, at] of arrivals.entries()) {
    while (at - arrivals[first]! >= 1000) first++;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

let sequential: Record<string, string[]>;

describe("concurrent cursor chains", () => {
  it("a provider answering slowly is read three chains at once, storing what one chain after another stores", async () => {
    // Tried: a sync reading one long chain at a time; then, with 150 ms added to every answer,
    // a sync of the same data into another connection, the concurrency left to the engine.
    // Must hold: the first read no page ahead; the second read each chain's next page ahead and
    // three chains at once (the manifest's default, within Zenefits' 25 requests/s), the
    // simulator saw requests of the three long chains at once and never more (lookups read
    // beside them); both stored the same rows, links included, with the same counts.
    const sequentialConnection = await newConnection();
    const first = await sync(sequentialConnection, { streamConcurrency: 1 });
    expect(first.status, first.errorMessage).toBe("succeeded");
    expect(first.streamConcurrency).toBe(1);
    // The local simulator answers in a few milliseconds: no page is asked for ahead.
    expect(first.readAhead).toBe(false);
    sequential = await stored(sequentialConnection.id);

    sim.setFaults({ latencyMs: 150 });
    sim.clearRequestLog();
    const concurrentConnection = await newConnection();
    try {
      const second = await sync(concurrentConnection);
      expect(second.status, second.errorMessage).toBe("succeeded");
      expect(second.streamConcurrency).toBe(3);
      expect(second.readAhead).toBe(true);
      expect(peakOverlap(sim.requestLog().recent)).toBe(3);
      expect(second.counts).toEqual(first.counts);
    } finally {
      sim.clearFaults();
    }
    const concurrent = await stored(concurrentConnection.id);
    expect(Object.keys(concurrent)).toEqual(Object.keys(sequential));
    for (const table of Object.keys(sequential)) expect(concurrent[table], table).toEqual(sequential[table]);
    expect(sequential.employees?.length).toBe(sim.truth().people.length);
    // The links resolved: most people have a manager, every one a department.
    expect(sequential.employees?.filter((row) => JSON.parse(row).manager_id !== null).length).toBeGreaterThan(0);
  });

  it("three chains at once share one rate budget: the simulator never sees more than it allows", async () => {
    // Tried: a provider answering 150 ms late and allowing 20 requests a second (burst 3, one
    // more at the simulator for the jitter between sending and arriving), synced with that
    // budget, the concurrency left to the engine. Must hold: three chains were read at once, no
    // request was refused with a 429, no second of the run saw more requests arrive than the
    // budget lets through, and the sync read every record.
    const perSecond = 20;
    const burst = 3;
    sim.setFaults({ latencyMs: 150, rateLimitPerSecond: perSecond, rateLimitBurst: burst + 1 });
    sim.clearRequestLog();
    try {
      const outcome = await sync(await newConnection(), { rateLimit: { perSecond, burst } });
      expect(outcome.status, outcome.errorMessage).toBe("succeeded");
      expect(outcome.streamConcurrency).toBe(3);
      const log = sim.requestLog();
      expect(log.recent.length, "every request is in the log").toBe(log.total);
      expect(log.byStatus["429"]).toBeUndefined();
      expect(peakOverlap(log.recent)).toBe(3);
      expect(busiestSecond(log.recent)).toBeLessThanOrEqual(perSecond + burst);
      expect(outcome.counts.people?.read).toBe(sim.truth().people.length);
    } finally {
      sim.clearFaults();
    }
  });

  it("a crash mid-way through the three chains resumes each from its checkpoint and ends as a clean sync", async () => {
    // Tried: three chains at once, each answer 20 ms late, stopped (as a crashing worker is)
    // once each long chain has two batches in and none has finished; then run again. Must hold:
    // when stopped, each long chain had its own checkpoint mid-way; the rerun resumed the run,
    // read each record once in all (its counts equal the truth), and stored exactly what the
    // clean sequential sync stored.
    const connection = await newConnection();
    const controller = new AbortController();
    let reported: RunCounts = {};
    sim.setFaults({ latencyMs: 20 });
    try {
      const crashed = sync(connection, {
        streamConcurrency: 3,
        signal: controller.signal,
        onProgress: (counts) => {
          reported = structuredClone(counts);
          if (LONG_CHAINS.every((name) => (counts[name]?.read ?? 0) >= 200)) controller.abort(new Error("crash"));
        },
      });
      await expect(crashed).rejects.toBeInstanceOf(SyncAbortedError);
    } finally {
      sim.clearFaults();
    }
    for (const name of LONG_CHAINS) expect(reported[name]?.done, `${name} was stopped mid-way`).toBe(false);
    const checkpoints = await testDb.db
      .selectFrom("stream_checkpoints")
      .select(["stream", "cursor", "done"])
      .where("connection_id", "=", connection.id)
      .execute();
    for (const name of LONG_CHAINS) {
      expect(
        checkpoints.find((c) => c.stream === name),
        name,
      ).toMatchObject({ done: false, cursor: expect.any(String) });
    }

    const resumed = await sync(connection, { streamConcurrency: 3 });
    expect(resumed).toMatchObject({ status: "succeeded", resumed: true });
    const truth = sim.truth();
    expect(resumed.counts.people).toMatchObject({ read: truth.people.length, created: truth.people.length });
    expect(resumed.counts.employments).toMatchObject({ read: truth.employments.length, created: truth.employments.length });
    expect(resumed.counts.customFieldValues).toMatchObject({
      read: truth.customFieldValues.length,
      created: truth.customFieldValues.length,
    });
    const after = await stored(connection.id);
    for (const table of Object.keys(sequential)) expect(after[table], table).toEqual(sequential[table]);
  });
});

describe("new records in a re-sync", () => {
  it("stores and logs new people the same whether whole batches of them are COPYed straight in or merged with stored ones", async () => {
    // Tried: two connections synced in full; 150 people added at the provider; one re-synced in
    // batches of 100 (its last batches hold only new people, COPYed straight in), the other in
    // batches of 5,000 (the new people beside stored ones, merged). Must hold: both store the same
    // rows, links and dates included, and their change logs hold the same entries (record,
    // change, fields), every new person logged created.
    const inSmallBatches = await newConnection();
    const inLargeBatches = await newConnection();
    for (const connection of [inSmallBatches, inLargeBatches]) expect((await sync(connection)).status).toBe("succeeded");
    const { added } = sim.mutate({ add: 150 });
    expect((await sync(inSmallBatches, { batchSize: 100 })).status).toBe("succeeded");
    expect((await sync(inLargeBatches, { batchSize: 5000 })).status).toBe("succeeded");

    const small = await stored(inSmallBatches.id);
    const large = await stored(inLargeBatches.id);
    for (const table of Object.keys(large)) expect(small[table], table).toEqual(large[table]);
    const changeLog = async (connectionId: string) =>
      (
        await testDb.db
          .selectFrom("change_log")
          .select(["entity", "remote_id", "change", "fields"])
          .where("connection_id", "=", connectionId)
          .execute()
      )
        .map((entry) => JSON.stringify(entry))
        .sort();
    const logged = await changeLog(inSmallBatches.id);
    expect(logged).toEqual(await changeLog(inLargeBatches.id));
    const createdPeople = logged
      .map((entry) => JSON.parse(entry))
      .filter((e) => e.entity === "employees" && e.change === "created");
    expect(createdPeople.map((e) => e.remote_id).sort()).toEqual([...added].sort());
  });
});
